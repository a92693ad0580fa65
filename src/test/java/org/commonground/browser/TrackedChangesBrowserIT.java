package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.Keyboard;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * By keyboard only, a member turns on "Show amendments in the text" and sees every open amendment inline with its
 * number and the collision marked, then previews the text with a chosen set; at a phone's width too. Screenshots go
 * to target/screenshots for a look.
 */
class TrackedChangesBrowserIT extends BrowserTest {

    static final String TEXT = """
            # Clean rivers

            We will end sewage discharges into rivers by 2030, and fund local groups that watch the water.

            Fines will go to river restoration in Cymru: dŵr glân i bawb.
            """;

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;

    @Test
    void seeEveryAmendmentInTheTextAndPreviewAChosenSetByKeyboard() {
        SignedInMember convenor = testMembers.register("Cara Convenor", "LAB");
        SignedInMember green = testMembers.register("Gwen Green", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Rivers table " + System.nanoTime(), GroupKind.ALLIANCE, null, null));
        TestMembers.signIn(green);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, green.id());
        long id = proposals.create(group, new ProposalDraft("Clean rivers", "", TEXT, ""));
        proposals.move(id, ProposalState.DISCUSSION);
        TestMembers.signIn(green);
        amendments.proposeByEdit(id, 1, TEXT.replace("by 2030", "by 2028").replace("river restoration", "restoring rivers"), "Sooner, plainer");
        TestMembers.signIn(convenor);
        amendments.proposeByEdit(id, 1, TEXT.replace("by 2030", "by 2035"), "Realistic");
        TestMembers.signOut();

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, convenor.email());
            page.navigate(url("proposals/" + id));
            Locator toggle = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Show amendments in the text"));
            Keyboard.tabTo(page, toggle, 40);
            Keyboard.press(page, "Space");

            Locator tracked = page.locator(".cg-tracked");
            assertThat(tracked.locator("del[data-amendment='1']").first()).hasText("deleted: 2030,");
            assertThat(tracked.locator("ins[data-amendment='1']").first()).hasText("inserted: 2028,");
            assertThat(tracked.locator(".cg-tc-collision")).containsText("A2 collides with A1");
            assertThat(tracked.locator("ins[data-amendment='1']").last()).hasText("inserted: restoring rivers");
            assertThat(page.locator(".cg-tc-collisions li")).hasText("A2 collides with A1 on line 2");
            assertThat(page.locator("#line-2")).isHidden();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/tracked-changes.png")).setFullPage(true));
            page.setViewportSize(390, 844);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/tracked-changes-390.png")).setFullPage(true));

            Locator previewButton = button(page, "Preview with amendments\u2026");
            Keyboard.tabTo(page, previewButton, 10);
            Keyboard.press(page, "Enter");
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog.locator(".cg-pv-summary")).hasText("No amendment applied: this is the text as it is.");
            Keyboard.tabTo(page, dialog.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("A1 to lines 2 and 4").setExact(false)), 10);
            Keyboard.press(page, "Space");
            assertThat(dialog.locator(".cg-pv-summary")).hasText("Applied: A1.");
            assertThat(dialog.locator(".cg-amended-preview")).containsText("by 2028");
            Keyboard.press(page, "Tab");
            Keyboard.press(page, "Space");
            assertThat(dialog.locator(".cg-pv-summary")).hasText("No amendment applied. Not applied, because they collide: A1 and A2.");
            assertThat(dialog.locator(".cg-amended-preview .cg-tc-collides")).containsText("by 2030");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/preview-with-amendments-390.png")).setFullPage(true));

            Keyboard.press(page, "Escape");
            assertThat(dialog).isHidden();
            // Focus goes back to the button that opened the preview.
            page.waitForCondition(() -> Keyboard.holdsFocus(previewButton));
        }
    }
}
