package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two app instances on one PostgreSQL, as behind a sticky load balancer: this test's server (instance B) and the
 * packaged jar in a JVM of its own (instance A). A comment posted on A appears on B's open page within a second.
 */
class TwoInstancesBrowserIT extends BrowserTest {

    private static final Path JAR = Path.of("target", "common-ground-0.1.0-SNAPSHOT.jar");
    private static Process instanceA;
    private static Path instanceALog;

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @AfterAll
    static void stopInstanceA() {
        if (instanceA != null) {
            instanceA.destroy();
        }
    }

    private static int startInstanceA() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        instanceALog = Files.createTempFile("instance-a", ".log");
        instanceA = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar", JAR.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + TestDatabase.url()))
                .redirectErrorStream(true).redirectOutput(instanceALog.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 240; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return port;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (!instanceA.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Instance A did not start:\n" + Files.readString(instanceALog));
    }

    @Test
    void aCommentPostedOnOneInstanceAppearsOnAPageOpenOnTheOtherWithinASecond() throws Exception {
        int portA = startInstanceA();
        SignedInMember author = testMembers.register("Instance B reader", "GRN");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("Two instances " + author.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember member = testMembers.joined(groups, group, author, "Instance A writer", "LD");
        TestMembers.signIn(author);
        long proposal = proposals.create(group, new ProposalDraft("Across instances", "", "One text, two servers.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signOut();

        try (BrowserContext onB = browser.newContext(); BrowserContext onA = browser.newContext()) {
            Page reader = onB.newPage();
            reader.navigate(url("login"));
            signIn(reader, author.email());
            reader.navigate(url("proposals/" + proposal));
            assertThat(reader.locator("h2").first()).hasText("Across instances");

            Page writer = onA.newPage();
            writer.navigate("http://localhost:" + portA + "/login");
            signIn(writer, member.email());
            writer.navigate("http://localhost:" + portA + "/proposals/" + proposal);
            Locator form = writer.locator(".cg-comment-form").last();
            form.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Comment").setExact(true)).fill("Written on instance A");
            button(writer, "Post comment").click();
            assertThat(writer.locator(".cg-comment", new Page.LocatorOptions().setHasText("Written on instance A"))).isVisible();

            // Posted and shown on A: B's open page must say so within a second, without a reload.
            assertThat(reader.locator(".cg-notice-bar")).containsText("a new comment", new LocatorAssertions.ContainsTextOptions().setTimeout(1_000));
            reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the latest")).click();
            assertThat(reader.locator(".cg-comment", new Page.LocatorOptions().setHasText("Written on instance A"))).isVisible();
        }
    }
}
