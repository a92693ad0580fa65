package org.commonground.proposal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.jooq.tables.records.AmendmentPassageRecord;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextEdit;
import org.commonground.proposal.text.TextRange;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.commonground.shared.Numbers;
import org.jooq.Record;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

/**
 * Amendments: group members propose replacements for lines of the current revision during discussion; authors, or
 * the convenor, accept one (it is merged into a new revision and the other open amendments follow the text) or
 * reject it with a reason; proposers withdraw their own.
 */
@Service
public class AmendmentService {

    public static final int MAX_REPLACEMENT = 50_000;
    /** Enough for any real amendment; each passage is compared with every other amendment's when merging. */
    public static final int MAX_PASSAGES = 200;

    private final AmendmentRepository amendments;
    private final ProposalRepository proposals;
    private final ProposalGuard guard;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final AmendmentMerging merging;

    AmendmentService(AmendmentRepository amendments, ProposalRepository proposals, ProposalGuard guard,
                     CurrentMember currentMember, AuditLog audit, AmendmentMerging merging) {
        this.amendments = amendments;
        this.proposals = proposals;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
        this.merging = merging;
    }

    /** Every amendment of a proposal, cited by the lines it covers, with open ones that overlap marked as conflicting. */
    @Transactional(readOnly = true)
    public List<Amendment> list(long proposalId) {
        guard.readable(proposalId, currentMember.require());
        return load(proposalId);
    }

    /**
     * Proposes replacing lines {@code fromLine}–{@code toLine} of revision {@code revision} (the one the member was
     * reading: if the text has changed since, the line numbers may mean something else, so it is refused). The
     * accessible fallback to {@link #proposeByEdit}: the same amendment, typed as numbers and a replacement. An empty
     * replacement is refused: deleting lines is asked for only by {@link #proposeDeletion}, so that no slip of the
     * form deletes them unasked.
     */
    @Transactional
    public Amendment propose(long proposalId, int revision, int fromLine, int toLine, String replacement, String reason) {
        return proposeLines(proposalId, revision, fromLine, toLine, replacement == null ? "" : replacement.strip(), false, reason);
    }

    /** Proposes deleting lines {@code fromLine}–{@code toLine} of revision {@code revision}, as the member confirmed. */
    @Transactional
    public Amendment proposeDeletion(long proposalId, int revision, int fromLine, int toLine, String reason) {
        return proposeLines(proposalId, revision, fromLine, toLine, "", true, reason);
    }

    private Amendment proposeLines(long proposalId, int revision, int fromLine, int toLine, String newText, boolean deletion, String reason) {
        SignedInMember me = currentMember.requireVerified();
        requireAmender(proposalId, me);
        if (newText.length() > MAX_REPLACEMENT) {
            throw new InvalidInputException("replacement", "A replacement can be at most " + Numbers.grouped(MAX_REPLACEMENT) + " characters.");
        }
        ProposalRecord p = lockAt(proposalId, revision, "fromLine");
        String body = proposals.revision(proposalId, revision).orElseThrow().body();
        List<NumberedLine> lines = LineNumbering.number(body, p.getLineWidth());
        List<FieldProblem> problems = new ArrayList<>(lineProblems(fromLine, toLine, lines.size()));
        TextRange range = problems.isEmpty() ? LineNumbering.range(lines, fromLine, toLine) : null;
        String cited = Passages.citeLines(List.of(new int[] {fromLine, toLine}));
        if (range != null && newText.isEmpty() && !deletion) {
            problems.add(new FieldProblem("replacement", "The replacement is empty. Write the new wording of " + cited
                    + ", or confirm that you mean to delete " + (fromLine == toLine ? "it." : "them.")));
        } else if (range != null && newText.equals(body.substring(range.start(), range.end()).strip())) {
            problems.add(new FieldProblem("replacement", "The replacement is the same as the current wording of " + cited
                    + ". Change it, or leave it empty to delete the lines."));
        }
        problems.addAll(reasonProblems(reason));
        InvalidInputException.throwIfAny(problems);
        return insert(me, p, passagesOf(proposalId, revision, new TextEdit(range, newText).apply(body), "replacement"), reason, Set.of(), "replacement");
    }

