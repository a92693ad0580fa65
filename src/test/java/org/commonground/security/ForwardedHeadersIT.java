package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.support.TestDatabaseInitializer;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Behind the README's reverse proxy (here: requests from this machine, the proxy trusted by default), each client
 * has its own sign-in allowance, by the address the proxy forwards, and the session cookie is Secure when the
 * proxy says the client used https. {@link UntrustedForwardedHeadersIT}: from anyone else the headers count for nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ForwardedHeadersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestMembers testMembers;

    @Test
    void twoClientsBehindTheProxyHaveTheirOwnAllowance() throws Exception {
        URI base = URI.create("http://localhost:" + port + "/");
        for (int i = 0; i < 30; i++) {
            assertThat(signIn(base, "203.0.113.1", TestMembers.uniqueEmail("Guess"), "wrong-guess")).contains("error");
        }
        String email = testMembers.register("Behind the proxy", "GRN").email();
        assertThat(signIn(base, "203.0.113.1", email, TestMembers.PASSWORD)).as("the guesser's address is used up").contains("error");
        assertThat(signIn(base, "203.0.113.2", email, TestMembers.PASSWORD)).as("a neighbour's is not").doesNotContain("error");
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysTheClientUsedHttps() throws Exception {
        URI base = URI.create("http://localhost:" + port + "/");
        assertThat(sessionCookie(base, "https")).contains("; Secure");
        assertThat(sessionCookie(base, null)).as("plain http, as on a developer's machine").doesNotContain("Secure");
    }

    /** The Set-Cookie of a first visit to the sign-in page, with the proxy's X-Forwarded-Proto when given. */
    static String sessionCookie(URI base, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("login"));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    /** Signs in through the form as a client the proxy forwards for; returns where the app sends it next. */
    static String signIn(URI base, String forwardedFor, String email, String password) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(base.resolve("login")).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow()
                .split(";")[0];
        Matcher csrf = CSRF_META.matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(base.resolve("login")).header("X-Forwarded-For", forwardedFor)
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().firstValue("Location").orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
