package org.commonground.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextEdit;
import org.commonground.proposal.text.TextRange;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compromises: an author of the proposal or a convenor offers one amendment in place of several open ones. Each of
 * their proposers answers once: accepting withdraws theirs in the compromise's favour, keeping it leaves it for the
 * vote with their comment beside it.
 */
@Service
public class CompromiseService {

    private final AmendmentService amendmentService;
    private final AmendmentRepository amendments;
    private final CompromiseRepository offers;
    private final ProposalRepository proposals;
    private final ProposalGuard guard;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    CompromiseService(AmendmentService amendmentService, AmendmentRepository amendments, CompromiseRepository offers,
                      ProposalRepository proposals, ProposalGuard guard, CurrentMember currentMember, AuditLog audit) {
        this.amendmentService = amendmentService;
        this.amendments = amendments;
        this.offers = offers;
        this.proposals = proposals;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** Every compromise offer on the proposal, with its answer. */
    @Transactional(readOnly = true)
    public List<CompromiseOffer> offers(long proposalId) {
        guard.readable(proposalId, currentMember.require());
        return offers.ofProposal(proposalId);
    }

    /**
     * The current text with the open amendments {@code amendmentIds} applied, in number order, each unless it collides
     * with one applied before it: the text a compromise starts from.
     */
    @Transactional(readOnly = true)
    public CompromiseStart startingText(long proposalId, Set<Long> amendmentIds) {
        guard.readable(proposalId, currentMember.require());
        ProposalRecord p = proposals.find(proposalId).orElseThrow();
        String body = proposals.revision(proposalId, p.getCurrentRevision()).orElseThrow().body();
        List<TextEdit> edits = new ArrayList<>();
        List<TextRange> taken = new ArrayList<>();
        List<Integer> applied = new ArrayList<>();
        List<Integer> leftOut = new ArrayList<>();
        for (Amendment a : amendmentService.load(proposalId)) {
            if (!amendmentIds.contains(a.id()) || !a.isOpen() || a.revision() != p.getCurrentRevision()) {
                continue;
            }
            if (Passages.collide(taken, a.ranges())) {
                leftOut.add(a.number());
            } else {
                a.passages().forEach(x -> edits.add(new TextEdit(x.range(), x.replacement())));
                taken.addAll(a.ranges());
                applied.add(a.number());
            }
        }
        return new CompromiseStart(Passages.apply(body, edits), applied, leftOut);
    }

    /**
     * Proposes {@code amendedText}, an edit of revision {@code revision}, as a compromise replacing the open
     * amendments {@code replacedAmendmentIds}: one amendment, its passages made as {@link AmendmentService#proposeByEdit}
     * makes them, and each replaced amendment's proposer asked to answer.
     */
    @Transactional
    public Amendment propose(long proposalId, int revision, String amendedText, String reason, Set<Long> replacedAmendmentIds) {
        SignedInMember me = currentMember.requireVerified();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().canDecideAmendments()) {
            throw new AccessDeniedException(access.state() == ProposalState.DISCUSSION
                    ? "Only the proposal's authors or the group's convenors propose compromises."
                    : "Compromises are proposed while the proposal is in discussion.");
        }
        if (replacedAmendmentIds == null || replacedAmendmentIds.isEmpty()) {
            throw new InvalidInputException("replaces", "Choose the amendments the compromise would replace.");
        }
        if (replacedAmendmentIds.size() > AmendmentMerging.MAX_CHOSEN) {
            throw new InvalidInputException("replaces", "A compromise can replace at most " + AmendmentMerging.MAX_CHOSEN + " amendments.");
        }
        AmendmentService.Passaged edit = amendmentService.passagesOf(proposalId, revision, amendedText, "text");
        ProposalRecord p = amendmentService.lockAt(proposalId, revision, "text");
        Map<Long, Amendment> all = amendmentService.load(proposalId).stream().collect(Collectors.toMap(Amendment::id, Function.identity()));
        for (long id : replacedAmendmentIds) {
            Amendment a = all.get(id);
            if (a == null) {
                throw new InvalidInputException("replaces", "There is no such amendment on this proposal.");
            }
            if (!a.isOpen()) {
                throw new InvalidInputException("replaces", "A" + a.number() + " is " + (a.outdated() ? "outdated" : a.state().label().toLowerCase())
                        + ", so a compromise cannot replace it: choose only open amendments.");
            }
        }
        return amendmentService.insert(me, p, edit, reason, Set.copyOf(replacedAmendmentIds), "text");
    }

