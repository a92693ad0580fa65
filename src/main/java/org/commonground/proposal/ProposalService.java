package org.commonground.proposal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.comment.Comment;
import org.commonground.comment.CommentRepository;
import org.commonground.audit.AuditEntry;
import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.group.GroupRepository;
import org.commonground.group.MembershipRepository;
import org.commonground.group.MembershipStatus;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.commonground.proposal.text.DiffRebase;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.WordDiff;
import org.commonground.notification.Watches;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.commonground.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals, their revisions, co-authors and states. Every method finds the caller and applies
 * {@link ProposalAccessRules}; a proposal the caller may not read is reported as not existing, so ids cannot be
 * probed.
 */
@Service
public class ProposalService {

    public static final int MAX_BODY = 400_000;

    private final ProposalRepository proposals;
    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final AmendmentRepository amendments;
    private final CommentRepository comments;
    private final ProposalGuard guard;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Watches watches;
    private final ApplicationEventPublisher publisher;

    ProposalService(ProposalRepository proposals, GroupRepository groups, MembershipRepository memberships,
                    AmendmentRepository amendments, CommentRepository comments, ProposalGuard guard, CurrentMember currentMember,
                    AuditLog audit, Watches watches, ApplicationEventPublisher publisher) {
        this.watches = watches;
        this.publisher = publisher;
        this.comments = comments;
        this.proposals = proposals;
        this.groups = groups;
        this.memberships = memberships;
        this.amendments = amendments;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** The group's proposals that the caller may read. */
    @Transactional(readOnly = true)
    public List<ProposalSummary> inGroup(long groupId) {
        SignedInMember me = currentMember.require();
        // The caller's standing in the group is the same for every proposal: ask once, not per proposal.
        boolean member = memberships.status(groupId, me.id()).orElse(null) == MembershipStatus.ACTIVE;
        boolean convenor = member && memberships.isConvenor(groupId, me.id());
        Set<Long> authored = member ? proposals.authoredInGroup(groupId, me.id()) : Set.of();
        return proposals.recordsInGroup(groupId).stream()
                .filter(p -> new ProposalAccessRules(ProposalState.valueOf(p.getState()), p.getDiscussedAt() != null,
                        authored.contains(p.getId()), member, convenor).canRead())
                .map(ProposalRepository::summaryOf)
                .toList();
    }

    @Transactional
    public long create(long groupId, ProposalDraft draft) {
        SignedInMember me = currentMember.requireVerified();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw new AccessDeniedException("Only members of this group can start a proposal in it.");
        }
        check(draft);
        long id = proposals.insert(groupId, draft.title().strip(), clean(draft.summary()), me.id());
        proposals.insertRevision(id, 1, draft.title().strip(), clean(draft.summary()), body(draft), clean(draft.note()), me.id());
        proposals.addAuthor(id, me.id(), me.id());
        audit.record(me.id(), AuditAction.PROPOSAL_CREATED, "proposal", id, draft.title().strip());
        return id;
    }