    /**
     * What is wrong with lines {@code fromLine}–{@code toLine} of a text of {@code count} lines, each at the field
     * where it was typed. A range that runs backwards is refused, not turned round: either number may be the slip, and
     * guessing could amend lines the member never meant.
     */
    static List<FieldProblem> lineProblems(int fromLine, int toLine, int count) {
        if (count == 0) {
            return List.of(new FieldProblem("fromLine", "The text has no lines to amend."));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (fromLine < 1 || fromLine > count) {
            problems.add(new FieldProblem("fromLine", "Choose lines between 1 and " + count + "."));
        }
        if (toLine < 1 || toLine > count) {
            problems.add(new FieldProblem("toLine", "Choose lines between 1 and " + count + "."));
        } else if (problems.isEmpty() && toLine < fromLine) {
            problems.add(new FieldProblem("toLine", "Line " + toLine + " comes before line " + fromLine
                    + ". A passage runs forwards: make this line " + fromLine + " or later."));
        }
        return problems;
    }

    /**
     * Proposes, as one amendment, every change between revision {@code revision} and {@code amendedText}, the
     * member's edit of it: each run of changed lines becomes a passage ("A3 to lines 12–14 and 20").
     */
    @Transactional
    public Amendment proposeByEdit(long proposalId, int revision, String amendedText, String reason) {
        SignedInMember me = currentMember.requireVerified();
        requireAmender(proposalId, me);
        Passaged edit = passagesOf(proposalId, revision, amendedText, "text");
        return insert(me, lockAt(proposalId, revision, "text"), edit, reason, Set.of(), "text");
    }

    /** An edit of a revision as passages, with that revision's text and numbering. */
    record Passaged(String body, List<NumberedLine> lines, List<TextEdit> passages) {
    }

    /**
     * The passages {@code amendedText} makes of revision {@code revision}. Found before the proposal is locked, as
     * revisions never change, so that a long diff holds up no one else's writes; refused if there are none, too
     * many, or too much added.
     */
    Passaged passagesOf(long proposalId, int revision, String amendedText, String field) {
        checkEdit(amendedText, field);
        int width = proposals.find(proposalId).orElseThrow().getLineWidth();
        String body = proposals.revision(proposalId, revision)
                .orElseThrow(() -> new InvalidInputException(field, "There is no revision " + revision + " of this proposal.")).body();
        List<TextEdit> passages = Passages.between(body, amendedText, width);
        if (passages.isEmpty()) {
            throw new InvalidInputException(field, "Nothing has changed: edit the words you want to amend.");
        }
        if (passages.size() > MAX_PASSAGES) {
            throw new InvalidInputException(field, "An amendment can change at most " + MAX_PASSAGES + " separate passages (this edit changes "
                    + passages.size() + "): propose the rest as another amendment.");
        }
        if (passages.stream().mapToInt(e -> e.replacement().length()).sum() > MAX_REPLACEMENT) {
            throw new InvalidInputException(field, "An amendment can add at most " + Numbers.grouped(MAX_REPLACEMENT) + " characters.");
        }
        return new Passaged(body, LineNumbering.number(body, width), passages);
    }

    /**
     * The passages that {@code amendedText} would propose, cited by line, for the member to confirm before giving
     * a reason; nothing is written.
     */
    @Transactional(readOnly = true)
    public List<AmendmentPassage> previewEdit(long proposalId, int revision, String amendedText) {
        SignedInMember me = currentMember.require();
        guard.readable(proposalId, me);
        ProposalRecord p = proposals.find(proposalId).orElseThrow();
        String body = proposals.revision(proposalId, revision)
                .orElseThrow(() -> new InvalidInputException("text", "There is no revision " + revision + " of this proposal.")).body();
        List<NumberedLine> lines = LineNumbering.number(body, p.getLineWidth());
        checkEdit(amendedText, "text");
        return shown(body, lines, Passages.between(body, amendedText, p.getLineWidth()));
    }

    private void requireAmender(long proposalId, SignedInMember me) {
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().canAmend()) {
            throw new AccessDeniedException(access.state() == ProposalState.DISCUSSION
                    ? "Only members of the group can propose amendments."
                    : "Amendments can be proposed only while the proposal is in discussion (it is " + access.state().label().toLowerCase() + ").");
        }
    }

