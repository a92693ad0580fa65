package org.commonground.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotDetails;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.PartyResult;
import org.commonground.pact.PactDetails;
import org.commonground.pact.PactService;
import org.commonground.pact.PactState;
import org.commonground.pact.Ratification;
import org.commonground.pact.RatificationMethod;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.proposal.Author;
import org.commonground.proposal.ProposalDetails;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.proposal.Revision;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.publishing.document.DocumentXhtml;
import org.commonground.publishing.document.Fingerprint;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing agreed texts, and PDFs of texts not yet agreed. A convenor publishes an agreed proposal or a ratified
 * pact: the snapshot of every fact it states is frozen, fingerprinted and rendered to PDF once, in the same
 * transaction that moves it to PUBLISHED. A correction is a new version that names what it corrects
 * ({@link CorrectionService}). Reading
 * published documents needs no sign-in; everything else goes through the proposal and pact services, which check
 * the caller's rights.
 */
@Service
public class PublishingService {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    // Addresses under /p that are pages of their own, not documents.
    private static final List<String> RESERVED_SLUGS = List.of("verify", "feed", "assets", "what-if", "seats", "fingerprints", "map");

    private final ProposalService proposals;
    private final PactService pacts;
    private final BallotService ballots;
    private final PublicationRepository publications;
    private final CorrectionRepository corrections;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final String baseUrl;
    private final ApplicationEventPublisher events;
    private final PdfRenderer renderer = new PdfRenderer();

    PublishingService(ProposalService proposals, PactService pacts, BallotService ballots, PublicationRepository publications,
                      CorrectionRepository corrections, CurrentMember currentMember, AuditLog audit, @Value("${commonground.base-url}") String baseUrl,
                      ApplicationEventPublisher events) {
        this.proposals = proposals;
        this.pacts = pacts;
        this.ballots = ballots;
        this.publications = publications;
        this.corrections = corrections;
        this.currentMember = currentMember;
        this.audit = audit;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.events = events;
    }

    /** Published, after commit: {@code superseded} names the version a correction replaced, or is null. */
    public record DocumentPublished(String slug, String superseded) {
    }

    /** A rendered PDF with a file name to save it under and its fingerprint. */
    public record Pdf(String fileName, byte[] bytes, String fingerprint) {
    }

    /** What a check of a fingerprint or a file found. */
    public record Verification(Verdict verdict, Publication publication, String message) {
    }

    public enum Verdict {
        /** The fingerprint or the file is exactly that of a published document. */
        MATCH,
        /** The file names a published document's fingerprint but is not the file published: it was changed. */
        ALTERED,
        /** Nothing published matches. */
        UNKNOWN,
        /** The input is not a fingerprint, or not a readable PDF. */
        INVALID
    }

    /**
     * Where a proposal or pact the caller may read stands with publishing.
     *
     * @param publishable agreed (ratified) and not yet published
     * @param convenor    the caller may publish it, and correct it once published
     * @param versions    its published versions, newest first
     * @param awaiting    a correction waiting for the parties' consent: where they give it (a ballot or the pact
     *                    page), or null
     */
    public record Status(String title, String state, boolean publishable, boolean convenor, List<Publication> versions, String awaiting) {

        public boolean published() {
            return !versions.isEmpty();
        }
    }

    public Status proposalStatus(long proposalId) {
        ProposalDetails d = proposals.details(proposalId);
        return new Status(d.proposal().title(), d.proposal().state().label(), d.proposal().state() == ProposalState.AGREED, d.convenor(),
                versionsOfProposal(proposalId), corrections.awaiting(proposalId, null).map(c -> "proposals/" + proposalId + "/ballots").orElse(null));
    }

    public Status pactStatus(long pactId) {
        PactDetails d = pacts.details(pactId);
        return new Status(d.summary().title(), d.state().label(), d.state() == PactState.RATIFIED, d.convenor(), versionsOfPact(pactId),
                corrections.awaiting(null, pactId).map(c -> "pacts/" + pactId).orElse(null));
    }

    // ---- Drafts: any proposal or pact the caller may read, at any stage

    public DocumentContent proposalDraft(long proposalId) {
        ProposalDetails d = proposals.details(proposalId);
        return proposalContent(d, d.current(), d.proposal().state().label() + " since " + date(d.proposal().stateChangedAt()) + " · revision " + d.current().number(),
                List.of(), "", true);
    }

    /** A pact as it stands: its terms and conditions, and each party's ratification so far. */
    public DocumentContent pactDraft(long pactId) {
        PactDetails d = pacts.details(pactId);
        return pactContent(d, d.state().label() + " · revision " + d.summary().currentRevision(), true);
    }

    public Pdf proposalDraftPdf(long proposalId) {
        return draftPdf(proposalDraft(proposalId), "proposal");
    }

    public Pdf pactDraftPdf(long pactId) {
        return draftPdf(pactDraft(pactId), "pact");
    }

    // ---- Publishing

