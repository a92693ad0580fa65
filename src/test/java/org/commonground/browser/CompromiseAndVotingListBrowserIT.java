package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.commonground.jooq.Tables.AMENDMENT;

import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A convenor offers a compromise in place of a Green's and a Lib Dem's amendments to the same words; the Green
 * accepts it, the Lib Dem keeps theirs with a comment; once amendments are put to the vote the voting list shows
 * them in order, and the convenor moves the compromise up with focus staying on it.
 */
class CompromiseAndVotingListBrowserIT extends BrowserTest {

    private static final String TEXT = "Buses every ten minutes on every route.\n\nA cycle lane on every main road.\n\nFree school meals for all.\n";

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    BallotService ballots;

    SignedInMember convenor;
    SignedInMember green;
    SignedInMember libDem;
    long proposal;
    Amendment greens;
    Amendment libDems;
    Amendment cycleLane;

    /** A1 (the Green's) and A2 (the Lib Dem's) change the same words of line 1; A3 (the Green's) the cycle lane. */
    @BeforeEach
    void twoCollidingAmendmentsAndAThird() {
        convenor = testMembers.register("Cleo Convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Compromise hall " + convenor.id(), GroupKind.ALLIANCE, null, null));
        green = testMembers.joined(groups, group, convenor, "Gwen Green", "GRN");
        libDem = testMembers.joined(groups, group, convenor, "Lee Libdem", "LD");
        TestMembers.signIn(convenor);
        proposal = proposals.create(group, new ProposalDraft("Transport", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(green);
        greens = amendments.proposeByEdit(proposal, 1, TEXT.replace("every ten minutes", "every five minutes"), "More buses");
        cycleLane = amendments.proposeByEdit(proposal, 1, TEXT.replace("A cycle lane", "A protected cycle lane"), "Safer");
        TestMembers.signIn(libDem);
        libDems = amendments.proposeByEdit(proposal, 1, TEXT.replace("every ten minutes", "every fifteen minutes"), "Affordable");
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aCompromiseIsAcceptedByOneKeptByTheOtherAndTheVotingListIsReordered() {
        try (BrowserContext chairContext = browser.newContext(); BrowserContext greenContext = browser.newContext();
             BrowserContext libDemContext = browser.newContext()) {
            Page chair = chairContext.newPage();
            chair.navigate(url("login"));
            signIn(chair, convenor.email());
            chair.navigate(url("proposals/" + proposal));

            chair.getByText("Propose a compromise").click();
            Locator form = chair.locator(".cg-compromise-form");
            form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("A1 to line 1 (GRN, Gwen Green)")).check();
            form.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("A3 to line 1 (LD, Lee Libdem)")).check();
            Locator text = form.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Compromise text").setExact(true));
            // A1 is applied to the starting text; A3 changes the same words, so the convenor works it in by hand.
            assertThat(text).hasValue(TEXT.replace("every ten minutes", "every five minutes"));
            assertThat(form).containsText("A3 collides with A1");
            text.fill(TEXT.replace("every ten minutes", "every seven minutes, and every five at peak times"));
            button(chair, "Show the changes").click();
            assertThat(form.locator("ins").first()).hasText("seven");
            form.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Reason for the compromise").setExact(true))
                    .fill("Frequent where it matters, affordable elsewhere.");
            button(chair, "Propose compromise").click();

            Locator compromise = chair.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A4 to line 1"));
            assertThat(compromise).containsText("Replaces A1 (");
            assertThat(compromise.locator(".cg-party-marker")).hasText(new String[] {"LAB", "GRN", "LD"});
            assertThat(compromise).containsText("Green)");
            assertThat(compromise).containsText("Liberal Democrats)");
            assertThat(compromise).containsText("A1, Gwen Green: Not answered yet");

            Page greenPage = greenContext.newPage();
            greenPage.navigate(url("login"));
            signIn(greenPage, green.email());
            greenPage.navigate(url("proposals/" + proposal));
            Locator a1 = greenPage.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 1"));
            assertThat(a1).containsText("Compromise A4 is offered in its place; awaiting its proposer's answer.");
            a1.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept the compromise")).click();
            button(greenPage, "Accept and withdraw mine").click();
            a1 = greenPage.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 1"));
            assertThat(a1.locator(".cg-status")).hasText("Withdrawn");
            assertThat(a1).containsText("its proposer accepted it.");

            Page libDemPage = libDemContext.newPage();
            libDemPage.navigate(url("login"));
            signIn(libDemPage, libDem.email());
            libDemPage.navigate(url("proposals/" + proposal));
            Locator a3 = libDemPage.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A3 to line 1"));
            a3.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep mine for the vote")).click();
            button(libDemPage, "Keep mine").click();
            assertThat(a3.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Your comment on A4")))
                    .hasAttribute("aria-invalid", "true");
            a3.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Your comment on A4")).fill("Our members want fares down first.");
            a3.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep mine for the vote")).click();
            button(libDemPage, "Keep mine").click();
            assertThat(libDemPage.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A4 to line 1")))
                    .containsText("A3, Lee Libdem: Kept theirs for the vote: \u201cOur members want fares down first.\u201d");

            // The convenor puts the cycle lane and the compromise to the vote; the Lib Dem's A3 collides with the
            // compromise, so it waits for the compromise's ballot.
            TestMembers.signIn(convenor);
            BallotSettings settings = new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null);
            long compromiseId = db.select(AMENDMENT.ID).from(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.eq(proposal)).and(AMENDMENT.NUMBER.eq(4))
                    .fetchOne(AMENDMENT.ID);
            ballots.open(proposal, compromiseId, settings);
            ballots.open(proposal, cycleLane.id(), settings);
            TestMembers.signOut();

            chair.navigate(url("proposals/" + proposal));
            Locator list = chair.locator(".cg-voting-list");
            Locator items = list.locator(".cg-voting-item");
            assertThat(items).hasCount(3);
            assertThat(items.nth(0)).containsText("A2 to line 2");
            assertThat(items.nth(1)).containsText("A4 to line 1");
            assertThat(items.nth(1)).containsText("Compromise");
            assertThat(items.nth(2)).containsText("The final text (revision 1)");
            assertThat(list).containsText("A3 is open and not on the list");

            list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move A4 up")).click();
            assertThat(items.nth(0)).containsText("A4 to line 1");
            assertThat(items.nth(1)).containsText("A2 to line 2");
            assertThat(items.nth(2)).containsText("The final text");
            // The reorder is announced to every open page of the proposal, but it is no news to the convenor who made it.
            chair.waitForTimeout(2_000);
            assertThat(chair.locator(".cg-notice-bar")).not().containsText("the amendments changed");
            // At the top it cannot go further up: focus stays on the compromise, on its other button.
            assertThat(list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move A4 down"))).isFocused();
            org.assertj.core.api.Assertions.assertThat(db.select(AMENDMENT.VOTE_POSITION).from(AMENDMENT).where(AMENDMENT.ID.eq(compromiseId)).fetchOne(AMENDMENT.VOTE_POSITION))
                    .isEqualTo(1);
        }
    }
}
