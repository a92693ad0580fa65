package org.commonground.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ConstituencyListParserTest {

    @Test
    void readsNamesWithAndWithoutCodesInEitherOrder() {
        assertThat(ConstituencyListParser.parse("c", """
                Bristol Central (E14001131)
                E14001132 Bristol East

                W07000110, Vale of Glamorgan
                Ynys Môn
                """)).containsExactly(
                new Constituency("Bristol Central", "E14001131"),
                new Constituency("Bristol East", "E14001132"),
                new Constituency("Vale of Glamorgan", "W07000110"),
                new Constituency("Ynys Môn", null));
    }

    @Test
    void namesTheLineOfAMalformedCode() {
        assertThatThrownBy(() -> ConstituencyListParser.parse("c", "Bristol Central\nBristol East (E1400113)"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageFor("c")).startsWith("Line 2").contains("E14001131"));
    }

    @Test
    void refusesDuplicatesIgnoringCase() {
        assertThatThrownBy(() -> ConstituencyListParser.parse("c", "Bristol East\nbristol east"))
                .hasMessageContaining("listed twice");
    }

    @Test
    void refusesOverlongNamesAndTooManyLines() {
        assertThatThrownBy(() -> ConstituencyListParser.parse("c", "x".repeat(101))).hasMessageContaining("at most 100");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            many.append("Place ").append(i).append('\n');
        }
        assertThatThrownBy(() -> ConstituencyListParser.parse("c", many.toString())).hasMessageContaining("at most 60");
    }

    @Test
    void emptyTextIsAnEmptyList() {
        assertThat(ConstituencyListParser.parse("c", "  \n ")).isEmpty();
        assertThat(ConstituencyListParser.parse("c", null)).isEmpty();
    }
}
