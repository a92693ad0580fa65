package org.commonground.publishing;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.commonground.group.GroupService;
import org.commonground.pact.PactDetails;
import org.commonground.pact.PactService;
import org.commonground.pact.Ratification;
import org.commonground.pact.RatificationMethod;
import org.commonground.proposal.Author;
import org.commonground.proposal.ProposalDetails;
import org.commonground.proposal.ProposalService;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;
import org.springframework.stereotype.Service;

/**
 * PDFs of documents. For now: the draft PDF of any proposal or pact the caller may read, at any stage, watermarked
 * "DRAFT – not agreed" (publishing agreed texts comes with the rest of issue 6). Reading goes through the proposal
 * and pact services, which check the caller's rights; rendering happens after, outside any transaction.
 */
@Service
public class PublishingService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final ProposalService proposals;
    private final PactService pacts;
    private final GroupService groups;
    private final PdfRenderer renderer = new PdfRenderer();

    PublishingService(ProposalService proposals, PactService pacts, GroupService groups) {
        this.proposals = proposals;
        this.pacts = pacts;
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

    /** A pact as it stands: its terms and conditions, and each party's ratification so far. */
    public DocumentContent pactDraft(long pactId) {
        PactDetails d = pacts.details(pactId);
        StringBuilder body = new StringBuilder(d.terms().asMarkdown());
        if (!d.ratifications().isEmpty()) {
            body.append("\n## Ratification\n\n");
            for (Ratification r : d.ratifications()) {
                body.append("- ").append(r.party()).append(": ").append(r.pending() ? "waiting" : r.verdict().toLowerCase())
                        .append(r.method() == RatificationMethod.BALLOT ? " (ballot of its members)" : " (representative: " + r.representativeName() + ")")
                        .append(r.pending() ? "" : ", " + DATE.format(r.decidedAt())).append('\n');
            }
        }
        return new DocumentContent("Pact", d.summary().title(), d.summary().groupName(), List.of(),
                d.state().label() + " · revision " + d.summary().currentRevision(), 80, body.toString(), List.of(), "", true);
    }

    public Pdf pactDraftPdf(long pactId) {
        return pdf(pactDraft(pactId), "pact");
    }

    public Pdf proposalDraftPdf(long proposalId) {
        return pdf(proposalDraft(proposalId), "proposal");
    }

    private Pdf pdf(DocumentContent content, String fallbackName) {
        String fingerprint = Fingerprint.of(content);
        byte[] pdf = renderer.render(DocumentXhtml.render(content, fingerprint, null), "en").pdf();
        String name = content.title().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Pdf((name.isEmpty() ? fallbackName : name) + "-draft.pdf", pdf, fingerprint);
    }
}