    /** A convenor publishes an agreed proposal, with the result of the ballot that agreed it. */
    @Transactional
    public Publication publishProposal(long proposalId) {
        SignedInMember me = currentMember.require();
        proposals.markPublished(proposalId);
        ProposalDetails d = proposals.details(proposalId);
        Optional<BallotDetails> decisive = decisiveBallot(proposalId);
        List<DocumentContent.ResultRow> results = decisive.map(PublishingService::resultRows).orElse(List.of());
        OffsetDateTime now = OffsetDateTime.now();
        String dates = decisive.map(b -> "Agreed " + date(b.closedAt()) + " · ").orElse("") + "Published " + date(now);
        // The text the ballot agreed, not whatever is current: nothing may have changed since, but the document must not depend on it.
        Revision agreed = decisive.map(b -> proposals.revision(proposalId, b.revision())).orElse(d.current());
        DocumentContent content = proposalContent(d, agreed, dates, results, decisive.map(BallotDetails::explanation).orElse(""), false);
        return store(content, proposalId, null, null, slugFor(content.title(), "proposal"), me, now);
    }

    /** A convenor publishes a ratified pact: one document, for all its parties at the same moment. */
    @Transactional
    public Publication publishPact(long pactId) {
        SignedInMember me = currentMember.require();
        pacts.markPublished(pactId);
        PactDetails d = pacts.details(pactId);
        String ratified = d.ratifications().stream().map(Ratification::decidedAt).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .map(at -> "Ratified " + date(at) + " · ").orElse("");
        OffsetDateTime now = OffsetDateTime.now();
        DocumentContent content = pactContent(d, ratified + "Published " + date(now), false);
        return store(content, null, pactId, null, slugFor(content.title(), "pact"), me, now);
    }

    /** The last ballot that agreed the proposal's text (or a correction of it). */
    Optional<BallotDetails> decisiveBallot(long proposalId) {
        return ballots.ballotsOf(proposalId).stream().map(ballots::details)
                .filter(b -> b.amendmentId() == null && Boolean.TRUE.equals(b.passed()) && b.closedAt() != null)
                .max(Comparator.comparing(BallotDetails::closedAt));
    }

    static List<DocumentContent.ResultRow> resultRows(BallotDetails b) {
        return b.parties().stream()
                .map(p -> new DocumentContent.ResultRow(p.party(), p.electorate(), p.forVotes(), p.against(), p.abstain(), verdictOf(p, b.explanation())))
                .toList();
    }

    // ---- Reading published documents: anyone, signed in or not

    public List<Publication> newest(int limit) {
        return publications.newest(Math.max(1, Math.min(limit, 500)));
    }

    /** Every version ever published, corrected ones too, newest first: the public index of fingerprints. */
    public List<Publication> everyPublished() {
        return publications.all();
    }

    public Optional<Publication> published(String slug) {
        return publications.bySlug(slug);
    }

    public DocumentContent content(Publication publication) {
        return publications.content(publication.id());
    }

    public byte[] pdf(Publication publication) {
        return publications.pdf(publication.id()).orElseThrow();
    }

    /** Every published version of a proposal, newest first; public, like the documents themselves. */
    public List<Publication> versionsOfProposal(long proposalId) {
        return publications.versionsOf(proposalId, null);
    }

    public List<Publication> versionsOfPact(long pactId) {
        return publications.versionsOf(null, pactId);
    }

    /** The address printed in every published PDF, where anyone can check a copy. */
    public String verifyAddress() {
        return baseUrl + "/p/verify";
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Checks a fingerprint, or the SHA-256 of a PDF file, against everything published. */
    public Verification verifyFingerprint(String input) {
        String hex = input == null ? "" : input.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s:]", "");
        if (!hex.matches("[0-9a-f]{64}")) {
            return new Verification(Verdict.INVALID, null, "A fingerprint is 64 characters, each 0–9 or a–f, as printed at the foot of every page.");
        }
        Optional<Publication> byContent = publications.byFingerprint(hex);
        if (byContent.isPresent()) {
            return new Verification(Verdict.MATCH, byContent.get(), "This is the fingerprint of a published document.");
        }
        return publications.byPdfSha256(hex)
                .map(p -> new Verification(Verdict.MATCH, p, "This is the SHA-256 of the PDF file of a published document."))
                .orElseGet(() -> new Verification(Verdict.UNKNOWN, null, "No published document has this fingerprint."));
    }

    /**
     * Checks an uploaded PDF, read once as a stream: exactly the published file, a changed copy of one, or nothing
     * published. The caller closes the stream.
     */
    public Verification verifyPdf(InputStream file) throws IOException {
        PdfFingerprint.Scan scan;
        try {
            scan = PdfFingerprint.scan(file);
        } catch (PdfFingerprint.UnreadablePdfException e) {
            return new Verification(Verdict.INVALID, null, "This file is not a PDF.");
        }
        Optional<Publication> exact = publications.byPdfSha256(scan.sha256());
        if (exact.isPresent()) {
            return new Verification(Verdict.MATCH, exact.get(), "This file is exactly the PDF that was published.");
        }
        return scan.fingerprint().flatMap(publications::byFingerprint)
                .map(p -> new Verification(Verdict.ALTERED, p, "This file names a published document, but it is not the file that was published: "
                        + "it has been changed since. Compare it with the published version."))
                .orElseGet(() -> new Verification(Verdict.UNKNOWN, null, "This file does not match any published document."));
    }