    /**
     * The proposer of amendment {@code amendmentId} answers the compromise offered in its place, once, while both are
     * open: accepting withdraws theirs in the compromise's favour; keeping it leaves it for the vote, and the comment
     * (required then: the group reads why) is shown beside the compromise.
     */
    @Transactional
    public void answer(long compromiseId, long amendmentId, boolean accept, String comment) {
        SignedInMember me = currentMember.requireVerified();
        AmendmentRecord replaced = readable(amendmentId, me);
        String text = comment == null ? "" : comment.strip();
        if (text.length() > 5000) {
            throw new InvalidInputException("comment", "The comment can be at most 5,000 characters.");
        }
        if (!accept && text.isEmpty()) {
            throw new InvalidInputException("comment", "Say why you keep yours: the comment is shown beside the compromise before the vote.");
        }
        AmendmentRecord compromise = amendments.find(compromiseId).filter(c -> c.getProposalId().equals(replaced.getProposalId()))
                .orElseThrow(() -> new InvalidInputException("compromise", "There is no such compromise on this proposal."));
        if (offers.answer(compromiseId, amendmentId).isEmpty()) {
            throw new InvalidInputException("compromise", "A" + compromise.getNumber() + " does not offer to replace A" + replaced.getNumber() + ".");
        }
        if (replaced.getProposerId() != me.id()) {
            throw new AccessDeniedException("Only the member who proposed A" + replaced.getNumber() + " answers the compromise offered in its place.");
        }
        // Read again under the proposal's lock: a merge, a withdrawal, another answer or a move to voting may have come first.
        proposals.lock(replaced.getProposalId()).orElseThrow();
        if (guard.readable(replaced.getProposalId(), me).state() != ProposalState.DISCUSSION) {
            throw new AccessDeniedException("Compromises are answered while the proposal is in discussion.");
        }
        AmendmentRecord c = amendments.find(compromiseId).orElseThrow();
        AmendmentRecord a = amendments.find(amendmentId).orElseThrow();
        if (offers.answer(compromiseId, amendmentId).orElseThrow() != OfferAnswer.ASKED) {
            throw new InvalidInputException("compromise", "You have already answered compromise A" + c.getNumber() + ".");
        }
        for (AmendmentRecord x : List.of(c, a)) {
            if (!AmendmentState.PROPOSED.name().equals(x.getState()) || x.getOutdated()) {
                throw new InvalidInputException("compromise", "A" + x.getNumber() + " is no longer open ("
                        + (x.getOutdated() ? "outdated" : AmendmentState.valueOf(x.getState()).label().toLowerCase()) + "), so the offer cannot be answered.");
            }
        }
        offers.answer(compromiseId, amendmentId, accept ? OfferAnswer.ACCEPTED : OfferAnswer.KEPT, text, me.id());
        String detail = "compromise " + compromiseId + " amendment " + amendmentId + ": A" + a.getNumber();
        if (accept) {
            amendments.decide(amendmentId, AmendmentState.PROPOSED, AmendmentState.WITHDRAWN, me.id(),
                    "Withdrawn in favour of compromise A" + c.getNumber(), null);
            audit.record(me.id(), AuditAction.COMPROMISE_ACCEPTED, "proposal", a.getProposalId(), detail + " withdrawn in favour of A" + c.getNumber());
        } else {
            audit.record(me.id(), AuditAction.COMPROMISE_DECLINED, "proposal", a.getProposalId(), detail + " kept for the vote");
        }
    }

    /** The amendment, if the caller may read its proposal; one they may not is reported like one that does not exist. */
    private AmendmentRecord readable(long amendmentId, SignedInMember me) {
        InvalidInputException none = new InvalidInputException("amendment", "There is no such amendment.");
        AmendmentRecord a = amendments.find(amendmentId).orElseThrow(() -> none);
        try {
            guard.readable(a.getProposalId(), me);
        } catch (InvalidInputException notReadable) {
            throw none;
        }
        return a;
    }
}
