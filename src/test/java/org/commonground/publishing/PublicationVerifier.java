package org.commonground.publishing;

import org.jooq.DSLContext;

/**
 * The public verification ({@link PublishingService#verifyFingerprint}, {@link PublishingService#verifyPdf}) run
 * against another database than the app's, such as one a group was restored into: only the publications are read.
 */
public final class PublicationVerifier {

    private final PublishingService publishing;
    private final PublicationRepository publications;

    public PublicationVerifier(DSLContext db) {
        publications = new PublicationRepository(db);
        publishing = new PublishingService(null, null, null, publications, null, null, null, "http://localhost", null);
    }

    public PublishingService.Verification verifyFingerprint(String fingerprint) {
        return publishing.verifyFingerprint(fingerprint);
    }

    public PublishingService.Verification verifyPdf(byte[] pdf) throws java.io.IOException {
        return publishing.verifyPdf(new java.io.ByteArrayInputStream(pdf));
    }

    /** The fingerprint a PDF names in its document information. */
    public static String fingerprintNamedIn(byte[] pdf) throws Exception {
        return PdfFingerprint.scan(new java.io.ByteArrayInputStream(pdf)).fingerprint().orElseThrow();
    }

    public java.util.Optional<Publication> bySlug(String slug) {
        return publishing.published(slug);
    }

    public org.commonground.publishing.document.DocumentContent content(Publication publication) {
        return publications.content(publication.id());
    }

    public byte[] pdf(Publication publication) {
        return publishing.pdf(publication);
    }
}
