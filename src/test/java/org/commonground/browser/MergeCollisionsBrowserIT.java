package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
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
 * Two members' amendments collide on one line; the convenor opens the merge view from "Accept and merge", sees the
 * wordings side by side, combines them, and merges both in one step into a new revision.
 */
class MergeCollisionsBrowserIT extends BrowserTest {

    static final String TEXT = """
            We will end sewage discharges into rivers by 2030.

            Water companies will be run for the public good.

            Fines will go to river restoration.
            """;

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;

    SignedInMember convenor;
    long proposal;

    @BeforeEach
    void twoCollidingAmendments() {
        convenor = testMembers.register("Morgan Convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Merge table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember green = testMembers.joined(groups, group, convenor, "Gwen Green", "GRN");
        SignedInMember libDem = testMembers.joined(groups, group, convenor, "Liam Libdem", "LD");
        proposal = proposals.create(group, new ProposalDraft("Clean rivers", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(green);
        amendments.proposeByEdit(proposal, 1, TEXT.replace("run for the public good", "brought into public ownership"), "Ownership");
        TestMembers.signIn(libDem);
        amendments.proposeByEdit(proposal, 1, TEXT.replace("the public good", "people, not profit"), "People first");
        TestMembers.signOut();
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theConvenorCombinesTwoCollidingAmendmentsAndMergesBothInOneStep() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, convenor.email());
            page.navigate(url("proposals/" + proposal));

            Locator a1 = page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 2"));
            assertThat(a1).containsText("Conflicts with A2");
            a1.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept and merge\u2026")).click();
            page.waitForURL(u -> u.endsWith("/proposals/" + proposal + "/merge?a=1&a=2"));

            Locator collision = page.locator(".cg-merge-collision");
            assertThat(collision.locator("h3")).hasText("On line 2: A1 and A2 collide");
            Locator sides = collision.locator(".cg-merge-side");
            assertThat(sides).hasCount(3);
            assertThat(sides.nth(0)).containsText("run for the public good.");
            assertThat(sides.nth(1)).containsText("A1, Gwen Green");
            assertThat(sides.nth(1).locator("ins").first()).containsText("brought");
            assertThat(sides.nth(2)).containsText("A2, Liam Libdem");
            assertThat(sides.nth(2).locator("ins").last()).containsText("profit.");
            BoundingBox current = sides.nth(0).boundingBox();
            BoundingBox first = sides.nth(1).boundingBox();
            org.assertj.core.api.Assertions.assertThat(first.y).as("side by side on a wide screen").isEqualTo(current.y);

            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Combine them in a text of your own")).check();
            Locator combined = textbox(page, "Combined text for line 2");
            assertThat(combined).isFocused();
            assertThat(combined).hasValue(java.util.regex.Pattern.compile("brought into public ownership"));
            combined.fill("brought into public ownership, run for people, not profit.");
            assertThat(collision.locator(".cg-merge-preview ins").first()).containsText("brought");

            page.setViewportSize(390, 844);
            org.assertj.core.api.Assertions.assertThat(sides.nth(1).boundingBox().y).as("stacked on a phone")
                    .isGreaterThan(sides.nth(0).boundingBox().y);
            page.setViewportSize(1280, 900);

            button(page, "Merge into a new revision").click();
            // The confirmation's header sits in the dialog's shadow and its text in slots: found by what it says.
            assertThat(page.getByText("Merge into revision 2?")).isVisible();
            assertThat(page.getByText("A1 will be accepted in part: On line 2, it was combined with A2.")).isVisible();
            assertThat(page.getByText("A2 will be accepted in part: On line 2, it was combined with A1.")).isVisible();
            button(page, "Merge").click();

            page.waitForURL(u -> u.endsWith("/proposals/" + proposal));
            // Longer now, the combined sentence runs over into line 3.
            assertThat(page.locator("#line-2")).containsText("Water companies will be brought into public ownership, run for people, not");
            assertThat(page.locator("#line-3")).containsText("profit.");
            assertThat(page.locator(".cg-meta")).containsText("revision 2");
            assertThat(page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A1 to line 2")))
                    .containsText("Accepted by Morgan Convenor into revision 2. On line 2, it was combined with A2.");
            assertThat(page.locator(".cg-amendment", new Page.LocatorOptions().setHasText("A2 to line 2")))
                    .containsText("Accepted by Morgan Convenor into revision 2. On line 2, it was combined with A1.");
        }
    }
}
