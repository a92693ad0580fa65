package org.commonground.proposal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.comment.CommentRepository;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.MergePlan;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextEdit;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging several open amendments into one new revision in one step. Where their passages overlap, the authors or
 * the convenor resolve each collision (keep the current wording, take one amendment's, or write a combined text);
 * each amendment is then accepted (wholly, in part or combined) or rejected with a sentence saying whose wording was
 * taken, and the other open amendments follow the text. A single {@link AmendmentService#accept} merges through here.
 */
@Service
public class AmendmentMerging {

    /** More than this in one merge is not a meeting's work but a redraft. */
    static final int MAX_CHOSEN = 50;

    /**
     * What the merge view shows: the proposal's current revision, the chosen amendments' numbers by id, and the plan,
     * whose collisions carry their lines, the current wording, each amendment's wording and a combined start, and which
     * previews any set of resolutions.
     */
    public record Plan(int revision, Map<Long, Integer> numbers, MergePlan merge) {
        public List<MergePlan.Collision> collisions() {
            return merge.collisions();
        }
    }

    private final AmendmentRepository amendments;
    private final CommentRepository comments;
    private final ProposalRepository proposals;
    private final ProposalGuard guard;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    AmendmentMerging(AmendmentRepository amendments, CommentRepository comments, ProposalRepository proposals, ProposalGuard guard,
                     CurrentMember currentMember, AuditLog audit) {
        this.amendments = amendments;
        this.comments = comments;
        this.proposals = proposals;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** The collisions among the chosen amendments of the current revision; nothing is written. */
    @Transactional(readOnly = true)
    public Plan plan(long proposalId, Set<Long> amendmentIds) {
        requireDecider(proposalId, currentMember.require());
        ProposalRecord p = proposals.find(proposalId).orElseThrow();
        List<AmendmentRecord> chosen = open(p, amendmentIds, AmendmentState.PROPOSED);
        String body = proposals.revision(proposalId, p.getCurrentRevision()).orElseThrow().body();
        MergePlan plan = plan(body, LineNumbering.number(body, p.getLineWidth()), chosen);
        Map<Long, Integer> numbers = new LinkedHashMap<>();
        chosen.forEach(a -> numbers.put(a.getId(), a.getNumber()));
        return new Plan(p.getCurrentRevision(), numbers, plan);
    }

    /**
     * Merges the chosen amendments of revision {@code revision} into one new revision, each collision resolved as
     * {@code resolutions} says (collision number, as {@link #plan} numbered it, to its resolution).
     *
     * @return the new revision's number
     */
    @Transactional
    public int merge(long proposalId, int revision, Set<Long> amendmentIds, Map<Integer, MergePlan.Resolution> resolutions) {
        SignedInMember me = currentMember.require();
        requireDecider(proposalId, me);
        ProposalRecord p = proposals.lock(proposalId).orElseThrow();
        // Again under the lock: a move to voting that committed while this waited is seen.
        requireDecider(proposalId, me);
        if (p.getCurrentRevision() != revision) {
            throw new InvalidInputException("merge", "The text changed while you were merging (it is now revision " + p.getCurrentRevision()
                    + "). Look at the collisions again before merging.");
        }
        return commit(me, p, open(p, amendmentIds, AmendmentState.PROPOSED), AmendmentState.PROPOSED, resolutions, "merge");
    }

    /**
     * Writes the merge: the caller has checked the caller's rights, locked {@code p} and found each of {@code chosen}
     * in state {@code expected} on its current revision.
     */
    int commit(SignedInMember me, ProposalRecord p, List<AmendmentRecord> chosen, AmendmentState expected,
               Map<Integer, MergePlan.Resolution> resolutions, String field) {
        int base = p.getCurrentRevision();
        Revision current = proposals.revision(p.getId(), base).orElseThrow();
        MergePlan plan = plan(current.body(), LineNumbering.number(current.body(), p.getLineWidth()), chosen);
        for (MergePlan.Collision c : plan.collisions()) {
            MergePlan.Resolution r = resolutions.get(c.number());
            String where = "On " + c.lines() + ", " + MergePlan.cite(c.amendments());
            if (r == null) {
                throw new InvalidInputException(field, where + " collide: choose whether to keep the current wording, take one of theirs or combine them.");
            }
            if (r instanceof MergePlan.Take t && !c.amendments().contains(t.amendment())) {
                throw new InvalidInputException(field, where + " collide: A" + t.amendment() + " has no wording there to take.");
            }
            if (r instanceof MergePlan.Combine m && m.text().length() > AmendmentService.MAX_REPLACEMENT) {
                throw new InvalidInputException(field, "The combined text on " + c.lines() + " can be at most "
                        + Numbers.grouped(AmendmentService.MAX_REPLACEMENT) + " characters.");
            }
        }
        MergePlan.Result result = plan.apply(resolutions);
        var rebase = Passages.rebaser(result.edits());
        Set<Long> merging = new HashSet<>();
        chosen.forEach(a -> merging.add(a.getId()));
        String named = MergePlan.cite(plan.amendments());
        LinesUnderVote.refuseChanges(amendments, amendments.underVote(p.getId()).stream().filter(v -> !merging.contains(v.getId())).toList(), base,
                current.body(), p.getLineWidth(), rebase, field, "merging " + named);
        if (result.text().length() > ProposalService.MAX_BODY) {
            throw new InvalidInputException(field, "Merging " + named + " would make the text longer than "
                    + Numbers.grouped(ProposalService.MAX_BODY) + " characters.");
        }
        // Keeping the current wording everywhere decides the amendments but writes no revision: nothing changed.
        boolean changed = !result.text().equals(current.body());
        int revision = changed ? base + 1 : base;
        if (changed) {
            if (!proposals.advanceRevision(p.getId(), base, current.title(), current.summary())) {
                throw new IllegalStateException("The proposal changed while locked");
            }
            String note = chosen.size() == 1 && !chosen.getFirst().getReason().isBlank()
                    ? result.note() + ": " + oneLine(chosen.getFirst().getReason()) : result.note();
            proposals.insertRevision(p.getId(), revision, current.title(), current.summary(), result.text(), cut(note, 500), me.id());
        }
        for (AmendmentRecord a : chosen) {
            MergePlan.Fate fate = result.fates().get(a.getNumber());
            boolean accepted = changed && fate.outcome() != MergePlan.Outcome.NOT_TAKEN;
            String reason = cut(fate.explanation(), 5000);
            if (!amendments.decide(a.getId(), expected, accepted ? AmendmentState.ACCEPTED : AmendmentState.REJECTED, me.id(), reason,
                    accepted ? revision : null)) {
                // Everything above rolls back with this: no revision holds words of an amendment decided meanwhile.
                throw new InvalidInputException(field, "A" + a.getNumber() + " was decided by someone else meanwhile: look again and merge what is still open.");
            }
            audit.record(me.id(), accepted ? AuditAction.AMENDMENT_ACCEPTED : AuditAction.AMENDMENT_REJECTED, "proposal", p.getId(),
                    "amendment " + a.getId() + (accepted ? " merged into revision " + revision : " not taken in revision " + revision));
        }
        if (changed) {
            amendments.rebaseOpen(p.getId(), base, revision, rebase);
            comments.rebaseAnchors(p.getId(), revision, result.text(), p.getLineWidth(), rebase,
                    r -> proposals.revision(p.getId(), r).orElseThrow().body());
        }
        return revision;
    }

    private MergePlan plan(String body, List<NumberedLine> lines, List<AmendmentRecord> chosen) {
        Map<Integer, List<TextEdit>> passages = new TreeMap<>();
        chosen.forEach(a -> passages.put(a.getNumber(), amendments.edits(a.getId())));
        return MergePlan.of(body, lines, passages);
    }

    /** The chosen amendments, each of the proposal, in state {@code expected} and still fitting its current revision. */
    private List<AmendmentRecord> open(ProposalRecord p, Set<Long> amendmentIds, AmendmentState expected) {
        if (amendmentIds == null || amendmentIds.isEmpty()) {
            throw new InvalidInputException("amendments", "Choose at least one amendment to merge.");
        }
        if (amendmentIds.size() > MAX_CHOSEN) {
            throw new InvalidInputException("amendments", "Merge at most " + MAX_CHOSEN + " amendments at once.");
        }
        List<AmendmentRecord> chosen = new ArrayList<>();
        for (long id : amendmentIds) {
            AmendmentRecord a = amendments.find(id).filter(x -> x.getProposalId().longValue() == p.getId().longValue())
                    .orElseThrow(() -> new InvalidInputException("amendments", "There is no such amendment."));
            if (!expected.name().equals(a.getState())) {
                throw new InvalidInputException("amendments", "A" + a.getNumber() + " is not open: it was "
                        + AmendmentState.valueOf(a.getState()).label().toLowerCase() + ".");
            }
            if (a.getOutdated() || a.getRevision().intValue() != p.getCurrentRevision().intValue()) {
                throw new InvalidInputException("amendments", "A" + a.getNumber() + " no longer applies: the lines it changes were changed by another merge.");
            }
            chosen.add(a);
        }
        chosen.sort((x, y) -> Integer.compare(x.getNumber(), y.getNumber()));
        return chosen;
    }

    void requireDecider(long proposalId, SignedInMember me) {
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().canDecideAmendments()) {
            throw new AccessDeniedException(access.state() == ProposalState.DISCUSSION
                    ? "Only the proposal's authors or the group's convenors decide on amendments."
                    : "Amendments are decided while the proposal is in discussion.");
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
