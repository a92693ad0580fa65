package org.commonground.proposal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.commonground.audit.AuditLog;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.jooq.tables.records.CommentRecord;
import org.commonground.pact.PactGuard;
import org.commonground.pact.PactState;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on proposals, amendments and pacts, threaded, optionally anchored to a paragraph or passage, SHARED with the
 * group or kept to the author's party (CAUCUS). Readers get only what they may see, from every method.
 */
@Service
public class CommentService {

    public static final int MAX_BODY = 10_000;

    private final CommentRepository comments;
    private final AmendmentRepository amendments;
    private final ProposalRepository proposals;
    private final ProposalGuard guard;
    private final PactGuard pactGuard;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    CommentService(CommentRepository comments, AmendmentRepository amendments, ProposalRepository proposals, ProposalGuard guard,
                   PactGuard pactGuard, CurrentMember currentMember, AuditLog audit) {
        this.pactGuard = pactGuard;
        this.comments = comments;
        this.amendments = amendments;
        this.proposals = proposals;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** The comments the caller may see; a deleted one stays only as a placeholder above its replies. */
    @Transactional(readOnly = true)
    public List<Comment> thread(long proposalId) {
        SignedInMember me = currentMember.require();
        guard.readable(proposalId, me);
        return withoutBareDeletions(comments.visible(CommentRepository.onProposal(proposalId), me.id(), currentMember.caucusPartyOf(me)));
    }

    /** The pact's comments the caller may see. */
    @Transactional(readOnly = true)
    public List<Comment> threadOfPact(long pactId) {
        SignedInMember me = currentMember.require();
        pactGuard.readable(pactId, me);
        return withoutBareDeletions(comments.visible(CommentRepository.onPact(pactId), me.id(), currentMember.caucusPartyOf(me)));
    }

    /**
     * Comments on a pact, while it is being drafted, negotiated or ratified, by its convenors and the members
     * of the parties its terms name; CAUCUS means the author's party's members in the group.
     */
    @Transactional
    public long postOnPact(long pactId, NewComment comment) {
        SignedInMember me = currentMember.requireVerified();
        requirePactTakesComments(pactGuard.readable(pactId, me), me);
        String body = checkedBody(comment.body());
        Visibility visibility = comment.visibility() == null ? Visibility.SHARED : comment.visibility();
        Long amendmentId = comment.amendmentId();
        if (amendmentId != null && !pactGuard.hasAmendment(pactId, amendmentId)) {
            throw new InvalidInputException("amendment", "There is no such amendment to this pact.");
        }
        if (comment.parentId() != null) {
            CommentRecord parent = comments.findVisible(comment.parentId(), me.id(), currentMember.caucusPartyOf(me))
                    .filter(p -> Objects.equals(p.getPactId(), pactId))
                    .orElseThrow(() -> new InvalidInputException("parent", "The comment you are replying to is not there."));
            if (Visibility.valueOf(parent.getVisibility()) == Visibility.CAUCUS) {
                visibility = Visibility.CAUCUS;
            }
            amendmentId = parent.getPactAmendmentId();
        }
        requireCaucusVoice(me, visibility);
        long id = comments.insertOnPact(pactId, amendmentId, comment.parentId(), me.id(), me.partyId(), visibility, body);
        audit.record(me.id(), "COMMENT_POSTED", "pact", pactId, "comment " + id + " " + visibility);
        return id;
    }

    private void requirePactTakesComments(PactGuard.Access access, SignedInMember me) {
        PactState state = access.state();
        if (state != PactState.DRAFT && state != PactState.NEGOTIATING && state != PactState.RATIFYING) {
            throw new AccessDeniedException("Comments are closed: the pact is " + state.label().toLowerCase() + ".");
        }
        // A party is in the pact's discussion through the members it has confirmed, not whoever claims it.
        if (!access.convenor() && !(pactGuard.partiesNamed(access).contains(me.partyCode())
                && currentMember.caucusPartyOf(me) != CurrentMember.NO_PARTY)) {
            throw new AccessDeniedException("Only members of the parties in the pact whom their party has confirmed, "
                    + "and the group's convenors, comment on it.");
        }
    }

    private static List<Comment> withoutBareDeletions(List<Comment> all) {
        Set<Long> parents = new HashSet<>();
        all.forEach(c -> {
            if (c.parentId() != null) {
                parents.add(c.parentId());
            }
        });
        return all.stream().filter(c -> !c.deleted() || parents.contains(c.id())).toList();
    }

    @Transactional(readOnly = true)
    public Map<Integer, Integer> countsByParagraph(long proposalId, int revision) {
        SignedInMember me = currentMember.require();
        guard.readable(proposalId, me);
        return comments.countsByBlock(proposalId, revision, me.id(), currentMember.caucusPartyOf(me));
    }

    @Transactional
    public long post(long proposalId, NewComment comment) {
        SignedInMember me = currentMember.requireVerified();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().canComment()) {
            throw new AccessDeniedException("Comments are closed: the proposal is " + access.state().label().toLowerCase() + ".");
        }
        String body = checkedBody(comment.body());
        Visibility visibility = comment.visibility() == null ? Visibility.SHARED : comment.visibility();
        Long amendmentId = comment.amendmentId();
        if (amendmentId != null) {
            AmendmentRecord a = amendments.find(amendmentId).filter(x -> x.getProposalId() == proposalId)
                    .orElseThrow(() -> new InvalidInputException("amendment", "There is no such amendment on this proposal."));
            amendmentId = a.getId();
        }
        if (comment.parentId() != null) {
            CommentRecord parent = comments.findVisible(comment.parentId(), me.id(), currentMember.caucusPartyOf(me))
                    .filter(p -> Objects.equals(p.getProposalId(), proposalId))
                    .orElseThrow(() -> new InvalidInputException("parent", "The comment you are replying to is not there."));
            // A reply in a party's private thread stays private to that party.
            if (Visibility.valueOf(parent.getVisibility()) == Visibility.CAUCUS) {
                visibility = Visibility.CAUCUS;
            }
            amendmentId = parent.getAmendmentId();
        }
        Integer revision = null;
        Integer block = null;
        Integer line = null;
        String quote = null;
        if (comment.fromLine() != null) {
            revision = comment.revision() == null ? access.proposal().getCurrentRevision() : comment.revision();
            int rev = revision;
            String text = proposals.revision(proposalId, rev)
                    .orElseThrow(() -> new InvalidInputException("fromLine", "There is no revision " + rev + ".")).body();
            List<NumberedLine> lines = LineNumbering.number(text, access.proposal().getLineWidth());
            int from = comment.fromLine();
            int to = comment.passage() && comment.toLine() != null ? comment.toLine() : from;
            if (from < 1 || to < from || to > lines.size()) {
                throw new InvalidInputException("fromLine", "Lines " + from + "\u2013" + to + " do not exist; the text has " + lines.size() + " lines.");
            }
            line = from;
            block = lines.get(from - 1).block();
            if (comment.passage()) {
                var range = LineNumbering.range(lines, from, to);
                quote = text.substring(range.start(), range.end()).replaceAll("\\s+", " ");
                if (quote.length() > 2000) {
                    quote = quote.substring(0, 1999) + "\u2026";
                }
            }
        }
        requireCaucusVoice(me, visibility);
        long id = comments.insert(proposalId, amendmentId, comment.parentId(), me.id(), me.partyId(), visibility, revision, block, line, quote, body);
        // The audit trail records that a comment was made, not what a caucus said.
        audit.record(me.id(), "COMMENT_POSTED", "proposal", proposalId, "comment " + id + " " + visibility);
        return id;
    }