    @Transactional(readOnly = true)
    public ProposalDetails details(long proposalId) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        ProposalRecord p = access.proposal();
        ProposalAccessRules rules = access.rules();
        Revision current = proposals.revision(proposalId, p.getCurrentRevision()).orElseThrow();
        Set<ProposalState> moves = EnumSet.noneOf(ProposalState.class);
        for (ProposalState to : ProposalState.values()) {
            if (rules.canMove(to)) {
                moves.add(to);
            }
        }
        return new ProposalDetails(ProposalRepository.summaryOf(p), groups.name(p.getGroupId()), current,
                LineNumbering.number(current.body(), p.getLineWidth()), proposals.authors(proposalId),
                rules.canEdit(), moves, rules.canAmend(), rules.canDecideAmendments(), rules.canComment(), rules.convenor());
    }

    /**
     * The proposal in brief, as the caller may see it. Every open page of a proposal takes one at every change
     * announced, so it is three small queries, not the page's dozen.
     */
    @Transactional(readOnly = true)
    public ProposalGlance glance(long proposalId) {
        SignedInMember me = currentMember.require();
        ProposalRecord p = readable(proposalId, me);
        return new ProposalGlance(ProposalState.valueOf(p.getState()), p.getStateChangedAt(), p.getCurrentRevision(),
                comments.visibleIds(proposalId, me.id(), me.partyId()), amendments.digests(proposalId));
    }

    /**
     * A convenor publishes an agreed proposal: AGREED becomes PUBLISHED. Publishing calls this inside its own
     * transaction, before it takes the snapshot, so the state and the published document commit together (and
     * publishing audits both at once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(long proposalId) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        ProposalRecord p = access.proposal();
        if (!access.rules().convenor()) {
            throw new AccessDeniedException("Only a convenor of the group can publish a proposal.");
        }
        ProposalState state = ProposalState.valueOf(p.getState());
        if (!proposals.changeState(proposalId, ProposalState.AGREED, ProposalState.PUBLISHED, me.id())) {
            throw new InvalidInputException("state", state == ProposalState.PUBLISHED || state == ProposalState.AGREED
                    ? "This proposal is already published." : "Only an agreed proposal can be published; this one is " + state.label().toLowerCase() + ".");
        }
    }

    /**
     * Saves a new revision on top of revision {@code base}.
     *
     * @return the new revision's number
     * @throws RevisionConflictException when another author saved after {@code base}; nothing is written
     */
    @Transactional
    public int save(long proposalId, int base, ProposalDraft draft) {
        SignedInMember me = currentMember.require();
        guard.readable(proposalId, me);
        // Held still until this commits, and looked at again under the lock, so that neither a move to voting nor
        // an amendment ballot slips in between the look and the new revision.
        proposals.lockState(proposalId);
        ProposalGuard.Access access = guard.readable(proposalId, me);
        ProposalRecord p = access.proposal();
        if (!access.rules().canEdit()) {
            throw new AccessDeniedException(ProposalState.valueOf(p.getState()) == ProposalState.DRAFT
                    || ProposalState.valueOf(p.getState()) == ProposalState.DISCUSSION
                    ? "Only the authors can edit this proposal." : "This proposal can no longer be edited.");
        }
        check(draft);
        String before = proposals.revision(proposalId, base).map(Revision::body).orElse(null);
        var diff = before == null ? null : WordDiff.diff(before, body(draft));
        if (diff != null) {
            LinesUnderVote.refuseChanges(amendments, amendments.underVote(proposalId), base, before, p.getLineWidth(),
                    range -> DiffRebase.rebase(diff, range), "body", "an edit");
        }
        if (before == null || !proposals.advanceRevision(proposalId, base, draft.title().strip(), clean(draft.summary()))) {
            int current = proposals.find(proposalId).orElseThrow().getCurrentRevision();
            throw new RevisionConflictException(base, proposals.revision(proposalId, current).orElseThrow());
        }
        proposals.insertRevision(proposalId, base + 1, draft.title().strip(), clean(draft.summary()), body(draft), clean(draft.note()), me.id());
        // Open amendments follow the text where their words survive the edit; the others are flagged for their proposers.
        amendments.rebaseOpen(proposalId, base, base + 1, range -> DiffRebase.rebase(diff, range));
        // Comments on lines follow their words in the same way; those whose words changed say so.
        comments.rebaseAnchors(proposalId, base + 1, body(draft), p.getLineWidth(), range -> DiffRebase.rebase(diff, range),
                r -> proposals.revision(proposalId, r).orElseThrow().body());
        audit.record(me.id(), AuditAction.PROPOSAL_REVISED, "proposal", proposalId, "revision " + (base + 1));
        return base + 1;
    }

    @Transactional
    public void move(long proposalId, ProposalState to) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        ProposalRecord p = access.proposal();
        ProposalState from = ProposalState.valueOf(p.getState());
        if (!access.rules().canMove(to)) {
            throw new AccessDeniedException(access.rules().convenor()
                    ? "A proposal cannot go from " + from.label() + " to " + to.label() + "."
                    : "Only a convenor of the group can change a proposal's state.");
        }
        if (to == ProposalState.VOTING) {
            // Locked first, so no amendment ballot can open between this look and the change.
            proposals.lockState(proposalId);
            List<Integer> open = amendments.beingVotedOn(proposalId);
            if (!open.isEmpty()) {
                throw new InvalidInputException("state", "Close the ballot on " + open.stream().map(n -> "A" + n).collect(Collectors.joining(", "))
                        + " before moving to voting: the final text must not change while it is voted on.");
            }
        }
        if (!proposals.changeState(proposalId, from, to, me.id())) {
            throw new InvalidInputException("state", "Someone else changed this proposal's state just now. Look again.");
        }
        audit.record(me.id(), movedTo(from, to), "proposal", proposalId, from + " -> " + to);
        if (to == ProposalState.WITHDRAWN) {
            // Nothing can take them up any more; they say why instead of "Proposed" for ever.
            amendments.lapseOpen(proposalId, OffsetDateTime.now(), "The proposal was withdrawn.");
            publisher.publishEvent(new ProposalWithdrawn(proposalId, me.id()));
        }
    }

    /**
     * The audited action of a convenor's move; the other states come from ballots and publishing, never from move. A
     * return to discussion after a failed vote is told apart from a first opening: its followers hear it is a redraft.
     */
    private static AuditAction movedTo(ProposalState from, ProposalState to) {
        return switch (to) {
            case DISCUSSION -> from == ProposalState.NOT_AGREED ? AuditAction.PROPOSAL_RETURNED_TO_DISCUSSION : AuditAction.PROPOSAL_DISCUSSION;
            case VOTING -> AuditAction.PROPOSAL_VOTING;
            case WITHDRAWN -> AuditAction.PROPOSAL_WITHDRAWN;
            case DRAFT, AGREED, NOT_AGREED, PUBLISHED -> throw new IllegalStateException("A convenor does not move a proposal to " + to);
        };
    }

    /** Whoever may read a proposal may follow it: its amendments and state changes then notify them. */
    @Transactional
    public void setWatching(long proposalId, boolean watching) {
        SignedInMember me = currentMember.require();
        readable(proposalId, me);
        watches.set(me.id(), "proposal", proposalId, watching);
    }

    @Transactional(readOnly = true)
    public boolean watching(long proposalId) {
        SignedInMember me = currentMember.require();
        readable(proposalId, me);
        return watches.watching(me.id(), "proposal", proposalId);
    }

    /** Authors invite a co-author from the group. */
    @Transactional
    public boolean addCoAuthor(long proposalId, long memberId) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        ProposalRecord p = access.proposal();
        if (!access.rules().canAddCoAuthors()) {
            throw new AccessDeniedException("Only the authors can invite co-authors, and only before voting.");
        }
        if (memberships.status(p.getGroupId(), memberId).orElse(null) != MembershipStatus.ACTIVE) {
            throw new InvalidInputException("coAuthor", "Co-authors must be members of the group.");
        }
        boolean added = proposals.addAuthor(proposalId, memberId, me.id());
        if (added) {
            audit.record(me.id(), AuditAction.PROPOSAL_COAUTHOR_ADDED, "proposal", proposalId, "member " + memberId);
        }
        return added;
    }

    /** What happened to the proposal and who did it: state changes, revisions and decisions on amendments. */
    @Transactional(readOnly = true)
    public List<AuditEntry> activity(long proposalId) {
        readable(proposalId, currentMember.require());
        // Comment events are left out: that a party conferred privately is its own business.
        return audit.entries("proposal", proposalId, List.of(AuditAction.PROPOSAL_CREATED, AuditAction.PROPOSAL_REVISED,
                AuditAction.PROPOSAL_DISCUSSION, AuditAction.PROPOSAL_RETURNED_TO_DISCUSSION, AuditAction.PROPOSAL_VOTING, AuditAction.PROPOSAL_WITHDRAWN, AuditAction.PROPOSAL_COAUTHOR_ADDED,
                AuditAction.AMENDMENT_PROPOSED, AuditAction.AMENDMENT_ACCEPTED, AuditAction.AMENDMENT_REJECTED, AuditAction.AMENDMENT_WITHDRAWN,
                AuditAction.AMENDMENTS_LAPSED, AuditAction.PUBLISHED, AuditAction.PUBLISHED_CORRECTION));
    }

    @Transactional(readOnly = true)
    public List<Revision> history(long proposalId) {
        readable(proposalId, currentMember.require());
        return proposals.history(proposalId);
    }

    /** One revision, whole: what a ballot voted on, say. */
    @Transactional(readOnly = true)
    public Revision revision(long proposalId, int number) {
        readable(proposalId, currentMember.require());
        return proposals.revision(proposalId, number).orElseThrow(() -> new InvalidInputException("revision", "There is no revision " + number + "."));
    }

    /** The word-level changes from one revision to another, title, summary and body in turn. */
    @Transactional(readOnly = true)
    public RevisionDiff diff(long proposalId, int from, int to) {
        readable(proposalId, currentMember.require());
        Revision a = proposals.revision(proposalId, from).orElseThrow(() -> new InvalidInputException("from", "There is no revision " + from + "."));
        Revision b = proposals.revision(proposalId, to).orElseThrow(() -> new InvalidInputException("to", "There is no revision " + to + "."));
        return new RevisionDiff(a, b, WordDiff.diff(a.title(), b.title()), WordDiff.diff(a.summary(), b.summary()),
                WordDiff.diff(a.body(), b.body()));
    }

    private ProposalRecord readable(long proposalId, SignedInMember me) {
        return guard.readable(proposalId, me).proposal();
    }

    private static void check(ProposalDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        TextRules.checkLine("title", "a title", draft.title(), 200, problems);
        TextRules.checkOptionalText("summary", "the summary", draft.summary(), 2000, problems);
        if (draft.body() != null && draft.body().length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "The text can be at most " + Numbers.grouped(MAX_BODY)
                    + " characters (this one has " + Numbers.grouped(draft.body().length()) + "). Split it into several proposals."));
        }
        TextRules.checkOptionalText("note", "the note", draft.note(), 500, problems);
        InvalidInputException.throwIfAny(problems);
    }

    private static String body(ProposalDraft draft) {
        // A lone carriage return is a line break to Markdown but not to the line numbering: store only "\n".
        return draft.body() == null ? "" : draft.body().replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
