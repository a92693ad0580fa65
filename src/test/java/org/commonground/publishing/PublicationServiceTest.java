package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.PROPOSAL;
import static org.commonground.jooq.Tables.PROPOSAL_REVISION;
import static org.commonground.jooq.Tables.PUBLICATION;

import java.util.List;

import org.commonground.pact.PactService;
import org.commonground.pact.PactState;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.jooq.exception.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class PublicationServiceTest {

    private static final String BODY = "# Safe streets\n\nTwenty miles an hour on every residential street in Caerdydd, ŵ ŷ.\n\nA crossing at every school gate.\n";

    @Autowired
    CorrectionService corrections;
    @Autowired
    PublishingService publishing;
    @Autowired
    ProposalService proposals;
    @Autowired
    PactService pacts;
    @Autowired
    Agreements agreements;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aPublishedProposalHoldsTheTextItsBallotAgreedEvenIfARevisionFollowedIt() {
        Agreements.Agreed agreed = agreements.agreedProposal("Voted text", BODY);
        // What an edit racing the move to voting once left behind: a revision newer than the one voted on.
        db.insertInto(PROPOSAL_REVISION).set(PROPOSAL_REVISION.PROPOSAL_ID, agreed.proposal()).set(PROPOSAL_REVISION.NUMBER, 2)
                .set(PROPOSAL_REVISION.TITLE, "Slipped in").set(PROPOSAL_REVISION.SUMMARY, "").set(PROPOSAL_REVISION.BODY, "Never voted on.")
                .set(PROPOSAL_REVISION.NOTE, "").set(PROPOSAL_REVISION.AUTHOR_ID, agreed.convenor().id()).execute();
        db.update(PROPOSAL).set(PROPOSAL.CURRENT_REVISION, 2).where(PROPOSAL.ID.eq(agreed.proposal())).execute();
        TestMembers.signIn(agreed.convenor());

        DocumentContent content = publishing.content(publishing.publishProposal(agreed.proposal()));

        assertThat(content.body()).isEqualTo(BODY);
        assertThat(content.title()).isEqualTo("Voted text");
    }

    @Test
    void aConvenorPublishesAnAgreedProposalOnceWithTheResultPerPartyAndItsFingerprint() throws Exception {
        Agreements.Agreed agreed = agreements.agreedProposal("Safe streets: 20 mph", BODY);

        // Only a convenor of the group publishes; a refused attempt changes nothing.
        TestMembers.signIn(agreed.member());
        assertThatThrownBy(() -> publishing.publishProposal(agreed.proposal())).isInstanceOf(AccessDeniedException.class);
        Agreements.Agreed elsewhere = agreements.agreedProposal("Another group's text", "Text.");
        TestMembers.signIn(elsewhere.convenor());
        assertThatThrownBy(() -> publishing.publishProposal(agreed.proposal())).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(agreed.member());
        assertThat(proposals.details(agreed.proposal()).proposal().state()).isEqualTo(ProposalState.AGREED);
        assertThat(publishing.versionsOfProposal(agreed.proposal())).isEmpty();

        TestMembers.signIn(agreed.convenor());
        Publication published = publishing.publishProposal(agreed.proposal());
        assertThat(published.slug()).startsWith("safe-streets-20-mph");
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.current()).isTrue();
        assertThat(proposals.details(agreed.proposal()).proposal().state()).isEqualTo(ProposalState.PUBLISHED);
        assertThatThrownBy(() -> publishing.publishProposal(agreed.proposal())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already published");

        DocumentContent content = publishing.content(published);
        assertThat(content.draft()).isFalse();
        assertThat(content.body()).isEqualTo(BODY);
        assertThat(content.authors()).containsExactly("Publishing convenor");
        assertThat(content.dates()).startsWith("Agreed ").contains(" · Published ");
        assertThat(content.results()).extracting(DocumentContent.ResultRow::party, DocumentContent.ResultRow::forVotes, DocumentContent.ResultRow::verdict)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("GRN", 1, "consents"), org.assertj.core.groups.Tuple.tuple("LD", 1, "consents"));
        assertThat(content.decision()).contains("Passed: every participating party consents.");
        assertThat(published.fingerprint()).isEqualTo(Fingerprint.of(content));

        byte[] pdf = publishing.pdf(published);
        assertThat(published.pdfSha256()).isEqualTo(Fingerprint.sha256(pdf));
        assertThat(PdfRendererTest.text(pdf)).contains("Safe streets: 20 mph", "Caerdydd, ŵ ŷ", "Result", "consents", published.fingerprint(),
                publishing.verifyAddress()).doesNotContain("DRAFT");
        assertThat(PdfFingerprint.scan(new java.io.ByteArrayInputStream(pdf)).fingerprint()).contains(published.fingerprint());

        // Published means frozen: the database itself refuses changes.
        assertThatThrownBy(() -> db.update(PUBLICATION).set(PUBLICATION.TITLE, "Changed").where(PUBLICATION.ID.eq(published.id())).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed or deleted");
        assertThatThrownBy(() -> db.deleteFrom(PUBLICATION).where(PUBLICATION.ID.eq(published.id())).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed or deleted");
    }

    @Test
    void anyoneCanVerifyAFingerprintOrAFileAndAChangedCopyIsCaught() throws Exception {
        Agreements.Agreed agreed = agreements.agreedProposal("Verifiable text", BODY);
        Publication published = publishing.publishProposal(agreed.proposal());
        byte[] pdf = publishing.pdf(published);
        TestMembers.signOut();

        assertThat(publishing.verifyFingerprint(published.fingerprint()).verdict()).isEqualTo(PublishingService.Verdict.MATCH);
        // As people copy it from paper: upper case, in groups.
        String spaced = published.fingerprint().toUpperCase().replaceAll("(.{8})", "$1 ");
        assertThat(publishing.verifyFingerprint(spaced).publication().slug()).isEqualTo(published.slug());
        assertThat(publishing.verifyFingerprint(published.pdfSha256()).verdict()).isEqualTo(PublishingService.Verdict.MATCH);
        assertThat(publishing.verifyFingerprint("0".repeat(64)).verdict()).isEqualTo(PublishingService.Verdict.UNKNOWN);
        assertThat(publishing.verifyFingerprint("not a fingerprint").verdict()).isEqualTo(PublishingService.Verdict.INVALID);

        assertThat(publishing.verifyPdf(new java.io.ByteArrayInputStream(pdf)).verdict()).isEqualTo(PublishingService.Verdict.MATCH);
        // A forged PDF claiming the published fingerprint over a different text.
        DocumentContent forged = publishing.content(published).corrected(BODY.replace("Twenty", "Thirty"), "", publishing.content(published).dates());
        byte[] forgedPdf = new PdfRenderer().render(DocumentXhtml.render(forged, published.fingerprint(), publishing.verifyAddress()), "en").pdf();
        PublishingService.Verification caught = publishing.verifyPdf(new java.io.ByteArrayInputStream(forgedPdf));
        assertThat(caught.verdict()).isEqualTo(PublishingService.Verdict.ALTERED);
        assertThat(caught.publication().slug()).isEqualTo(published.slug());
        assertThat(publishing.verifyPdf(new java.io.ByteArrayInputStream("not a PDF at all".getBytes())).verdict()).isEqualTo(PublishingService.Verdict.INVALID);
        // A hostile file: a cross-reference stream claiming a billion objects and a loop of earlier sections. It is
        // only scanned, never parsed, so it is answered at once.
        byte[] hostile = ("%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 1000000000 /W [1 2 1] /Prev 9 /Length 0 >>\nstream\nendstream\nendobj\n"
                + "startxref\n9\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long started = System.nanoTime();
        assertThat(publishing.verifyPdf(new java.io.ByteArrayInputStream(hostile)).verdict()).isEqualTo(PublishingService.Verdict.UNKNOWN);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
        byte[] draft = new PdfRenderer().render(DocumentXhtml.render(DocumentContent.draft("Other", "Text"), "1".repeat(64), null), "en").pdf();
        assertThat(publishing.verifyPdf(new java.io.ByteArrayInputStream(draft)).verdict()).isEqualTo(PublishingService.Verdict.UNKNOWN);
    }

    @Test
    void aCorrectionOfATextOnePartyAgreedIsANewVersionAtOnceThatNamesWhatItCorrectsAndSupersedesTheOld() {
        Agreements.Agreed agreed = agreements.agreedByOneParty("Correctable text", BODY);
        Publication first = publishing.publishProposal(agreed.proposal());
        String corrected = BODY.replace("school gate", "school gate and nursery");

        TestMembers.signIn(agreed.member());
        assertThatThrownBy(() -> corrections.correct(first.slug(), corrected, "Nurseries were agreed too")).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(agreed.convenor());
        assertThatThrownBy(() -> corrections.correct(first.slug(), BODY, "Nothing")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("body"));
        assertThatThrownBy(() -> corrections.correct(first.slug(), corrected, " ")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsKey("reason"));
        assertThat(publishing.versionsOfProposal(agreed.proposal())).hasSize(1);

        Publication second = corrections.correct(first.slug(), corrected, "Nurseries were agreed too").published();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.slug()).isEqualTo(first.slug() + "-v2");
        assertThat(second.supersedes()).isEqualTo(first.slug());
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
        DocumentContent content = publishing.content(second);
        assertThat(content.body()).isEqualTo(corrected);
        assertThat(content.correction()).startsWith("Version 1 (published ").endsWith("corrected: Nurseries were agreed too");
        assertThat(content.results()).isEqualTo(publishing.content(first).results());

        Publication old = publishing.published(first.slug()).orElseThrow();
        assertThat(old.current()).isFalse();
        assertThat(old.supersededBy()).isEqualTo(second.slug());
        assertThat(publishing.content(old).body()).isEqualTo(BODY);
        assertThatThrownBy(() -> corrections.correct(first.slug(), corrected + "x", "Again")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already been corrected");
        assertThat(publishing.versionsOfProposal(agreed.proposal())).extracting(Publication::version).containsExactly(2, 1);
        assertThat(publishing.newest(10)).extracting(Publication::slug).containsSubsequence(second.slug(), first.slug());
        assertThat(proposals.activity(agreed.proposal())).extracting(org.commonground.audit.AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).startsWith("/p/" + first.slug() + " fingerprint " + first.fingerprint()))
                .anySatisfy(d -> assertThat(d).startsWith("/p/" + second.slug() + " fingerprint " + second.fingerprint()));
    }

    @Test
    void aRatifiedPactIsPublishedForAllItsPartiesWithItsTermsAndEachRatification() throws Exception {
        Agreements.Ratified ratified = agreements.ratifiedPact("Aldershot give and take");
        TestMembers.signIn(ratified.green());
        assertThatThrownBy(() -> publishing.publishPact(ratified.pact())).isInstanceOf(AccessDeniedException.class);

        TestMembers.signIn(ratified.convenor());
        Publication published = publishing.publishPact(ratified.pact());
        assertThat(pacts.details(ratified.pact()).state()).isEqualTo(PactState.PUBLISHED);
        assertThatThrownBy(() -> pacts.collapse(ratified.pact(), "Too late")).isInstanceOf(InvalidInputException.class);

        DocumentContent content = publishing.content(published);
        assertThat(content.kind()).isEqualTo("Pact");
        assertThat(content.terms()).containsExactly(new DocumentContent.TermsRow("Aldershot", "E14001063", "LAB", "GRN stands down"));
        assertThat(content.signatures()).extracting(DocumentContent.Signature::party, DocumentContent.Signature::by)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("LAB", "Pact publishing convenor: ratified"),
                        org.assertj.core.groups.Tuple.tuple("GRN", "Pact publishing green: ratified"));
        assertThat(content.signatures()).allSatisfy(s -> assertThat(s.date()).isNotBlank());
        assertThat(content.body()).isEqualTo("Joint leaflets name both parties.");
        assertThat(PdfRendererTest.text(publishing.pdf(published))).contains("Aldershot give and take", "E14001063", "GRN stands down",
                "Ratification", "Pact publishing green: ratified", "Joint leaflets name both parties.").doesNotContain("DRAFT");
        assertThat(publishing.versionsOfPact(ratified.pact())).extracting(Publication::slug).containsExactly(published.slug());
        assertThat(pacts.activity(ratified.pact())).extracting(org.commonground.audit.AuditEntry::action)
                .contains(org.commonground.audit.AuditAction.PUBLISHED);
    }

    @Test
    void slugsAreReadableAsciiAndNeverTheReservedNames() {
        assertThat(PublishingService.slugOf("Afonydd glân: Caerdydd’s rivers")).isEqualTo("afonydd-glan-caerdydds-rivers");
        assertThat(PublishingService.slugOf("  ")).isEmpty();
        assertThat(PublishingService.slugOf("word ".repeat(40))).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
        Agreements.Agreed agreed = agreements.agreedProposal("Verify", "Text.");
        assertThat(publishing.publishProposal(agreed.proposal()).slug()).isNotEqualTo("verify").startsWith("verify-");
        List<Publication> all = publishing.newest(500);
        assertThat(all).extracting(Publication::slug).doesNotHaveDuplicates();
    }
}
