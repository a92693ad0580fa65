package org.commonground.proposal;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.jooq.tables.records.AmendmentPassageRecord;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.commonground.proposal.text.AmendedPreview;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextEdit;
import org.commonground.proposal.text.TextRange;
import org.commonground.proposal.text.TrackedChanges;
import org.commonground.security.CurrentMember;
import org.commonground.shared.InvalidInputException;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "See everything at once": the current text with every pending amendment inline as tracked changes, and the text
 * as it would read with any chosen set of them. Anyone who may read the proposal may see both.
 */
@Service
public class TrackedChangesService {

    private final AmendmentRepository amendments;
    private final ProposalRepository proposals;
    private final ProposalGuard guard;
    private final CurrentMember currentMember;

    TrackedChangesService(AmendmentRepository amendments, ProposalRepository proposals, ProposalGuard guard, CurrentMember currentMember) {
        this.amendments = amendments;
        this.proposals = proposals;
        this.guard = guard;
        this.currentMember = currentMember;
    }

    @Transactional(readOnly = true)
    public TrackedText trackedChanges(long proposalId) {
        Pending pending = pending(guard.readable(proposalId, currentMember.require()).proposal());
        TrackedChanges.Rendered rendered = TrackedChanges.render(pending.body, pending.lines,
                pending.amendments.stream().map(a -> a.proposed).toList());
        return new TrackedText(pending.revision, rendered.html(), pending.amendments.stream().map(a -> a.shown).toList(), rendered.collisions());
    }

    /** The current text with the pending amendments {@code amendmentIds} applied, those colliding with each other left out. */
    @Transactional(readOnly = true)
    public AmendedPreview previewWith(long proposalId, Set<Long> amendmentIds) {
        ProposalRecord p = guard.readable(proposalId, currentMember.require()).proposal();
        Pending pending = pending(p);
        List<TrackedChanges.Proposed> chosen = pending.amendments.stream().filter(a -> amendmentIds.contains(a.shown.id())).map(a -> a.proposed).toList();
        if (chosen.size() != amendmentIds.size()) {
            throw new InvalidInputException("amendments", "Some of the amendments chosen are no longer open on the current text. Choose again from the list.");
        }
        return AmendedPreview.of(pending.body, p.getLineWidth(), chosen);
    }

    /** Still to be decided, so shown in the text: proposed or under a ballot, and still fitting the text. */
    static boolean pending(AmendmentState state, boolean outdated) {
        return (state == AmendmentState.PROPOSED || state == AmendmentState.PUT_TO_VOTE) && !outdated;
    }

    private record Open(PendingAmendment shown, TrackedChanges.Proposed proposed) {
    }

    private record Pending(int revision, String body, List<NumberedLine> lines, List<Open> amendments) {
    }

    /** The current text, numbered, and the amendments still to be decided on it. */
    private Pending pending(ProposalRecord p) {
        int revision = p.getCurrentRevision();
        String body = proposals.revision(p.getId(), revision).orElseThrow().body();
        List<NumberedLine> lines = LineNumbering.number(body, p.getLineWidth());
        Map<Long, List<AmendmentPassageRecord>> passages = amendments.passagesOfProposal(p.getId());
        List<Open> open = new ArrayList<>();
        for (Record r : amendments.ofProposal(p.getId())) {
            AmendmentState state = AmendmentState.valueOf(r.get(AMENDMENT.STATE));
            if (!pending(state, r.get(AMENDMENT.OUTDATED)) || r.get(AMENDMENT.REVISION) != revision) {
                continue;
            }
            List<TextEdit> edits = passages.getOrDefault(r.get(AMENDMENT.ID), List.of()).stream()
                    .map(x -> new TextEdit(new TextRange(x.getRangeStart(), x.getRangeEnd()), x.getReplacement())).toList();
            int number = r.get(AMENDMENT.NUMBER);
            String citation = "A" + number + " to " + Passages.citeLines(edits.stream()
                    .map(e -> LineNumbering.citedLines(lines, e.range())).map(s -> new int[] {Math.max(1, s[0]), Math.max(1, s[1])}).toList());
            open.add(new Open(new PendingAmendment(r.get(AMENDMENT.ID), number, citation, r.get(MEMBER.DISPLAY_NAME), r.get(PARTY.CODE), state),
                    new TrackedChanges.Proposed(number, edits)));
        }
        return new Pending(revision, body, lines, open);
    }
}