    /**
     * The author rewords their comment, while the proposal or pact still takes comments from them: once the
     * discussion has closed (a vote decided, a pact ratified) what was said stays as it was said.
     */
    @Transactional
    public void edit(long commentId, String body) {
        SignedInMember me = currentMember.require();
        CommentRecord c = own(commentId, me);
        if (c.getPactId() != null) {
            requirePactTakesComments(pactGuard.readable(c.getPactId(), me), me);
        } else {
            ProposalGuard.Access access = guard.readable(c.getProposalId(), me);
            if (!access.rules().canComment()) {
                throw new AccessDeniedException("Comments are closed: the proposal is " + access.state().label().toLowerCase() + ".");
            }
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new InvalidInputException("body", text.isEmpty() ? "A comment cannot be empty; delete it instead."
                    : "A comment can be at most " + String.format("%,d", MAX_BODY) + " characters.");
        }
        if (!comments.edit(commentId, me.id(), text)) {
            throw new InvalidInputException("body", "This comment was deleted.");
        }
        audit.record(me.id(), "COMMENT_EDITED", subjectType(c), subjectId(c), "comment " + commentId);
    }

    /** The author takes their comment back, at any time they may still read it; replies stay under a placeholder. */
    @Transactional
    public void delete(long commentId) {
        SignedInMember me = currentMember.require();
        CommentRecord c = own(commentId, me);
        if (comments.delete(commentId, me.id())) {
            audit.record(me.id(), "COMMENT_DELETED", subjectType(c), subjectId(c), "comment " + commentId);
        }
    }

    private CommentRecord own(long commentId, SignedInMember me) {
        CommentRecord c = comments.findVisible(commentId, me.id(), currentMember.caucusPartyOf(me)).orElseThrow(CommentService::noSuchComment);
        // A comment on something the caller may not read is reported exactly like one that does not exist.
        try {
            if (c.getPactId() != null) {
                pactGuard.readable(c.getPactId(), me);
            } else {
                guard.readable(c.getProposalId(), me);
            }
        } catch (InvalidInputException notReadable) {
            throw noSuchComment();
        }
        if (c.getAuthorId() != me.id()) {
            throw new AccessDeniedException("You can edit and delete only your own comments.");
        }
        return c;
    }

    /** Only a member their party has confirmed speaks in its party-only discussion. */
    private void requireCaucusVoice(SignedInMember me, Visibility visibility) {
        if (visibility == Visibility.CAUCUS && currentMember.caucusPartyOf(me) == CurrentMember.NO_PARTY) {
            throw new InvalidInputException("visibility", "Party-only comments are for members whom " + me.partyCode()
                    + " has confirmed; its organisers confirm members (My party). Post it to the whole group, or wait.");
        }
    }

    private static InvalidInputException noSuchComment() {
        return new InvalidInputException("comment", "There is no such comment.");
    }

    private static String subjectType(CommentRecord c) {
        return c.getPactId() != null ? "pact" : "proposal";
    }

    private static long subjectId(CommentRecord c) {
        return c.getPactId() != null ? c.getPactId() : c.getProposalId();
    }

    private static String checkedBody(String typed) {
        String body = typed == null ? "" : typed.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("body", "Write something first.");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidInputException("body", "A comment can be at most " + String.format("%,d", MAX_BODY) + " characters.");
        }
        return body;
    }
}
