package org.commonground.publishing;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.commonground.group.GroupService;
import org.commonground.proposal.Author;
import org.commonground.proposal.ProposalDetails;
import org.commonground.proposal.ProposalService;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;
import org.springframework.stereotype.Service;

/**
 * PDFs of documents. For now: the draft PDF of any proposal the caller may read, at any stage, watermarked
 * "DRAFT – not agreed" (publishing agreed texts comes with the rest of issue 6). Reading goes through the proposal
 * service, which checks the caller's rights; rendering happens after, outside any transaction.
 */
@Service
public class PublishingService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final ProposalService proposals;
    private final GroupService groups;
    private final PdfRenderer renderer = new PdfRenderer();

    PublishingService(ProposalService proposals, GroupService groups) {
        this.proposals = proposals;
        this.groups = groups;
    }

    /** A rendered PDF with a file name to save it under and its fingerprint. */
    public record Pdf(String fileName, byte[] bytes, String fingerprint) {
    }

    public DocumentContent proposalDraft(long proposalId) {
        ProposalDetails d = proposals.details(proposalId);
        int width = groups.details(d.proposal().groupId()).lineWidth();
        return new DocumentContent("Proposal", d.proposal().title(), d.groupName(), d.authors().stream().map(Author::displayName).toList(),
                d.proposal().state().label() + " since " + DATE.format(d.proposal().stateChangedAt()) + " · revision " + d.current().number(),
                width, d.current().body(), List.of(), "", true);
    }

    public Pdf proposalDraftPdf(long proposalId) {
        DocumentContent content = proposalDraft(proposalId);
        String fingerprint = Fingerprint.of(content);
        byte[] pdf = renderer.render(DocumentXhtml.render(content, fingerprint, null), "en").pdf();
        String name = content.title().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Pdf((name.isEmpty() ? "proposal" : name) + "-draft.pdf", pdf, fingerprint);
    }
}