    // ---- Building documents

    private DocumentContent proposalContent(ProposalDetails d, Revision text, String dates, List<DocumentContent.ResultRow> results, String decision, boolean draft) {
        int width = d.proposal().lineWidth();
        return new DocumentContent("Proposal", text.title(), d.groupName(), d.authors().stream().map(Author::displayName).toList(),
                dates, width, text.body(), results, decision, List.of(), List.of(), "", draft);
    }

    DocumentContent pactContent(PactDetails d, String dates, boolean draft) {
        List<DocumentContent.TermsRow> terms = new ArrayList<>();
        for (SeatTerms s : d.terms().seats()) {
            terms.add(new DocumentContent.TermsRow(s.constituency(), s.onsCode(), s.candidateInWords(), s.stances().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue().label()).collect(Collectors.joining("; "))));
        }
        List<DocumentContent.Signature> signatures = new ArrayList<>();
        for (Ratification r : d.ratifications()) {
            signatures.add(new DocumentContent.Signature(r.party(), r.method() == RatificationMethod.BALLOT ? "Ballot of its members" : "Representative",
                    signedBy(r), r.pending() ? "" : date(r.decidedAt())));
        }
        return new DocumentContent("Pact", d.summary().title(), d.summary().groupName(), List.of(), dates, 80, d.terms().conditions(),
                List.of(), "", terms, signatures, "", draft);
    }

    private String signedBy(Ratification r) {
        if (r.pending()) {
            return "waiting";
        }
        String verdict = r.verdict().equals("RATIFIED") ? "ratified" : "rejected";
        if (r.method() == RatificationMethod.REPRESENTATIVE) {
            return r.representativeName() + ": " + verdict;
        }
        BallotDetails ballot = ballots.details(r.ballotId());
        PartyResult party = ballot.parties().stream().filter(p -> p.party().equals(r.party())).findFirst().orElse(null);
        return verdict + (party == null ? "" : " by " + party.forVotes() + " for, " + party.against() + " against, " + party.abstain()
                + " abstaining of " + party.electorate()) + (r.decidedByName() == null ? "" : "; ballot closed by " + r.decidedByName());
    }

    /** One party's verdict, from its line of the decision rule's explanation ("GRN: 9 for, …: consents"). */
    private static String verdictOf(PartyResult party, String explanation) {
        return explanation == null ? "" : explanation.lines().filter(l -> l.startsWith(party.party() + ": "))
                .map(l -> l.substring(l.lastIndexOf(": ") + 2)).findFirst().orElse("");
    }

    /** The one clock: {@code now} is both the date the document states and its recorded publication time. */
    Publication store(DocumentContent content, Long proposalId, Long pactId, Publication supersedes, String slug, SignedInMember me,
                              OffsetDateTime now) {
        String fingerprint = Fingerprint.of(content);
        byte[] pdf = renderer.render(DocumentXhtml.render(content, fingerprint, verifyAddress()), "en").pdf();
        try {
            publications.insert(new PublicationRepository.NewPublication(slug, proposalId, pactId, supersedes == null ? 1 : supersedes.version() + 1,
                    supersedes == null ? null : supersedes.id(), content, fingerprint, pdf, Fingerprint.sha256(pdf), me.id(), now));
        } catch (org.springframework.dao.DuplicateKeyException | org.jooq.exception.IntegrityConstraintViolationException sameMoment) {
            // The same address, version or (identical) content was published at this moment by someone else.
            throw new InvalidInputException("body", "Someone else published this at the same moment. Look again.");
        }
        audit.record(me.id(), supersedes == null ? AuditAction.PUBLISHED : AuditAction.PUBLISHED_CORRECTION, proposalId != null ? "proposal" : "pact",
                proposalId != null ? proposalId : pactId, "/p/" + slug + " fingerprint " + fingerprint);
        events.publishEvent(new DocumentPublished(slug, supersedes == null ? null : supersedes.slug()));
        return publications.bySlug(slug).orElseThrow();
    }

    Pdf draftPdf(DocumentContent content, String fallbackName) {
        String fingerprint = Fingerprint.of(content);
        byte[] pdf = renderer.render(DocumentXhtml.render(content, fingerprint, null), "en").pdf();
        String name = slugOf(content.title());
        return new Pdf((name.isEmpty() ? fallbackName : name) + "-draft.pdf", pdf, fingerprint);
    }

    private String slugFor(String title, String fallback) {
        String base = slugOf(title);
        return uniqueSlug(base.isEmpty() ? fallback : base);
    }

    String uniqueSlug(String base) {
        String slug = base;
        for (int n = 2; RESERVED_SLUGS.contains(slug) || publications.slugTaken(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /** "Clean rivers: Bristol's Avon" → "clean-rivers-bristols-avon", at most 80 characters. */
    static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("'", "").replace("\u2019", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-[^-]*$", "");
        }
        return slug;
    }

    static String date(OffsetDateTime at) {
        return Dates.day(at.atZoneSameInstant(UK));
    }
}
