package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;

/** A member drafts a proposal, opens it for discussion, comments on a passage, and proposes and merges an amendment. */
class ProposalBrowserIT extends BrowserTest {

    @Test
    void draftCommentOnAPassageProposeAndMergeAnAmendment() {
        String email = TestMembers.uniqueEmail("Drafter");
        String groupName = "Policy table " + System.nanoTime();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            register(page, email, "Dana Drafter", "Green");
            signIn(page, email);

            page.navigate(url("groups/new"));
            textbox(page, "Name").fill(groupName);
            page.getByText("Alliance: a national cross-party body").click();
            button(page, "Create group").click();
            page.getByText("Proposals of this group").click();
            button(page, "New proposal").click();

            textbox(page, "Title").fill("Clean rivers");
            textbox(page, "Text (Markdown)").fill("# Clean rivers\n\nNo more sewage in our rivers by 2030.\n\nFines will fund river restoration.");
            assertThat(page.locator(".cg-preview h1")).hasText("Clean rivers");
            button(page, "Save draft").click();
            assertThat(page.locator("#line-2")).containsText("No more sewage in our rivers by 2030.");

            button(page, "Open for discussion").click();
            assertThat(page.locator(".cg-status").first()).containsText("In discussion");

            Locator commentForm = page.locator(".cg-comment-form").last();
            commentForm.locator("vaadin-select").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("A passage of lines")).click();
            commentForm.getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("Line").setExact(true)).fill("2");
            commentForm.getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("to line").setExact(true)).fill("2");
            commentForm.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Comment").setExact(true))
                    .fill("2030 is **too late**.");
            button(page, "Post comment").click();
            Locator comment = page.locator(".cg-comment", new Page.LocatorOptions().setHasText("too late"));
            assertThat(comment).containsText("On line 2 of revision 1");
            assertThat(comment).containsText("\u201cNo more sewage in our rivers by 2030.\u201d");
            assertThat(comment.locator("strong")).hasText("too late");
            // What the comment is on is read out with the marker and shown on hovering it.
            assertThat(page.locator("#line-2 .cg-comment-count")).hasText("1 comment (On line 2)");
            assertThat(page.locator("#line-2 .cg-comment-count")).hasAttribute("title", "On line 2");

            page.getByText("Or name lines by number").click();
            Locator amendmentForm = page.locator(".cg-amendment-form");
            amendmentForm.getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("From line").setExact(true)).fill("2");
            amendmentForm.getByRole(AriaRole.SPINBUTTON, new Locator.GetByRoleOptions().setName("to line").setExact(true)).fill("2");
            amendmentForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start from the current wording")).click();
            Locator replacement = amendmentForm.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Replace with").setExact(true));
            assertThat(replacement).hasValue("No more sewage in our rivers by 2030.");
            replacement.fill("No more sewage in our rivers by 2027.");
            amendmentForm.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Reason").setExact(true)).fill("Sooner is possible.");
            button(page, "Propose amendment").click();

            Locator amendment = page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 2"));
            assertThat(amendment.locator("del")).hasText("2030.");
            assertThat(amendment.locator("ins")).hasText("2027.");
            amendment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept and merge")).click();
            button(page, "Merge A1").click();

            assertThat(page.locator("#line-2")).containsText("No more sewage in our rivers by 2027.");
            assertThat(page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 2"))).containsText("Accepted");
            assertThat(page.locator(".cg-meta")).containsText("revision 2");
        }
    }
}
