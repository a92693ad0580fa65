package org.commonground.ballot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultChartTest {

    @Test
    void drawsABarPerPartyLabelledWithItsNumbers() {
        String svg = ResultChart.svg(List.of(new PartyTally("GRN", 14, 9, 3, 0), new PartyTally("LD", 11, 3, 5, 1)));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"").containsPattern("width=\"\\d+\" height=\"\\d+\"");
        assertThat(svg).contains(">GRN<", "9 for, 3 against, 0 abstain of 14", ">LD<", "3 for, 5 against, 1 abstain of 11");
        assertThat(svg).contains("url(#cg-against)", "url(#cg-abstain)", ">Did not vote<");
    }

    @Test
    void aPartyWithNoElectorsGetsAnEmptyBarNotAnError() {
        assertThat(ResultChart.svg(List.of(new PartyTally("SNP", 0, 0, 0, 0)))).contains("0 for, 0 against, 0 abstain of 0");
    }
}
