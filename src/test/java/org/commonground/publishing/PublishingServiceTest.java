package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.publishing.document.Fingerprint;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PublishingServiceTest {

    @Autowired
    PublishingService publishing;
    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    org.commonground.pact.PactService pacts;
    @Autowired
    TestMembers testMembers;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aProposalsDraftPdfIsForWhoeverMayReadItAndSaysItIsNotAgreed() throws Exception {
        SignedInMember author = testMembers.register("Pdf author", "GRN");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("Pdf group " + author.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember member = testMembers.joined(groups, group, author, "Pdf reader", "LD");
        TestMembers.signIn(author);
        long proposal = proposals.create(group, new ProposalDraft("Afonydd glân", "", "# Rivers\n\nNo sewage in the Taf or the Tawe; ŵ ŷ.\n", ""));

        PublishingService.Pdf pdf = publishing.proposalDraftPdf(proposal);
        String text = PdfRendererTest.text(pdf.bytes());
        assertThat(text).contains("Afonydd glân", "DRAFT – not agreed", "Tawe; ŵ ŷ", pdf.fingerprint());
        assertThat(pdf.fingerprint()).isEqualTo(Fingerprint.of(publishing.proposalDraft(proposal)));
        assertThat(pdf.fileName()).isEqualTo("afonydd-glan-draft.pdf");

        // A draft is its authors' alone; once in discussion the group reads it, and so gets its PDF.
        TestMembers.signIn(member);
        assertThatThrownBy(() -> publishing.proposalDraftPdf(proposal)).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(author);
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(member);
        assertThat(PdfRendererTest.text(publishing.proposalDraftPdf(proposal).bytes())).contains("In discussion since");
    }

    @Test
    void aPactsDraftPdfShowsItsTermsToTheGroupAndNobodyElse() throws Exception {
        SignedInMember convenor = testMembers.register("Pact pdf convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Pact pdf town " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        testMembers.joined(groups, group, convenor, "Pact pdf green", "GRN");
        long pact = pacts.start(group, "Aldershot understanding", java.util.List.of("E14001063"), null);

        PublishingService.Pdf pdf = publishing.pactDraftPdf(pact);
        assertThat(PdfRendererTest.text(pdf.bytes())).contains("Aldershot understanding", "Aldershot", "E14001063", "Alliance candidate",
                "DRAFT – not agreed", "Draft · revision 1");
        assertThat(pdf.fileName()).isEqualTo("aldershot-understanding-draft.pdf");

        TestMembers.signIn(testMembers.register("Pact pdf outsider", "LAB"));
        assertThatThrownBy(() -> publishing.pactDraftPdf(pact)).isInstanceOf(InvalidInputException.class);
    }
}
