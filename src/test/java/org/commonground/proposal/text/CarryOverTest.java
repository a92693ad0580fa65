package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A member's edit of an older revision carried over to the current one, passage by passage. */
class CarryOverTest {

    static final String BASE = """
            We will end sewage discharges into rivers by 2030.

            Water companies will be run for the public good.

            Fines will go to river restoration.
            """;

    private static String carried(String edited, String current) {
        return Passages.carryOver(BASE, edited, current, 80).orElse(null);
    }

    @Test
    void passagesMoveWithTheirWordsOntoTheNewRevision() {
        String edited = BASE.replace("by 2030", "by 2027").replace("river restoration", "cleaning rivers");
        String current = BASE.replace("Water companies", "All water companies");
        assertThat(carried(edited, current)).isEqualTo(current.replace("by 2030", "by 2027").replace("river restoration", "cleaning rivers"));
    }

    @Test
    void anEditWhoseWordsChangedMeanwhileIsNotCarried() {
        String edited = BASE.replace("public good", "common good");
        String current = BASE.replace("public good", "people");
        assertThat(carried(edited, current)).isNull();
    }

    @Test
    void anUnchangedEditCarriesOverAsTheCurrentText() {
        String current = BASE.replace("2030", "2029");
        assertThat(carried(BASE, current)).isEqualTo(current);
    }
}
