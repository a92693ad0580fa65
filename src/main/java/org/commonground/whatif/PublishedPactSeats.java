package org.commonground.whatif;

import static org.commonground.jooq.Tables.PUBLICATION;

import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The seats the published pacts cover, as their current published versions list them. A seam, to be replaced on merge
 * by {@code org.commonground.publishing.PublishedPacts} (issue 22), which answers the same question for the seat pages.
 */
@Repository
class PublishedPactSeats {

    private static final org.commonground.jooq.tables.Publication NEXT = PUBLICATION.as("next");

    private final DSLContext db;

    PublishedPactSeats(DSLContext db) {
        this.db = db;
    }

    /**
     * ONS codes in the terms of every pact publication no correction has superseded. Only what was published counts:
     * a pact's drafts, its ratification and a correction awaiting consent are not in the {@code publication} table.
     */
    Set<String> onsCodes() {
        var term = DSL.table("jsonb_array_elements({0} -> 'terms')", PUBLICATION.CONTENT).as("term", "value");
        var onsCode = DSL.field("{0} ->> 'onsCode'", String.class, DSL.field(DSL.name("term", "value")));
        return new TreeSet<>(db.selectDistinct(onsCode).from(PUBLICATION, term)
                .where(PUBLICATION.PACT_ID.isNotNull())
                .andNotExists(DSL.selectOne().from(NEXT).where(NEXT.SUPERSEDES_ID.eq(PUBLICATION.ID)))
                .and(onsCode.isNotNull())
                .fetch(onsCode));
    }

    /** Changes when anything is published, here or by another instance: what a kept page is checked against. */
    long lastPublicationId() {
        Long id = db.select(DSL.max(PUBLICATION.ID)).from(PUBLICATION).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }
}
