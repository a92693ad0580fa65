package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.COMMENT;
import static org.commonground.jooq.Tables.VOTE;

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
import org.commonground.jooq.tables.records.VoteRecord;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.Keyboard;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Commenting and voting with the keyboard alone. After the sign-in page is opened by address, nothing but
 * {@code page.keyboard()} (Tab, Shift+Tab, Enter, Space, typing) moves focus or acts: no clicks, no fill. At each
 * step that matters focus must be where the member expects it and be seen, and no main control may be more than a
 * few Tab presses away (the skip link, focus on the heading after each page change, "Write a comment").
 */
class KeyboardJourneysBrowserIT extends BrowserTest {

    /** More than this many presses to the next control of a journey means the page needs a shorter way. */
    private static final int FEW = 12;

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    BallotService ballots;

    SignedInMember member;
    String groupName;
    long discussed;
    long ballot;

    @BeforeEach
    void aGroupWithAProposalUnderDiscussionAndAnOpenBallot() {
        SignedInMember convenor = testMembers.register("Keyboard convenor", "LAB");
        TestMembers.signIn(convenor);
        groupName = "Keyboard hall " + convenor.id();
        long group = groups.create(new NewGroup(groupName, GroupKind.ALLIANCE, null, null));
        member = testMembers.joined(groups, group, convenor, "Kim Keys", "GRN");
        TestMembers.signIn(convenor);
        discussed = proposals.create(group, new ProposalDraft("Quiet streets", "Fewer cars near schools",
                "# Quiet streets\n\nNo through traffic outside schools at the start and end of the day.\n\nResidents keep access.\n", ""));
        proposals.move(discussed, ProposalState.DISCUSSION);
        long voting = proposals.create(group, new ProposalDraft("Votes at sixteen", "", "Everyone aged 16 or over may vote.\n", ""));
        proposals.move(voting, ProposalState.DISCUSSION);
        proposals.move(voting, ProposalState.VOTING);
        ballot = ballots.open(voting, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aMemberReachesAProposalWritesACommentAndPostsItWithTheKeyboardAlone() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signInByKeyboard(page);
            openByKeyboard(page, link(page, groupName), groupName);
            openByKeyboard(page, link(page, "Proposals of this group"), "Proposals of " + groupName);
            openByKeyboard(page, link(page, "Quiet streets"), "Quiet streets");

            // The comment form is below the text, the amendments and every comment: one button takes focus there.
            Keyboard.tabTo(page, button(page, "Write a comment"), FEW);
            focusIsVisible(page);
            Keyboard.press(page, "Enter");
            Locator text = textbox(page, "Comment");
            assertThat(text).isFocused();
            focusIsVisible(page);
            Keyboard.type(page, "Typed without a mouse: keep the school gates clear.");
            Keyboard.tabTo(page, button(page, "Post comment"), FEW);
            focusIsVisible(page);
            Keyboard.press(page, "Enter");

            // The page is rebuilt with the comment in it; focus goes to the new comment, not back to the top.
            Locator posted = page.locator(".cg-comment", new Page.LocatorOptions().setHasText("keep the school gates clear"));
            assertThat(posted).isVisible();
            assertThat(posted).isFocused();
            focusIsVisible(page);
            assertThat(db.fetchExists(COMMENT, COMMENT.PROPOSAL_ID.eq(discussed), COMMENT.AUTHOR_ID.eq(member.id()),
                    COMMENT.BODY.eq("Typed without a mouse: keep the school gates clear."))).isTrue();

            // And the next Tab carries on from the comment, to its own Reply.
            Keyboard.press(page, "Tab");
            assertThat(posted.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reply").setExact(true))).isFocused();
            focusIsVisible(page);
        }
    }

    @Test
    void aMemberReachesAnOpenBallotChoosesAndCastsAVoteWithTheKeyboardAlone() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            signInByKeyboard(page);
            openByKeyboard(page, link(page, groupName), groupName);
            openByKeyboard(page, link(page, "Proposals of this group"), "Proposals of " + groupName);
            openByKeyboard(page, link(page, "Votes at sixteen"), "Votes at sixteen");
            openByKeyboard(page, button(page, "Ballots"), "Ballots on \u201cVotes at sixteen\u201d");
            openByKeyboard(page, link(page, "Final text (revision 1)"), "Final text (revision 1) of \u201cVotes at sixteen\u201d");

            Keyboard.tabTo(page, textbox(page, "Reason (optional)"), FEW);
            focusIsVisible(page);
            Keyboard.type(page, "Sixteen-year-olds pay taxes.");
            Locator forButton = button(page, "For");
            Keyboard.tabTo(page, forButton, FEW);
            focusIsVisible(page);
            Keyboard.press(page, "Space");

            assertThat(page.getByText("Your vote: For.")).isVisible();
            // Voting updates the page in place: focus stays on the button pressed, which now says it is pressed.
            assertThat(forButton).hasAttribute("aria-pressed", "true");
            assertThat(forButton).isFocused();
            focusIsVisible(page);
            VoteRecord vote = db.fetchOne(VOTE, VOTE.BALLOT_ID.eq(ballot), VOTE.MEMBER_ID.eq(member.id()));
            assertThat(vote).isNotNull();
            assertThat(vote.getChoice()).isEqualTo("FOR");
            assertThat(vote.getReason()).isEqualTo("Sixteen-year-olds pay taxes.");

            // A change of mind, still by keyboard: Shift+Tab and Tab move between the choices, Enter casts.
            Keyboard.press(page, "Tab");
            Locator against = button(page, "Against");
            assertThat(against).isFocused();
            Keyboard.press(page, "Enter");
            assertThat(page.getByText("Your vote: Against.")).isVisible();
            assertThat(against).isFocused();
            assertThat(db.fetchOne(VOTE, VOTE.BALLOT_ID.eq(ballot), VOTE.MEMBER_ID.eq(member.id())).getChoice()).isEqualTo("AGAINST");
        }
    }

    /** The sign-in page puts focus in Email; the rest is typing, Tab and Enter. */
    private void signInByKeyboard(Page page) {
        page.navigate(url("login"));
        Locator email = textbox(page, "Email");
        assertThat(email).isFocused();
        Keyboard.type(page, member.email());
        Keyboard.tabTo(page, textbox(page, "Password"), 3);
        Keyboard.type(page, TestMembers.PASSWORD);
        Keyboard.press(page, "Enter");
        page.waitForURL(u -> !u.contains("/login"));
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My groups")).waitFor();

        // First stop on the page: the skip link, seen, which takes focus past the header and navigation.
        Keyboard.press(page, "Tab");
        assertThat(link(page, "Skip to main content")).isFocused();
        focusIsVisible(page);
        Keyboard.press(page, "Enter");
        Locator heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My groups"));
        assertThat(heading).isFocused();
        focusIsVisible(page);
    }

    /** Tabs to a link or button, sees its focus, presses Enter, and finds focus on the new page's heading. */
    private void openByKeyboard(Page page, Locator control, String heading) {
        Keyboard.tabTo(page, control, FEW);
        focusIsVisible(page);
        String before = page.url();
        Keyboard.press(page, "Enter");
        page.waitForURL(u -> !u.equals(before));
        Locator title = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setExact(true));
        assertThat(title).isVisible();
        assertThat(title).isFocused();
        focusIsVisible(page);
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void focusIsVisible(Page page) {
        String problem = Keyboard.focusProblem(page);
        if (problem != null) {
            throw new AssertionError("Focus is not visible on " + page.url() + ": " + problem);
        }
    }
}
