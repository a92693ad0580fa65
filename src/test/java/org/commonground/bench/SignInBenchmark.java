package org.commonground.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.CommonGroundApplication;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 17: 300 wrong-password sign-ins at once against one account, through the running app's sign-in form over
 * HTTP, each from its own client address (as forwarded by a trusted proxy, so only the per-account limit applies).
 * Counts how many reached the password check (the app's password encoder is wrapped to count them; target: the
 * per-account limit, 5, exactly), then whether the right password is refused for the rest of the minute, as it
 * should be while the limit holds. Run it with bench/run-signin [attempts].
 */
public final class SignInBenchmark {

    private static final AtomicInteger PASSWORD_CHECKS = new AtomicInteger();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Counts the password checks the app makes, whatever calls them. */
    @Configuration
    static class CountPasswordChecks {
        @Bean
        static BeanPostProcessor countingPasswordEncoder() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof PasswordEncoder encoder)) {
                        return bean;
                    }
                    return new PasswordEncoder() {
                        @Override
                        public String encode(CharSequence raw) {
                            return encoder.encode(raw);
                        }

                        @Override
                        public boolean matches(CharSequence raw, String encoded) {
                            PASSWORD_CHECKS.incrementAndGet();
                            return encoder.matches(raw, encoded);
                        }
                    };
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class, CountPasswordChecks.class)
                .run("--server.port=0", "--vaadin.productionMode=true", "--logging.level.com.vaadin=off",
                        "--spring.datasource.url=" + TestDatabase.url(), "--logging.level.root=warn")) {
            URI base = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/");
            String email = TestMembers.of(app).register("Besieged", "GRN").email();
            int limit = app.getEnvironment().getProperty("commonground.sign-in.failures-per-account-per-minute", Integer.class, 5);

            // Every attacker opens the sign-in page first; then all send their guess at the same moment.
            List<String[]> forms = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String[]>> opened = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    String address = "10.7." + (i / 250) + "." + (i % 250 + 1);
                    opened.add(pool.submit(() -> openSignIn(base, address)));
                }
                for (Future<String[]> f : opened) {
                    forms.add(f.get());
                }
            }
            PASSWORD_CHECKS.set(0);
            CountDownLatch go = new CountDownLatch(1);
            Map<String, Integer> replies = new ConcurrentSkipListMap<>();
            long started;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < attempts; i++) {
                    String[] form = forms.get(i);
                    String guess = "wrong-guess-" + i;
                    pool.submit(() -> {
                        go.await();
                        replies.merge(post(base, form, email, guess), 1, Integer::sum);
                        return null;
                    });
                }
                started = System.nanoTime();
                go.countDown();
            }
            long burstMillis = (System.nanoTime() - started) / 1_000_000;
            int checked = PASSWORD_CHECKS.get();
            String rightPassword = post(base, openSignIn(base, "10.8.0.1"), email, TestMembers.PASSWORD);

            System.out.printf("%d wrong-password sign-ins at once against one account, each from its own address, in %d ms:%n", attempts, burstMillis);
            System.out.printf("  reached the password check (accepted): %d (limit per account per minute: %d)%n", checked, limit);
            System.out.printf("  replies: %s%n", replies);
            System.out.printf("  the right password straight after: %s%n", rightPassword);
            Summary.line("run-signin", attempts + " wrong passwords at once: password checks made", "= " + limit + " (the limit)",
                    String.valueOf(checked), checked == limit);
            long refused = replies.entrySet().stream().filter(e -> e.getKey().endsWith("refused")).mapToLong(Map.Entry::getValue).sum();
            Summary.line("run-signin", "refused, and the right password straight after", "all refused", refused + " of " + attempts + "; "
                    + (rightPassword.endsWith("refused") ? "refused" : rightPassword), refused == attempts && rightPassword.endsWith("refused"));
        }
    }

    /** The sign-in page as a client behind the proxy sees it: its session cookie, its CSRF token and its address. */
    private static String[] openSignIn(URI base, String address) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(base.resolve("login")).header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow()
                .split(";")[0];
        Matcher csrf = CSRF_META.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        return new String[] {cookie, csrf.group(1), address};
    }

    /** The reply's status and where it sends the client: back to the form with the error, back to it after a failure, or in. */
    private static String post(URI base, String[] form, String email, String password) throws Exception {
        String body = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(form[1]);
        HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(base.resolve("login")).header("Cookie", form[0])
                .header("X-Forwarded-For", form[2]).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = reply.headers().firstValue("Location").orElse("");
        return reply.statusCode() + " " + (location.contains("error") ? "refused"
                : location.endsWith("/login") ? "sent back to sign in (the request failed)" : "signed in (" + location + ")");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
