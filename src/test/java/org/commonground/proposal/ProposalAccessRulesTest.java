package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProposalAccessRulesTest {

    private static ProposalAccessRules author(ProposalState s) {
        return new ProposalAccessRules(s, s != ProposalState.DRAFT, true, true, false);
    }

    private static ProposalAccessRules member(ProposalState s, boolean discussed) {
        return new ProposalAccessRules(s, discussed, false, true, false);
    }

    private static ProposalAccessRules convenor(ProposalState s) {
        return new ProposalAccessRules(s, s != ProposalState.DRAFT, false, true, true);
    }

    private static ProposalAccessRules outsider(ProposalState s) {
        return new ProposalAccessRules(s, true, false, false, false);
    }

    @Test
    void aDraftIsForItsAuthorsAndTheConvenorOnly() {
        assertThat(author(ProposalState.DRAFT).canRead()).isTrue();
        assertThat(convenor(ProposalState.DRAFT).canRead()).isTrue();
        assertThat(member(ProposalState.DRAFT, false).canRead()).isFalse();
        assertThat(outsider(ProposalState.DRAFT).canRead()).isFalse();
    }

    @Test
    void inDiscussionTheGroupReadsAndAuthorsStillEdit() {
        assertThat(member(ProposalState.DISCUSSION, true).canRead()).isTrue();
        assertThat(member(ProposalState.DISCUSSION, true).canEdit()).isFalse();
        assertThat(author(ProposalState.DISCUSSION).canEdit()).isTrue();
        assertThat(outsider(ProposalState.DISCUSSION).canRead()).isFalse();
    }

    @Test
    void aConvenorReadsADraftButOnlyItsAuthorsCommentOnIt() {
        assertThat(author(ProposalState.DRAFT).canComment()).isTrue();
        assertThat(convenor(ProposalState.DRAFT).canComment()).isFalse();
        assertThat(convenor(ProposalState.DISCUSSION).canComment()).isTrue();
        assertThat(member(ProposalState.VOTING, true).canComment()).isTrue();
        assertThat(member(ProposalState.AGREED, true).canComment()).isFalse();
    }

    @Test
    void nobodyEditsOnceVotingStarts() {
        assertThat(author(ProposalState.VOTING).canEdit()).isFalse();
        assertThat(author(ProposalState.AGREED).canEdit()).isFalse();
        assertThat(convenor(ProposalState.VOTING).canEdit()).isFalse();
    }

    @Test
    void aWithdrawnDraftStaysPrivateButAWithdrawnDiscussionDoesNot() {
        assertThat(member(ProposalState.WITHDRAWN, false).canRead()).isFalse();
        assertThat(member(ProposalState.WITHDRAWN, true).canRead()).isTrue();
    }

    @Test
    void onlyConvenorsMoveAndOnlyAlongTheLifecycle() {
        assertThat(convenor(ProposalState.DRAFT).canMove(ProposalState.DISCUSSION)).isTrue();
        assertThat(convenor(ProposalState.DRAFT).canMove(ProposalState.VOTING)).isFalse();
        assertThat(convenor(ProposalState.DISCUSSION).canMove(ProposalState.VOTING)).isTrue();
        assertThat(convenor(ProposalState.VOTING).canMove(ProposalState.AGREED)).as("a ballot decides").isFalse();
        assertThat(convenor(ProposalState.PUBLISHED).canMove(ProposalState.WITHDRAWN)).isFalse();
        assertThat(author(ProposalState.DRAFT).canMove(ProposalState.DISCUSSION)).isFalse();
    }

    @Test
    void aProposalNotAgreedGoesBackToDiscussionOnlyByAConvenorAndIsNotCommentedOnUntilThen() {
        assertThat(convenor(ProposalState.NOT_AGREED).canMove(ProposalState.DISCUSSION)).as("returned for a redraft").isTrue();
        assertThat(author(ProposalState.NOT_AGREED).canMove(ProposalState.DISCUSSION)).isFalse();
        assertThat(convenor(ProposalState.AGREED).canMove(ProposalState.DISCUSSION)).isFalse();
        assertThat(convenor(ProposalState.VOTING).canMove(ProposalState.DISCUSSION)).isFalse();
        // DESIGN.md gives comments to DISCUSSION and VOTING; the comment box returns with the discussion.
        assertThat(author(ProposalState.NOT_AGREED).canComment()).isFalse();
        assertThat(author(ProposalState.DISCUSSION).canComment()).isTrue();
    }
}