    /** The proposal locked, if its text is still revision {@code revision}, the one the member was reading. */
    ProposalRecord lockAt(long proposalId, int revision, String field) {
        ProposalRecord p = proposals.lock(proposalId).orElseThrow();
        // Checked again under the lock: a proposal moved to voting after the first check must not gain an amendment
        // that no ballot will ever take up.
        if (!ProposalState.DISCUSSION.name().equals(p.getState())) {
            throw new AccessDeniedException("Amendments can be proposed only while the proposal is in discussion (it is "
                    + ProposalState.valueOf(p.getState()).label().toLowerCase() + ").");
        }
        if (p.getCurrentRevision() != revision) {
            throw new InvalidInputException(field, "The text changed while you were writing (it is now revision "
                    + p.getCurrentRevision() + "). Check your changes against the current text and try again; your wording is kept.");
        }
        return p;
    }

    private static void checkEdit(String amendedText, String field) {
        if (amendedText == null) {
            throw new InvalidInputException(field, "Change the text to propose an amendment.");
        }
        if (amendedText.length() > ProposalService.MAX_BODY) {
            throw new InvalidInputException(field, "The amended text can be at most " + Numbers.grouped(ProposalService.MAX_BODY) + " characters.");
        }
    }

    /**
     * Inserts the amendment {@code edit}; one that {@code replaces} amendments is a compromise, and their proposers
     * are asked. The caller has checked the rights and holds the proposal's lock at the edit's revision.
     */
    Amendment insert(SignedInMember me, ProposalRecord p, Passaged edit, String reason, Set<Long> replaces, String field) {
        InvalidInputException.throwIfAny(reasonProblems(reason));
        String body = edit.body();
        List<NumberedLine> lines = edit.lines();
        List<TextEdit> passages = edit.passages();
        // Search finds an amendment by its lines as amended, not only by the words it adds.
        String searchText = String.join("\n\n", shown(body, lines, passages).stream().map(x -> x.before() + x.replacement() + x.after()).toList());
        long id = amendments.insert(p.getId(), me.id(), p.getCurrentRevision(), body, passages,
                searchText.substring(0, Math.min(searchText.length(), MAX_REPLACEMENT)), reason.strip(), replaces);
        Amendment created = load(p.getId()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        audit.record(me.id(), !replaces.isEmpty() ? AuditAction.COMPROMISE_PROPOSED : AuditAction.AMENDMENT_PROPOSED, "proposal", p.getId(),
                "amendment " + id + " to " + created.citation().substring(created.citation().indexOf(" to ") + 4));
        return created;
    }

    /** Every way of proposing asks for a reason, at the field where it is typed. */
    private static List<FieldProblem> reasonProblems(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldProblem("reason", "Say why: the reason is shown with the amendment and read before the vote."));
        }
        return reason.length() > 5000 ? List.of(new FieldProblem("reason", "The reason can be at most 5,000 characters.")) : List.of();
    }

    @Transactional
    public boolean withdraw(long amendmentId) {
        SignedInMember me = currentMember.require();
        AmendmentRecord a = amendment(amendmentId, me);
        if (a.getProposerId() != me.id()) {
            throw new AccessDeniedException("Only the member who proposed an amendment can withdraw it.");
        }
        // Locked as merges lock it, so a withdrawal cannot land between a merge's look at the amendment and its decision.
        proposals.lock(a.getProposalId()).orElseThrow();
        boolean changed = amendments.decide(amendmentId, AmendmentState.PROPOSED, AmendmentState.WITHDRAWN, me.id(), "", null);
        if (changed) {
            audit.record(me.id(), AuditAction.AMENDMENT_WITHDRAWN, "proposal", a.getProposalId(), "amendment " + amendmentId);
        }
        return changed;
    }

    /** Rejects an amendment with a reason that stays visible beside it. */
    @Transactional
    public boolean reject(long amendmentId, String reason) {
        SignedInMember me = currentMember.require();
        AmendmentRecord a = amendment(amendmentId, me);
        requireDecider(a.getProposalId(), me);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("decisionReason", "Say why the amendment is rejected; the reason stays visible beside it.");
        }
        if (reason.length() > 5000) {
            throw new InvalidInputException("decisionReason", "The reason can be at most 5,000 characters.");
        }
        proposals.lock(a.getProposalId()).orElseThrow();
        boolean changed = amendments.decide(amendmentId, AmendmentState.PROPOSED, AmendmentState.REJECTED, me.id(), reason.strip(), null);
        if (changed) {
            audit.record(me.id(), AuditAction.AMENDMENT_REJECTED, "proposal", a.getProposalId(), "amendment " + amendmentId);
        }
        return changed;
    }

    /**
     * Merges an amendment into a new revision. Other open amendments move onto the new text; those whose words the
     * merge replaced are flagged for their proposers.
     *
     * @return the new revision's number
     */
    @Transactional
    public int accept(long amendmentId) {
        return merge(amendmentId, AmendmentState.PROPOSED);
    }

    /**
     * Merges an amendment that a ballot has just passed; only a convenor closing that ballot gets here. Called any
     * other way (by an author, or while the ballot is still open) it is refused: the ballot decides, not the caller.
     */
    @Transactional
    public int mergeAfterBallot(long amendmentId) {
        SignedInMember me = currentMember.require();
        AmendmentRecord a = amendment(amendmentId, me);
        if (!guard.readable(a.getProposalId(), me).rules().convenor()) {
            throw new AccessDeniedException("Only a convenor closing its ballot merges an amendment put to the vote.");
        }
        if (!amendments.passedByBallot(amendmentId)) {
            throw new InvalidInputException("amendment", "A" + a.getNumber() + " is merged only when its ballot closes and passes it.");
        }
        return merge(amendmentId, AmendmentState.PUT_TO_VOTE);
    }

    private int merge(long amendmentId, AmendmentState expected) {
        SignedInMember me = currentMember.require();
        AmendmentRecord a = amendment(amendmentId, me);
        requireDecider(a.getProposalId(), me);
        ProposalRecord p = proposals.lock(a.getProposalId()).orElseThrow();
        a = amendments.find(amendmentId).orElseThrow();
        if (!expected.name().equals(a.getState())) {
            throw new InvalidInputException("amendment", "A" + a.getNumber() + " was already " + AmendmentState.valueOf(a.getState()).label().toLowerCase() + ".");
        }
        if (a.getOutdated() || a.getRevision().intValue() != p.getCurrentRevision().intValue()) {
            throw new InvalidInputException("amendment", "A" + a.getNumber() + " no longer applies: the lines it changes were changed by another merge.");
        }
        // One amendment alone collides with nothing: the other open ones that overlap it are flagged for their proposers.
        return merging.commit(me, p, List.of(a), expected, Map.of(), "amendment");
    }

    /** The amendment, if the caller may read its proposal; one they may not is reported exactly like one that does not exist. */
    private AmendmentRecord amendment(long amendmentId, SignedInMember me) {
        AmendmentRecord a = amendments.find(amendmentId).orElseThrow(AmendmentService::noSuchAmendment);
        try {
            guard.readable(a.getProposalId(), me);
        } catch (InvalidInputException notReadable) {
            throw noSuchAmendment();
        }
        return a;
    }

    private static InvalidInputException noSuchAmendment() {
        return new InvalidInputException("amendment", "There is no such amendment.");
    }

    private void requireDecider(long proposalId, SignedInMember me) {
        merging.requireDecider(proposalId, me);
    }

    List<Amendment> load(long proposalId) {
        ProposalRecord p = proposals.find(proposalId).orElseThrow();
        int width = p.getLineWidth();
        Map<Integer, String> bodies = new HashMap<>();
        Map<Integer, List<NumberedLine>> numbering = new HashMap<>();
        Map<Long, List<AmendmentPassageRecord>> passages = amendments.passagesOfProposal(proposalId);
        Map<Long, List<Integer>> replaces = amendments.replacedByCompromises(proposalId);
        List<Record> rows = amendments.ofProposal(proposalId);
        List<Amendment> result = new ArrayList<>(rows.size());
        for (Record r : rows) {
            int revision = r.get(AMENDMENT.REVISION);
            String body = bodies.computeIfAbsent(revision, n -> proposals.revision(proposalId, n).orElseThrow().body());
            List<NumberedLine> lines = numbering.computeIfAbsent(revision, n -> LineNumbering.number(body, width));
            List<TextEdit> edits = passages.getOrDefault(r.get(AMENDMENT.ID), List.of()).stream()
                    .map(x -> new TextEdit(new TextRange(x.getRangeStart(), x.getRangeEnd()), x.getReplacement())).toList();
            boolean outdated = r.get(AMENDMENT.OUTDATED);
            // An outdated amendment's ranges may no longer fit its revision's text: it is shown with the words it
            // proposed to change, as stored.
            List<AmendmentPassage> shown = outdated ? stored(passages.getOrDefault(r.get(AMENDMENT.ID), List.of()), body, lines)
                    : shown(body, lines, edits);
            result.add(new Amendment(r.get(AMENDMENT.ID), r.get(AMENDMENT.NUMBER), r.get(AMENDMENT.PROPOSER_ID),
                    r.get(MEMBER.DISPLAY_NAME), r.get(PARTY.CODE), r.get(PARTY.COLOUR), revision, shown, r.get(AMENDMENT.REASON),
                    AmendmentState.valueOf(r.get(AMENDMENT.STATE)), outdated,
                    r.get(AmendmentRepository.DECIDER_NAME), r.get(AMENDMENT.DECISION_REASON),
                    r.get(AMENDMENT.MERGED_REVISION), r.get(AMENDMENT.CREATED_AT), r.get(AMENDMENT.COMPROMISE),
                    replaces.getOrDefault(r.get(AMENDMENT.ID), List.of()), new ArrayList<>(), r.get(AMENDMENT.VOTE_POSITION)));
        }
        for (Amendment a : result) {
            for (Amendment b : result) {
                if (a != b && a.isOpen() && b.isOpen() && a.revision() == b.revision() && Passages.collide(a.ranges(), b.ranges())) {
                    a.conflictsWith().add(b.number());
                }
            }
        }
        return result;
    }

    /** Passages as shown: each cited by the lines of {@code body} it covers, with the rest of those lines around it. */
    static List<AmendmentPassage> shown(String body, List<NumberedLine> lines, List<TextEdit> edits) {
        List<AmendmentPassage> shown = new ArrayList<>(edits.size());
        int position = 1;
        for (TextEdit e : edits) {
            int[] span = LineNumbering.citedLines(lines, e.range());
            int from = Math.max(span[0], 1);
            int to = Math.max(span[1], 1);
            TextRange whole = lines.isEmpty() ? e.range() : LineNumbering.range(lines, from, to);
            int start = Math.min(whole.start(), e.range().start());
            int end = Math.max(whole.end(), e.range().end());
            shown.add(new AmendmentPassage(position++, e.range(), body.substring(e.range().start(), e.range().end()), e.replacement(),
                    from, to, body.substring(start, e.range().start()), body.substring(e.range().end(), end)));
        }
        return shown;
    }

    private static List<AmendmentPassage> stored(List<AmendmentPassageRecord> passages, String body, List<NumberedLine> lines) {
        List<AmendmentPassage> shown = new ArrayList<>(passages.size());
        for (AmendmentPassageRecord x : passages) {
            TextRange range = new TextRange(x.getRangeStart(), x.getRangeEnd());
            int[] span = range.end() <= body.length() ? LineNumbering.citedLines(lines, range) : new int[] {0, 0};
            shown.add(new AmendmentPassage(x.getPosition(), range, x.getOriginal(), x.getReplacement(),
                    Math.max(span[0], 1), Math.max(span[1], 1), "", ""));
        }
        return shown;
    }
}
