package org.commonground.election.results;

import java.util.List;

/**
 * One election's results by constituency, in the file's order.
 *
 * @param parties party codes of the file's vote columns in column order, without OTHER
 */
public record ElectionResults(List<String> parties, List<ConstituencyResult> constituencies) {

    public ElectionResults {
        parties = List.copyOf(parties);
        constituencies = List.copyOf(constituencies);
    }
}
