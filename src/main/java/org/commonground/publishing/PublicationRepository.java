package org.commonground.publishing;

import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PUBLICATION;

import java.util.List;
import java.util.Optional;

import org.commonground.publishing.document.DocumentContent;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Published documents: written once, never changed (the table refuses updates and deletes). */
@Repository
public class PublicationRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.commonground.jooq.tables.Publication NEXT = PUBLICATION.as("next");
    private static final org.commonground.jooq.tables.Publication PREVIOUS = PUBLICATION.as("previous");

    private final DSLContext db;

    PublicationRepository(DSLContext db) {
        this.db = db;
    }

    /** What a new publication consists of. */
    record NewPublication(String slug, Long proposalId, Long pactId, int version, Long supersedesId, DocumentContent content,
                          String fingerprint, byte[] pdf, String pdfSha256, long publishedBy, java.time.OffsetDateTime publishedAt) {
    }

    long insert(NewPublication p) {
        return db.insertInto(PUBLICATION)
                .set(PUBLICATION.SLUG, p.slug())
                .set(PUBLICATION.PROPOSAL_ID, p.proposalId())
                .set(PUBLICATION.PACT_ID, p.pactId())
                .set(PUBLICATION.VERSION, p.version())
                .set(PUBLICATION.SUPERSEDES_ID, p.supersedesId())
                .set(PUBLICATION.KIND, p.content().kind())
                .set(PUBLICATION.TITLE, p.content().title())
                .set(PUBLICATION.GROUP_NAME, p.content().group())
                .set(PUBLICATION.CONTENT, JSONB.valueOf(JSON.writeValueAsString(p.content())))
                .set(PUBLICATION.FINGERPRINT, p.fingerprint())
                .set(PUBLICATION.PDF, p.pdf())
                .set(PUBLICATION.PDF_SHA256, p.pdfSha256())
                .set(PUBLICATION.PUBLISHED_BY, p.publishedBy())
                .set(PUBLICATION.PUBLISHED_AT, p.publishedAt())
                .returning(PUBLICATION.ID).fetchOne(PUBLICATION.ID);
    }

    boolean slugTaken(String slug) {
        return db.fetchExists(PUBLICATION, PUBLICATION.SLUG.eq(slug));
    }

    /** Newest first. */
    List<Publication> newest(int limit) {
        return select().orderBy(PUBLICATION.PUBLISHED_AT.desc(), PUBLICATION.ID.desc()).limit(limit).fetch(PublicationRepository::publication);
    }

    /** Every version ever published, newest first. */
    List<Publication> all() {
        return select().orderBy(PUBLICATION.PUBLISHED_AT.desc(), PUBLICATION.ID.desc()).fetch(PublicationRepository::publication);
    }

    Optional<Publication> bySlug(String slug) {
        return select().where(PUBLICATION.SLUG.eq(slug)).fetchOptional(PublicationRepository::publication);
    }

    Optional<Publication> byFingerprint(String fingerprint) {
        return select().where(PUBLICATION.FINGERPRINT.eq(fingerprint)).fetchOptional(PublicationRepository::publication);
    }

    Optional<Publication> byPdfSha256(String sha256) {
        return select().where(PUBLICATION.PDF_SHA256.eq(sha256)).orderBy(PUBLICATION.ID).limit(1).fetchOptional(PublicationRepository::publication);
    }

    /** Every version published of a proposal or a pact, newest first. */
    List<Publication> versionsOf(Long proposalId, Long pactId) {
        return select().where(proposalId != null ? PUBLICATION.PROPOSAL_ID.eq(proposalId) : PUBLICATION.PACT_ID.eq(pactId))
                .orderBy(PUBLICATION.VERSION.desc()).fetch(PublicationRepository::publication);
    }

    Publication byId(long publicationId) {
        return select().where(PUBLICATION.ID.eq(publicationId)).fetchOne(PublicationRepository::publication);
    }

    DocumentContent content(long publicationId) {
        JSONB json = db.select(PUBLICATION.CONTENT).from(PUBLICATION).where(PUBLICATION.ID.eq(publicationId)).fetchOne(PUBLICATION.CONTENT);
        return JSON.readValue(json.data(), DocumentContent.class);
    }

    Optional<byte[]> pdf(long publicationId) {
        return db.select(PUBLICATION.PDF).from(PUBLICATION).where(PUBLICATION.ID.eq(publicationId)).fetchOptional(PUBLICATION.PDF);
    }

    /**
     * The current version (not superseded) of every published pact, with its frozen content; only those whose terms
     * name the constituency when {@code onsCode} is given. Oldest first.
     */
    List<java.util.Map.Entry<Publication, DocumentContent>> currentPacts(String onsCode) {
        var query = db.select(fields()).select(PUBLICATION.CONTENT).from(PUBLICATION)
                .join(MEMBER).on(MEMBER.ID.eq(PUBLICATION.PUBLISHED_BY))
                .leftJoin(PREVIOUS).on(PREVIOUS.ID.eq(PUBLICATION.SUPERSEDES_ID))
                .leftJoin(NEXT).on(NEXT.SUPERSEDES_ID.eq(PUBLICATION.ID))
                .where(PUBLICATION.PACT_ID.isNotNull()).and(NEXT.ID.isNull());
        if (onsCode != null) {
            // The frozen terms are a JSON array of rows; containment finds a row with this code without reading the rest.
            query = query.and(org.jooq.impl.DSL.condition("{0} -> 'terms' @> {1}::jsonb", PUBLICATION.CONTENT,
                    JSON.writeValueAsString(List.of(java.util.Map.of("onsCode", onsCode)))));
        }
        return query.orderBy(PUBLICATION.PUBLISHED_AT, PUBLICATION.ID).fetch(r -> java.util.Map.entry(publication(r),
                JSON.readValue(r.get(PUBLICATION.CONTENT).data(), DocumentContent.class)));
    }

    /** The newest publication's id: any publication or correction changes it. */
    /**
     * Changes with every publication committed, here or by another instance. The count as well as the newest id: a
     * publication whose id was taken first but committed after a later one leaves the newest id as it was.
     */
    String version() {
        return db.select(DSL.count(), DSL.max(PUBLICATION.ID)).from(PUBLICATION).fetchOne(r -> r.value1() + "/" + r.value2());
    }

    /** Locks the first version's row: corrections of one document are made one at a time. */
    void lockDocument(Long proposalId, Long pactId) {
        db.select(PUBLICATION.ID).from(PUBLICATION).where(proposalId != null ? PUBLICATION.PROPOSAL_ID.eq(proposalId) : PUBLICATION.PACT_ID.eq(pactId))
                .and(PUBLICATION.VERSION.eq(1)).forUpdate().execute();
    }

    private static SelectField<?>[] fields() {
        return new SelectField<?>[] {PUBLICATION.ID, PUBLICATION.SLUG, PUBLICATION.KIND, PUBLICATION.TITLE, PUBLICATION.GROUP_NAME,
                PUBLICATION.VERSION, PUBLICATION.PROPOSAL_ID, PUBLICATION.PACT_ID, PUBLICATION.FINGERPRINT, PUBLICATION.PDF_SHA256,
                PUBLICATION.PUBLISHED_AT, MEMBER.DISPLAY_NAME, PREVIOUS.SLUG, NEXT.SLUG};
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return db.select(fields()).from(PUBLICATION)
                .join(MEMBER).on(MEMBER.ID.eq(PUBLICATION.PUBLISHED_BY))
                .leftJoin(PREVIOUS).on(PREVIOUS.ID.eq(PUBLICATION.SUPERSEDES_ID))
                .leftJoin(NEXT).on(NEXT.SUPERSEDES_ID.eq(PUBLICATION.ID));
    }

    private static Publication publication(Record r) {
        return new Publication(r.get(PUBLICATION.ID), r.get(PUBLICATION.SLUG), r.get(PUBLICATION.KIND), r.get(PUBLICATION.TITLE),
                r.get(PUBLICATION.GROUP_NAME), r.get(PUBLICATION.VERSION), r.get(PUBLICATION.PROPOSAL_ID), r.get(PUBLICATION.PACT_ID),
                r.get(PUBLICATION.FINGERPRINT), r.get(PUBLICATION.PDF_SHA256), r.get(PUBLICATION.PUBLISHED_AT), r.get(MEMBER.DISPLAY_NAME),
                r.get(PREVIOUS.SLUG), r.get(NEXT.SLUG));
    }
}
