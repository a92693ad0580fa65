package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.group.DelegationService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactRatificationService;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.pact.PactService;
import org.commonground.pact.PactState;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.publishing.PublishingService;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The attack issue 16 names, in a real browser: a Labour convenor registers a second account claiming to be Green,
 * has it join the group, and tries to make it speak for the Greens in a pact. It gets nowhere: the account is only
 * claiming GRN, the convenor cannot make it (or anyone) a Green delegate, it sees no way to choose how the Greens
 * ratify, and nothing is ratified or published for them.
 */
class SecondAccountAttackBrowserIT extends BrowserTest {

    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    DelegationService delegations;
    @Autowired
    PublishingService publishing;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aConvenorsSecondAccountClaimingAnotherPartyGetsNowhere() {
        SignedInMember convenor = testMembers.register("Lowri Labour", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Attack town " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        SignedInMember green = testMembers.joined(groups, group, convenor, "Gethin Green", "GRN");
        testMembers.appointDelegate(group, convenor);
        testMembers.appointDelegate(group, green);
        TestMembers.signIn(convenor);
        long pact = pacts.start(group, "Aldershot stand-down", List.of("E14001063"), null);
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", Stance.STANDS_DOWN);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms("E14001063", "Aldershot", "LAB", stances)), ""), "");
        pacts.openNegotiation(pact);
        TestMembers.signOut();

        String fakeEmail = TestMembers.uniqueEmail("fake-green");
        try (BrowserContext fakeContext = browser.newContext(); BrowserContext convenorContext = browser.newContext()) {
            // The second account: registered through the form claiming to be Green, its address verified.
            Page fake = fakeContext.newPage();
            registerUnverified(fake, fakeEmail, "Totally Green", "Green");
            followVerificationLink(fake, fakeEmail);
            signIn(fake, fakeEmail);
            fake.navigate(url("groups/" + group));
            button(fake, "Ask to join").click();
            assertThat(fake.getByText("Your request to join is waiting for a convenor.")).isVisible();

            // The convenor approves it, told on the request that the Greens have not confirmed it.
            Page lowri = convenorContext.newPage();
            lowri.navigate(url("login"));
            signIn(lowri, convenor.email());
            lowri.navigate(url("groups/" + group));
            assertThat(lowri.getByText("GRN claimed, not confirmed by the party").first()).isVisible();
            button(lowri, "Approve").click();
            // The Greens' delegation shows it only claiming GRN, and offers Labour's convenor nothing to change there.
            var greens = lowri.locator(".cg-card[data-party=GRN]");
            assertThat(greens).containsText("Only claiming GRN");
            assertThat(greens).containsText("Totally Green");
            assertThat(greens.getByRole(AriaRole.BUTTON)).hasCount(0);

            // Sent to ratification, the Greens are waiting to choose, and only their delegates can.
            lowri.navigate(url("pacts/" + pact));
            button(lowri, "Send to ratification").click();
            assertThat(lowri.locator("[data-party=GRN]")).hasAttribute("data-status", "choosing");
            assertThat(lowri.getByText("waiting for GRN to choose how it ratifies")).isVisible();
            assertThat(button(lowri, "Choose for GRN")).hasCount(0);
            assertThat(button(lowri, "Choose for LAB")).isVisible();

            fake.navigate(url("pacts/" + pact));
            assertThat(fake.locator("[data-party=GRN]")).hasAttribute("data-status", "choosing");
            assertThat(button(fake, "Choose for GRN")).hasCount(0);
            assertThat(button(fake, "Ratify for GRN")).hasCount(0);
            fake.navigate(url("groups/" + group));
            assertThat(fake.locator(".cg-card[data-party=GRN]").getByRole(AriaRole.BUTTON)).hasCount(0);
        }

        // And behind the pages, the services refuse the same.
        SignedInMember fake = testMembers.signedIn(fakeEmail);
        TestMembers.signIn(convenor);
        // Labour's delegate appoints Labour's delegates only.
        assertThatThrownBy(() -> delegations.appoint(group, fake.id())).hasMessageContaining("not a member of LAB in this group");
        assertThatThrownBy(() -> ratification.choosePlan(pact, "GRN", RatificationPlan.byRepresentative(fake.id())))
                .isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(fake);
        assertThatThrownBy(() -> ratification.choosePlan(pact, "GRN", RatificationPlan.byRepresentative(fake.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ratification.sign(pact, "GRN", true, "")).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(green);
        assertThatThrownBy(() -> delegations.appoint(group, fake.id())).hasMessageContaining("only claims GRN");
        org.assertj.core.api.Assertions.assertThat(pacts.details(pact).state()).isEqualTo(PactState.RATIFYING);
        org.assertj.core.api.Assertions.assertThat(publishing.versionsOfPact(pact)).isEmpty();
    }
}
