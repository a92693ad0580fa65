package org.commonground.ballot;

import java.util.Optional;

import org.commonground.proposal.ProposalDetails;
import org.commonground.proposal.ProposalPagePart;
import org.springframework.stereotype.Component;

/** Puts the voting list on a proposal's page when it is shown: in voting, and in discussion once anything is put to the vote. */
@Component
class VotingListPart implements ProposalPagePart {

    private final VotingListService votingLists;

    VotingListPart(VotingListService votingLists) {
        this.votingLists = votingLists;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> part(ProposalDetails details, Runnable changedInPlace) {
        VotingList list = votingLists.votingList(details.proposal().id());
        return list.shown() ? Optional.of(new VotingListPanel(votingLists, list, changedInPlace)) : Optional.empty();
    }
}
