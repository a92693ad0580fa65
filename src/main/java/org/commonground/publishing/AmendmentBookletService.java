package org.commonground.publishing;

import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.AmendmentState;
import org.commonground.proposal.ProposalService;
import org.commonground.publishing.document.DocumentContent;
import org.springframework.stereotype.Service;

/**
 * The amendment booklet that meetings print: the proposal's current text with its line numbers, then every amendment
 * with its line citation, the word diff of each passage, its reason and its proposer with party, through the one
 * publishing template, marked "DRAFT – not agreed" on every page. Whoever may read the proposal may have it: the
 * proposal and amendment services check that.
 */
@Service
public class AmendmentBookletService {

    static final String KIND = "Amendment booklet";

    private final PublishingService publishing;
    private final ProposalService proposals;
    private final AmendmentService amendments;

    AmendmentBookletService(PublishingService publishing, ProposalService proposals, AmendmentService amendments) {
        this.publishing = publishing;
        this.proposals = proposals;
        this.amendments = amendments;
    }

    DocumentContent booklet(long proposalId) {
        DocumentContent text = publishing.proposalDraft(proposalId);
        int current = proposals.details(proposalId).current().number();
        return text.withAmendments(KIND, amendments.list(proposalId).stream().map(a -> entry(a, current)).toList());
    }

    public PublishingService.Pdf pdf(long proposalId) {
        PublishingService.Pdf pdf = publishing.draftPdf(booklet(proposalId), "proposal");
        return new PublishingService.Pdf(pdf.fileName().replaceFirst("-draft\\.pdf$", "-amendments-draft.pdf"), pdf.bytes(), pdf.fingerprint());
    }

    static DocumentContent.AmendmentEntry entry(Amendment a, int currentRevision) {
        String proposer = a.proposerName() + (a.proposerParty() == null || a.proposerParty().isBlank() ? "" : " (" + a.proposerParty() + ")");
        return new DocumentContent.AmendmentEntry(a.citation(), proposer, status(a, currentRevision), a.reason(),
                a.passages().stream().map(p -> new DocumentContent.PassageDiff(p.lines(), p.diff())).toList());
    }

    /** Its state, and what a reader needs to weigh it: where it was merged, why it was rejected or lapsed, which text its lines cite. */
    private static String status(Amendment a, int currentRevision) {
        StringBuilder status = new StringBuilder(a.state().label());
        if (a.state() == AmendmentState.ACCEPTED && a.mergedRevision() != null) {
            status.append(": merged into revision ").append(a.mergedRevision());
        } else if ((a.state() == AmendmentState.REJECTED || a.state() == AmendmentState.LAPSED) && a.decisionReason() != null && !a.decisionReason().isBlank()) {
            status.append(": ").append(a.decisionReason());
        }
        if (a.outdated()) {
            status.append(" · outdated: its passage has changed since");
        }
        if (a.revision() != currentRevision) {
            status.append(" · its lines are those of revision ").append(a.revision());
        }
        return status.toString();
    }
}
