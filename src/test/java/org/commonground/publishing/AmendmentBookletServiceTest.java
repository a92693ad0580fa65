package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AmendmentBookletServiceTest {

    static final String TEXT = """
            We will end sewage discharges into rivers by 2030.

            | Town | Target |
            |---|---|
            | Bath | 2028 |

            Water companies will be run for the public good.

            Fines will go to river restoration.
            """;

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    AmendmentBookletService booklets;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theBookletPrintsTheNumberedTextThenEachAmendmentWithCitationMarkedDiffReasonAndProposerOnDraftPages() throws Exception {
        SignedInMember convenor = testMembers.register("Booklet convenor", "LAB");
        SignedInMember green = testMembers.register("Gwen Green", "GRN");
        SignedInMember libDem = testMembers.register("Libby Dem", "LD");
        SignedInMember outsider = testMembers.register("Booklet outsider", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Booklet " + convenor.id(), GroupKind.LOCAL, null, "Bristol East"));
        for (SignedInMember m : List.of(green, libDem)) {
            TestMembers.signIn(m);
            groups.requestToJoin(group);
            TestMembers.signIn(convenor);
            groups.approve(group, m.id());
        }
        long proposal = proposals.create(group, new ProposalDraft("Clean rivers", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(green);
        amendments.proposeByEdit(proposal, 1, TEXT.replace("by 2030", "by 2028").replace("Fines will go", "Every fine will go"),
                "Sooner, and every penny");
        TestMembers.signIn(libDem);
        amendments.propose(proposal, 1, 4, 4, "Water companies will be brought into public ownership.", "Ownership, not promises");

        PublishingService.Pdf pdf = booklets.pdf(proposal);

        assertThat(pdf.fileName()).isEqualTo("clean-rivers-amendments-draft.pdf");
        PdfReader reader = new PdfReader(pdf.bytes());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            String text = extractor.getTextFromPage(page);
            assertThat(text).as("page %d is marked as a draft", page).contains("DRAFT – not agreed");
            all.append(text).append('\n');
        }
        String text = all.toString().replaceAll("\\s+", " ");
        assertThat(reader.getNumberOfPages()).as("the amendments start on a page of their own").isGreaterThan(1);
        assertThat(text).contains(
                // The text, with the table's rows numbered as on screen: line 2 is the header row, line 3 Bath's.
                "1 We will end sewage discharges into rivers by 2030.", "2 Town Target", "3 Bath 2028",
                "A1 to lines 1 and 5", "Proposed by Gwen Green (GRN) · Proposed", "Sooner, and every penny",
                "[− 2030. −]", "[+ 2028. +]", "[− Fines −]", "[+ Every fine +]",
                "A2 to line 4", "Proposed by Libby Dem (LD) · Proposed", "Ownership, not promises",
                "[− run for the −]", "[+ brought into +]", "[− good. −]", "[+ ownership. +]");
        // The PDF's text comes out of the extractor by style run; the template itself keeps each change in its sentence.
        String xhtml = DocumentXhtml.render(booklets.booklet(proposal), "ab".repeat(32), null);
        assertThat(xhtml).contains("<span class=\"passage-lines\">Line 4:</span> Water companies will be <del>[− run for the −]</del> "
                + "<ins>[+ brought into +]</ins> public <del>[− good. −]</del> <ins>[+ ownership. +]</ins>",
                "<span class=\"passage-lines\">Line 5:</span> <del>[− Fines −]</del> <ins>[+ Every fine +]</ins> will go to river restoration.");

        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> booklets.pdf(proposal)).isInstanceOf(RuntimeException.class);
    }
}
