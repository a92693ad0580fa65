package org.commonground.ballot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.jooq.tables.records.BallotRecord;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.AmendmentState;
import org.commonground.proposal.ProposalGuard;
import org.commonground.proposal.ProposalRepository;
import org.commonground.proposal.ProposalState;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The voting list of a proposal: what will be voted on, in order. Only what a convenor has put to the vote (or a
 * ballot has decided) is on it: an open amendment may still be accepted, withdrawn or replaced by a compromise, so
 * it is not yet "what will be voted on". By default amendments come first, then compromises, each by number; a
 * convenor may reorder them. The final text is always last: it is voted on as amended.
 */
@Service
public class VotingListService {

    private final AmendmentService amendments;
    private final BallotRepository ballots;
    private final VotingOrderRepository order;
    private final ProposalRepository proposals;
    private final ProposalGuard guard;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    VotingListService(AmendmentService amendments, BallotRepository ballots, VotingOrderRepository order, ProposalRepository proposals,
                      ProposalGuard guard, CurrentMember currentMember, AuditLog audit) {
        this.amendments = amendments;
        this.ballots = ballots;
        this.order = order;
        this.proposals = proposals;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public VotingList votingList(long proposalId) {
        return list(guard.readable(proposalId, currentMember.require()));
    }

    /**
     * Orders the amendments on the voting list as {@code amendmentIdsInOrder}, which must name exactly those on it:
     * if one was put to the vote (or came off it) since the convenor looked, they are told, and nothing changes.
     */
    @Transactional
    public VotingList reorder(long proposalId, List<Long> amendmentIdsInOrder) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().convenor()) {
            throw new AccessDeniedException("Only a convenor of the group orders the voting list.");
        }
        if (!orderable(access.state())) {
            throw new AccessDeniedException("The voting list is ordered while the proposal is in discussion or voting.");
        }
        proposals.lock(proposalId).orElseThrow();
        ProposalGuard.Access locked = guard.readable(proposalId, me);
        if (!orderable(locked.state())) {
            throw new AccessDeniedException("The voting list is ordered while the proposal is in discussion or voting.");
        }
        VotingList now = list(locked);
        List<Long> current = now.amendmentIds();
        if (amendmentIdsInOrder == null || amendmentIdsInOrder.size() != current.size()
                || !new HashSet<>(amendmentIdsInOrder).equals(new HashSet<>(current))) {
            throw new InvalidInputException("votingList", "The voting list changed while you were ordering it: it now holds "
                    + (current.isEmpty() ? "only the final text" : titles(now, current)) + ". Look at it again and reorder it.");
        }
        order.place(proposalId, amendmentIdsInOrder);
        audit.record(me.id(), AuditAction.VOTING_LIST_ORDERED, "proposal", proposalId, titles(now, amendmentIdsInOrder) + ", then the final text");
        return list(guard.readable(proposalId, me));
    }

    private VotingList list(ProposalGuard.Access access) {
        long proposalId = access.proposal().getId();
        List<Amendment> all = amendments.list(proposalId);
        // Ballots come newest first: the first seen for a subject is its latest.
        Map<Long, BallotRecord> latest = new HashMap<>();
        BallotRecord finalText = null;
        for (BallotRecord b : ballots.ofProposal(proposalId)) {
            if (b.getCorrectionId() != null) {
                continue;
            }
            if (b.getAmendmentId() != null) {
                latest.putIfAbsent(b.getAmendmentId(), b);
            } else if (finalText == null) {
                finalText = b;
            }
        }
        List<Amendment> onList = all.stream().filter(a -> a.state() == AmendmentState.PUT_TO_VOTE || latest.containsKey(a.id()))
                .sorted(Comparator.comparing((Amendment a) -> a.votePosition() == null ? Integer.MAX_VALUE : a.votePosition())
                        .thenComparing(Amendment::compromise).thenComparing(Amendment::number))
                .toList();
        List<VotingList.Item> items = new ArrayList<>();
        for (Amendment a : onList) {
            BallotRecord b = latest.get(a.id());
            String status = a.state() == AmendmentState.ACCEPTED ? "Accepted into revision " + a.mergedRevision() : a.state().label();
            items.add(item(a.id(), a.citation(), a.compromise() ? VotingList.Kind.COMPROMISE : VotingList.Kind.AMENDMENT, status, b));
        }
        int revision = finalText != null ? finalText.getRevision() : access.proposal().getCurrentRevision();
        ProposalState state = access.state();
        items.add(item(null, "The final text (revision " + revision + ")", VotingList.Kind.FINAL_TEXT, state.label(), finalText));
        boolean shown = state == ProposalState.VOTING || state == ProposalState.DISCUSSION && !onList.isEmpty();
        List<Integer> open = state == ProposalState.DISCUSSION ? all.stream().filter(Amendment::isOpen).map(Amendment::number).toList() : List.of();
        return new VotingList(proposalId, shown, access.rules().convenor() && orderable(state), List.copyOf(items), open);
    }

    private static VotingList.Item item(Long amendmentId, String title, VotingList.Kind kind, String status, BallotRecord b) {
        if (b == null) {
            return new VotingList.Item(amendmentId, title, kind, status, null, "Not yet open", "");
        }
        String outcome = BallotDetails.outcome(b.getClosedAt(), b.getPassed(), b.getExplanation());
        String result;
        if (b.getClosedAt() == null) {
            result = b.getClosesAt() == null ? "Closes when a convenor closes it" : "Closes " + Dates.dayAndTime(b.getClosesAt());
        } else {
            result = b.getExplanation() == null ? "" : b.getExplanation().strip().lines().reduce((first, last) -> last).orElse("");
        }
        return new VotingList.Item(amendmentId, title, kind, status, b.getId(), outcome, result);
    }

    private static boolean orderable(ProposalState state) {
        return state == ProposalState.DISCUSSION || state == ProposalState.VOTING;
    }

    /** "A3, A1 and A2": the amendments named by number, in the order given. */
    private static String titles(VotingList list, List<Long> ids) {
        Map<Long, String> numbers = list.items().stream().filter(i -> i.amendmentId() != null)
                .collect(Collectors.toMap(VotingList.Item::amendmentId, i -> i.title().substring(0, i.title().indexOf(' '))));
        return ids.stream().map(numbers::get).collect(Collectors.joining(", "));
    }
}
