package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.commonground.support.TestDatabaseInitializer;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A client that is not a configured proxy (here: this machine, with only 192.0.2.250 trusted) cannot claim another
 * address or https with forwarded headers: its failures count against its own address, and its cookie is plain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.productionMode=true", "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.250"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class UntrustedForwardedHeadersIT {

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    @Test
    void forwardedHeadersFromAnUntrustedClientAreIgnored() throws Exception {
        URI base = URI.create("http://localhost:" + port + "/");
        assertThat(ForwardedHeadersIT.signIn(base, "203.0.113.99", TestMembers.uniqueEmail("Spoofer"), "wrong-guess")).contains("error");
        // Counted against the address the request really came from, not the one it claimed.
        assertThat(db.fetchExists(db.selectFrom("sign_in_bucket").where("id = 'address:203.0.113.99'"))).isFalse();
        assertThat(db.fetchExists(db.selectFrom("sign_in_bucket").where("id in ('address:127.0.0.1', 'address:0:0:0:0:0:0:0:1')"))).isTrue();
        assertThat(ForwardedHeadersIT.sessionCookie(base, "https")).doesNotContain("Secure");
    }
}
