package org.commonground.publishing;

import java.time.OffsetDateTime;

/**
 * A published document's record, without its content and PDF.
 *
 * @param supersededBy the slug of the correction that replaced it, or null while it is the current version
 * @param supersedes   the slug of the version it corrects, or null for a first publication
 */
public record Publication(long id, String slug, String kind, String title, String groupName, int version, Long proposalId, Long pactId,
                          String fingerprint, String pdfSha256, OffsetDateTime publishedAt, String publishedBy, String supersedes,
                          String supersededBy) {

    public boolean current() {
        return supersededBy == null;
    }
}
