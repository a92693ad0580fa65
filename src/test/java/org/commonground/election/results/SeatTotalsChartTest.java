package org.commonground.election.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SeatTotalsChartTest {

    @Test
    void everyBarIsLabelledInWordsAndFiguresAndTheLongestIsTheLargest() {
        WhatIfSeats.Totals totals = new WhatIfSeats.Totals(Map.of("CON", 3, "LAB", 1), Map.of("LAB", 3, "CON", 1), Map.of("CON", 2, "LAB", 2),
                1, 3, 2);
        String svg = SeatTotalsChart.svg(totals, "Seats <in> test", code -> code.equals("LAB") ? "Labour (LAB)" : "Conservative & co", code -> "#123456");

        assertThat(svg).contains("<title id=\"what-if-chart-title\">Seats &lt;in&gt; test</title>", ">Labour (LAB)</text>",
                ">Conservative &amp; co</text>", ">as cast 3</text>", ">all seats 1</text>", ">pact seats 2</text>", ">as cast 1</text>",
                ">all seats 3</text>", "fill=\"#123456\"")
                .doesNotContain(" style=");
        // The largest count (3) has the full 190-unit bar, a count of 1 a third of it.
        assertThat(svg).contains("width=\"190\" height=\"12\"", "width=\"63\" height=\"12\"");
        // Conservative first: most seats as cast.
        assertThat(svg.indexOf("Conservative")).isLessThan(svg.indexOf("Labour"));
    }
}
