package org.commonground.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.PARTY;

import java.util.Map;

import org.commonground.support.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RenderedQueryTest {

    @Autowired
    DSLContext db;

    private static final Field<String> CODE = DSL.param("code", String.class);
    private static final Field<String> ID_TEXT = DSL.field("{0}::text", String.class, PARTY.ID).as("id_text");

    @Test
    void bindsEachNamedValueWhereverTheSqlUsesItAndReadsRowsAsJooqWould() {
        RenderedQuery rendered = new RenderedQuery(db, db.select(PARTY.ID, PARTY.CODE, ID_TEXT).from(PARTY)
                .where(PARTY.CODE.eq(CODE).or(PARTY.CODE.eq(DSL.param("other", String.class))).or(PARTY.NAME.eq(CODE)))
                .orderBy(PARTY.CODE));
        assertThat(rendered.sql()).contains("::text").doesNotContain(":code").doesNotContain(":other");

        var rows = rendered.fetch(db, Map.of("code", "LAB", "other", "GRN"));
        var direct = db.select(PARTY.ID, PARTY.CODE, ID_TEXT).from(PARTY).where(PARTY.CODE.in("LAB", "GRN")).orderBy(PARTY.CODE).fetch();
        assertThat(rows.getValues(PARTY.CODE)).containsExactly("GRN", "LAB");
        assertThat(rows.getValues(PARTY.ID)).isEqualTo(direct.getValues(PARTY.ID));
        assertThat(rows.getValues(ID_TEXT)).isEqualTo(direct.getValues(ID_TEXT));
        assertThat(rows.get(0).into(PARTY).getCode()).isEqualTo("GRN");
        assertThat(rendered.fetch(db, Map.of("code", "nobody", "other", "nobody"))).isEmpty();
    }

    @Test
    void anUnnamedValueOrAMissingOneIsRefused() {
        assertThatThrownBy(() -> new RenderedQuery(db, db.selectFrom(PARTY).where(PARTY.CODE.eq("LAB"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Name every value");
        RenderedQuery rendered = new RenderedQuery(db, db.selectFrom(PARTY).where(PARTY.CODE.eq(CODE)));
        assertThatThrownBy(() -> rendered.fetch(db, Map.of("other", "LAB"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":code");
    }
}
