package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
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
 * Amending and commenting by acting on the text itself: a passage selected with the mouse is commented on; one
 * amendment changing two separate passages is made by editing the text; and lines selected with the keyboard
 * alone are amended.
 */
class AmendByEditingBrowserIT extends BrowserTest {

    /** At the default width of 80, the second paragraph runs over lines 2–3; line 4 and line 5 are one each. */
    static final String TEXT = """
            # Quiet streets

            No through traffic outside schools at the start and end of the school day, on every weekday of term time.

            Residents keep access.

            Deliveries before eight.
            """;

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;

    SignedInMember member;
    long proposal;

    @BeforeEach
    void aProposalUnderDiscussion() {
        SignedInMember convenor = testMembers.register("Selection convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Selection hall " + convenor.id(), GroupKind.ALLIANCE, null, null));
        member = testMembers.joined(groups, group, convenor, "Sel Ector", "GRN");
        TestMembers.signIn(convenor);
        proposal = proposals.create(group, new ProposalDraft("Quiet streets", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(url("login"));
        signIn(page, member.email());
        page.navigate(url("proposals/" + proposal));
        assertThat(page.locator("#line-5")).containsText("Deliveries before eight.");
        return page;
    }

    @Test
    void aPassageSelectedWithTheMouseAcrossTwoLinesIsCommentedOn() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            // From the word "start" on line 2 to the middle of "term" on line 3, dragged as a hand would.
            double[] from = wordAt(page, 2, "start");
            double[] to = wordAt(page, 3, "term");
            page.mouse().move(from[0] - from[2] / 2 + 1, from[1]);
            page.mouse().down();
            page.mouse().move(to[0], to[1], new Mouse.MoveOptions().setSteps(8));
            page.mouse().up();
            String selected = ((String) page.evaluate("() => getSelection().toString()")).replaceAll("\\s+", " ").strip();
            assertThat(selected).startsWith("start and end").endsWith("te").doesNotContain("No through");

            Locator toolbar = page.locator(".cg-select-toolbar");
            assertThat(toolbar).isVisible();
            assertThat(toolbar).containsText("Lines 2\u20133 selected");
            button(page, "Comment on this").click();

            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("\u201c" + selected + "\u201d");
            Locator body = dialog.getByRole(AriaRole.TEXTBOX,
                    new Locator.GetByRoleOptions().setName("Comment").setExact(true));
            assertThat(body).isFocused();
            body.fill("Term time only leaves the holidays **noisy**.");
            dialog.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Post comment").setExact(true)).click();

            Locator comment = page.locator(".cg-comment", new Page.LocatorOptions().setHasText("leaves the holidays"));
            assertThat(comment).containsText("On lines 2\u20133 of revision 1");
            assertThat(comment.locator(".cg-quote")).hasText("\u201c" + selected + "\u201d");
            assertThat(comment).isFocused();
            assertThat(page.locator("#line-2 .cg-comment-count")).hasText("1 comment (On lines 2\u20133)");
        }
    }

    @Test
    void oneAmendmentChangingTwoSeparatePassagesIsMadeByEditingTheText() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            button(page, "Propose an amendment").click();
            page.waitForURL("**/proposals/" + proposal + "/amend");
            Locator source = textbox(page, "Amended text (Markdown)");
            assertThat(source).hasValue(TEXT);

            source.fill(TEXT.replace("No through traffic", "No motor traffic").replace("before eight", "before nine"));
            assertThat(page.locator(".cg-amend-preview #line-5")).containsText("Deliveries before nine.");
            button(page, "Review changes").click();

            Locator review = page.locator(".cg-amend-review");
            assertThat(review).containsText("amendment to lines 2 and 5 of revision 1");
            assertThat(review.locator(".cg-amend-passage").nth(0)).containsText("Line 2:");
            assertThat(review.locator(".cg-amend-passage").nth(0).locator("del")).hasText("through");
            assertThat(review.locator(".cg-amend-passage").nth(0).locator("ins")).hasText("motor");
            assertThat(review.locator(".cg-amend-passage").nth(1).locator("ins")).hasText("nine.");
            textbox(page, "Reason").fill("Buses and bikes may pass; shops open later.");
            button(page, "Propose amendment").click();

            page.waitForURL(Pattern.compile(".*/proposals/" + proposal + "$"));
            Locator amendment = page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to lines 2 and 5"));
            assertThat(amendment).isVisible();
            assertThat(amendment.locator("ins")).hasText(new String[] {"motor", "nine."});
            assertThat(amendment).containsText("Reason: Buses and bikes may pass");
        }
    }

    @Test
    void linesSelectedWithTheKeyboardAloneAreAmended() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context);
            // Past the header and navigation by the skip link, as a keyboard user goes, then on to the text.
            Keyboard.press(page, "Tab");
            assertThat(page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Skip to main content"))).isFocused();
            Keyboard.press(page, "Enter");
            Keyboard.tabTo(page, page.locator(".cg-select-text"), 12);
            assertThat(page.locator("#line-1")).isFocused();
            assertThat(page.locator("#line-1")).hasClass(Pattern.compile("cg-line-focus"));
            Keyboard.press(page, "ArrowDown");
            Keyboard.press(page, "Shift+ArrowDown");
            assertThat(page.locator("#line-3")).isFocused();
            assertThat(page.locator(".cg-line-selected")).hasCount(2);
            assertThat(page.locator(".cg-select-toolbar")).containsText("Lines 2\u20133 selected");
            focusIsVisible(page);

            Keyboard.press(page, "Tab");
            assertThat(button(page, "Comment on this")).isFocused();
            Keyboard.press(page, "Tab");
            assertThat(button(page, "Amend this")).isFocused();
            focusIsVisible(page);
            Keyboard.press(page, "Enter");

            page.waitForURL(Pattern.compile(".*/amend\\?(from=2&to=3|to=3&from=2)$"));
            Locator source = textbox(page, "Amended text (Markdown)");
            assertThat(source).isFocused();
            String paragraph = "No through traffic outside schools at the start and end of the school day, on every weekday of term time.";
            page.waitForFunction("() => { const a = document.activeElement; return a && a.tagName === 'TEXTAREA' && a.selectionEnd > a.selectionStart; }");
            Object picked = page.evaluate("() => { const a = document.activeElement; return a.value.substring(a.selectionStart, a.selectionEnd); }");
            assertThat(picked).isEqualTo(paragraph);

            Keyboard.press(page, "ArrowRight");
            Keyboard.type(page, " Buses excepted.");
            Keyboard.tabTo(page, button(page, "Review changes"), 6);
            Keyboard.press(page, "Enter");
            assertThat(page.locator(".cg-amend-review")).containsText("Line 3:");
            Keyboard.tabTo(page, textbox(page, "Reason"), 6);
            Keyboard.type(page, "Buses serve the school.");
            Keyboard.tabTo(page, button(page, "Propose amendment"), 6);
            Keyboard.press(page, "Enter");

            page.waitForURL(Pattern.compile(".*/proposals/" + proposal + "$"));
            Locator amendment = page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 3"));
            assertThat(amendment.locator("ins")).hasText("Buses excepted.");
        }
    }

    /** The centre of {@code word} on line {@code line} of the numbered text, and its width. */
    private static double[] wordAt(Page page, int line, String word) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> box = (java.util.List<Number>) page.evaluate("""
                ([line, word]) => {
                  const node = document.querySelector('#line-' + line + ' .cg-linetext').firstChild;
                  const at = node.textContent.indexOf(word);
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + word.length);
                  const r = range.getBoundingClientRect();
                  return [r.x + r.width / 2, r.y + r.height / 2, r.width];
                }""", java.util.List.of(line, word));
        return new double[] {box.get(0).doubleValue(), box.get(1).doubleValue(), box.get(2).doubleValue()};
    }

    private static void focusIsVisible(Page page) {
        String problem = Keyboard.focusProblem(page);
        if (problem != null) {
            throw new AssertionError("Focus is not visible on " + page.url() + ": " + problem);
        }
    }
}
