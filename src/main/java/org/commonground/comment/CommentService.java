package org.commonground.comment;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.jooq.tables.records.CommentRecord;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on proposals, amendments and pacts, threaded, optionally anchored to a paragraph or passage, SHARED with the
 * group or kept to the author's party (CAUCUS). Readers get only what they may see, from every method.
 */
@Service
public class CommentService {

    /**
     * The audit trail's comment events, which say who posted, edited or deleted a comment when, even a party-only
     * one: the activity pages show none of them, and a member's group export leaves them out too.
     */
    public static final List<AuditAction> AUDIT_ACTIONS = List.of(AuditAction.COMMENT_POSTED, AuditAction.COMMENT_EDITED, AuditAction.COMMENT_DELETED);

    public static final int MAX_BODY = 10_000;

    private final CommentRepository comments;
    private final DiscussedSubject proposals;
    private final DiscussedSubject pacts;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    CommentService(CommentRepository comments, List<DiscussedSubject> subjects, CurrentMember currentMember, AuditLog audit) {
        this.comments = comments;
        this.proposals = subjects.stream().filter(s -> s.type().equals("proposal")).findFirst().orElseThrow();
        this.pacts = subjects.stream().filter(s -> s.type().equals("pact")).findFirst().orElseThrow();
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** The comments the caller may see; a deleted one stays only as a placeholder above its replies. */
    @Transactional(readOnly = true)
    public List<Comment> thread(long proposalId) {
        SignedInMember me = currentMember.require();
        proposals.requireReadable(proposalId, me);
        return withoutBareDeletions(comments.visible(CommentRepository.onProposal(proposalId), me.id(), currentMember.caucusPartyOf(me)));
    }

    /**
     * One comment of the proposal's thread as {@link #thread} shows it to the caller, or empty if they may not see it
     * or it is deleted: a page shows the comment its reader just posted without reading the whole thread again.
     */
    @Transactional(readOnly = true)
    public Optional<Comment> comment(long proposalId, long commentId) {
        SignedInMember me = currentMember.require();
        proposals.requireReadable(proposalId, me);
        return comments.visibleOnProposal(proposalId, commentId, me.id(), currentMember.caucusPartyOf(me)).filter(c -> !c.deleted());
    }

    /** The pact's comments the caller may see. */
    @Transactional(readOnly = true)
    public List<Comment> threadOfPact(long pactId) {
        SignedInMember me = currentMember.require();
        pacts.requireReadable(pactId, me);
        return withoutBareDeletions(comments.visible(CommentRepository.onPact(pactId), me.id(), currentMember.caucusPartyOf(me)));
    }

    /**
     * Comments on a pact, while it is being drafted, negotiated or ratified, by its convenors and the members
     * of the parties its terms name; CAUCUS means the author's party's members in the group.
     */
    @Transactional
    public long postOnPact(long pactId, NewComment comment) {
        SignedInMember me = currentMember.requireVerified();
        pacts.requireOpen(pactId, me);
        String body = checkedBody(comment.body());
        Visibility visibility = comment.visibility() == null ? Visibility.SHARED : comment.visibility();
        Long amendmentId = checkedAmendment(pacts, pactId, comment.amendmentId());
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
        audit.record(me.id(), AuditAction.COMMENT_POSTED, "pact", pactId, "comment " + id + " " + visibility);
        return id;
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

    @Transactional
    public long post(long proposalId, NewComment comment) {
        SignedInMember me = currentMember.requireVerified();
        proposals.requireOpen(proposalId, me);
        String body = checkedBody(comment.body());
        Visibility visibility = comment.visibility() == null ? Visibility.SHARED : comment.visibility();
        Long amendmentId = checkedAmendment(proposals, proposalId, comment.amendmentId());
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
        DiscussedSubject.Anchor at = comment.fromLine() == null ? DiscussedSubject.Anchor.NONE : proposals.anchor(proposalId, comment);
        requireCaucusVoice(me, visibility);
        long id = comments.insert(proposalId, amendmentId, comment.parentId(), me.id(), me.partyId(), visibility, at.revision(), at.block(),
                at.line(), at.lastLine(), at.quote(), at.start(), at.end(), body);
        // The audit trail records that a comment was made, not what a caucus said.
        audit.record(me.id(), AuditAction.COMMENT_POSTED, "proposal", proposalId, "comment " + id + " " + visibility);
        return id;
    }

    private static Long checkedAmendment(DiscussedSubject subject, long id, Long amendmentId) {
        if (amendmentId != null && !subject.hasAmendment(id, amendmentId)) {
            throw new InvalidInputException("amendment", "There is no such amendment on this " + subject.type() + ".");
        }
        return amendmentId;
    }

    /**
     * The author rewords their comment, while the proposal or pact still takes comments from them: once the
     * discussion has closed (a vote decided, a pact ratified) what was said stays as it was said.
     */
    @Transactional
    public void edit(long commentId, String body) {
        SignedInMember me = currentMember.require();
        CommentRecord c = own(commentId, me);
        subjectOf(c).requireOpen(subjectId(c), me);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new InvalidInputException("body", text.isEmpty() ? "A comment cannot be empty; delete it instead."
                    : "A comment can be at most " + Numbers.grouped(MAX_BODY) + " characters.");
        }
        if (!comments.edit(commentId, me.id(), text)) {
            throw new InvalidInputException("body", "This comment was deleted.");
        }
        audit.record(me.id(), AuditAction.COMMENT_EDITED, subjectOf(c).type(), subjectId(c), "comment " + commentId);
    }

    /** The author takes their comment back, at any time they may still read it; replies stay under a placeholder. */
    @Transactional
    public void delete(long commentId) {
        SignedInMember me = currentMember.require();
        CommentRecord c = own(commentId, me);
        if (comments.delete(commentId, me.id())) {
            audit.record(me.id(), AuditAction.COMMENT_DELETED, subjectOf(c).type(), subjectId(c), "comment " + commentId);
        }
    }

    private CommentRecord own(long commentId, SignedInMember me) {
        CommentRecord c = comments.findVisible(commentId, me.id(), currentMember.caucusPartyOf(me)).orElseThrow(CommentService::noSuchComment);
        // A comment on something the caller may not read is reported exactly like one that does not exist.
        try {
            subjectOf(c).requireReadable(subjectId(c), me);
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

    private DiscussedSubject subjectOf(CommentRecord c) {
        return c.getPactId() != null ? pacts : proposals;
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
            throw new InvalidInputException("body", "A comment can be at most " + Numbers.grouped(MAX_BODY) + " characters.");
        }
        return body;
    }
}
