package org.commonground.party;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class PartyRulesTest {

    @Test
    void acceptsAWellFormedParty() {
        assertThat(PartyRules.check("YPC", "Yorkshire Party", "#00AEEF")).isEmpty();
    }

    @Test
    void namesEachBadField() {
        assertThat(PartyRules.check("grn", " ", "green")).extracting(FieldProblem::field)
                .containsExactly("code", "name", "colour");
    }

    @Test
    void refusesAnOverlongOrMultiLineName() {
        assertThat(PartyRules.check("ABC", "x".repeat(101), "#000000")).extracting(FieldProblem::field).containsExactly("name");
        assertThat(PartyRules.check("ABC", "Two\nlines", "#000000")).extracting(FieldProblem::field).containsExactly("name");
    }
}
