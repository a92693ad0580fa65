package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.commonground.group.GroupService;
import org.commonground.proposal.text.AmendedPreview;
import org.commonground.proposal.text.TrackedChanges.Collision;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TrackedChangesServiceTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    TrackedChangesService tracked;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    ProposalFixture f;
    long proposal;

    @BeforeEach
    void setUp() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, AmendmentServiceTest.TEXT);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void showsEveryPendingAmendmentInlineOnTheCurrentTextAndNotTheDecidedOnes() {
        TestMembers.signIn(f.green);
        Amendment a1 = amendments.proposeByEdit(proposal, 1, AmendmentServiceTest.TEXT.replace("by 2030", "by 2028")
                .replace("river restoration", "restoring rivers"), "Sooner, and plainer");
        Amendment a2 = amendments.propose(proposal, 1, 1, 1, "We will end sewage discharges into rivers and seas.", "Seas too");
        TestMembers.signIn(f.libDem);
        Amendment a3 = amendments.propose(proposal, 1, 4, 4, "Bathing water status for every town.", "Towns");
        amendments.withdraw(a3.id());

        TestMembers.signIn(f.outsider);
        assertThatThrownBy(() -> tracked.trackedChanges(proposal)).isInstanceOf(InvalidInputException.class);

        TestMembers.signIn(f.convenor);
        TrackedText text = tracked.trackedChanges(proposal);
        assertThat(text.revision()).isEqualTo(1);
        assertThat(text.amendments()).extracting(PendingAmendment::citation).containsExactly("A1 to lines 1 and 3", "A2 to line 1");
        assertThat(text.html()).contains("<del data-amendment=\"1\"><span class=\"cg-sr\">deleted: </span>2030.</del>",
                "<ins data-amendment=\"1\"><span class=\"cg-sr\">inserted: </span>restoring rivers.</ins>");
        assertThat(text.html()).doesNotContain("data-amendment=\"3\"");
        assertThat(text.collisions()).containsExactly(new Collision(2, java.util.List.of(1), 1, 1));
        assertThat(text.html()).contains("A2</span> collides with A1");

        AmendedPreview preview = tracked.previewWith(proposal, Set.of(a1.id()));
        assertThat(preview.text()).contains("by 2028.", "restoring rivers.");
        assertThat(preview.applied()).containsExactly(1);
        AmendedPreview both = tracked.previewWith(proposal, Set.of(a1.id(), a2.id()));
        assertThat(both.text()).isEqualTo(AmendmentServiceTest.TEXT);
        assertThat(both.notApplied()).extracting(Collision::number).containsExactly(1, 2);
        assertThatThrownBy(() -> tracked.previewWith(proposal, Set.of(a1.id(), a3.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("amendments")).contains("no longer open"));
    }

    @Test
    void amendmentsFollowTheTextWhenAnotherIsMerged() {
        TestMembers.signIn(f.green);
        Amendment a1 = amendments.propose(proposal, 1, 1, 1, "We will end all sewage discharges by 2028.", "Sooner");
        amendments.propose(proposal, 1, 4, 4, "Bathing water status for every river and beach.", "Beaches");
        TestMembers.signIn(f.author);
        amendments.accept(a1.id());

        TrackedText text = tracked.trackedChanges(proposal);
        assertThat(text.revision()).isEqualTo(2);
        assertThat(text.amendments()).extracting(PendingAmendment::number).containsExactly(2);
        assertThat(text.html()).contains("We will end all sewage discharges by 2028.", "<ins data-amendment=\"2\"><span class=\"cg-sr\">inserted: </span>");
    }
}
