package org.commonground.election.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "What if" seat totals for one election: seats per party as cast, and had the alliance's voters transferred to the
 * best-placed alliance candidate ({@link SeatAnalysis}'s, by the votes as cast) at the reader's rates, in every seat or
 * only in some (those of published pacts). Pure.
 *
 * <p>In a seat where transfers apply, each other alliance party X gives the best-placed party B
 * {@code floor(X's votes × rate(X → B) / 100)} votes: those votes move from X to B, and the rest of X's vote stays
 * with X (as if X still stood, or its voters stayed home or went elsewhere: no vote goes to the winner's party or any
 * other). The seat then goes to whoever has most votes; on a tie the party that won as cast keeps it, as a challenger
 * must overtake, not draw level. The Speaker's seat is left as cast: the parties do not contest it. A seat without
 * alliance votes is left as cast too.
 */
public final class WhatIfSeats {

    private WhatIfSeats() {
    }

    /**
     * Seats per party (winner codes, most seats first, then by code) in each of the three cases, and how many of them
     * the alliance's parties won (a party counts for the alliance only where it is pooled: the SNP in Scotland).
     */
    public record Totals(Map<String, Integer> asCast, Map<String, Integer> transfersEverywhere, Map<String, Integer> transfersInPactSeats,
                         int allianceAsCast, int allianceEverywhere, int allianceInPactSeats) {

        public Totals {
            asCast = sorted(asCast);
            transfersEverywhere = sorted(transfersEverywhere);
            transfersInPactSeats = sorted(transfersInPactSeats);
        }

        /** How many more seats the alliance wins with transfers everywhere than as cast. */
        public int allianceGainEverywhere() {
            return allianceEverywhere - allianceAsCast;
        }

        public int allianceGainInPactSeats() {
            return allianceInPactSeats - allianceAsCast;
        }
    }

    /**
     * @param pactSeats ONS codes of the seats where transfers apply in the third case; codes of no seat here are ignored
     */
    public static Totals totals(List<ConstituencyResult> results, Alliance alliance, TransferRates rates, Set<String> pactSeats) {
        Map<String, Integer> asCast = new LinkedHashMap<>();
        Map<String, Integer> everywhere = new LinkedHashMap<>();
        Map<String, Integer> inPacts = new LinkedHashMap<>();
        int allianceAsCast = 0;
        int allianceEverywhere = 0;
        int allianceInPacts = 0;
        for (ConstituencyResult r : results) {
            Set<String> pooled = alliance.partiesIn(r.country());
            String cast = r.winner();
            String transferred = winnerWithTransfers(r, alliance, rates);
            String pact = pactSeats.contains(r.onsId()) ? transferred : cast;
            asCast.merge(cast, 1, Integer::sum);
            everywhere.merge(transferred, 1, Integer::sum);
            inPacts.merge(pact, 1, Integer::sum);
            allianceAsCast += pooled.contains(cast) ? 1 : 0;
            allianceEverywhere += pooled.contains(transferred) ? 1 : 0;
            allianceInPacts += pooled.contains(pact) ? 1 : 0;
        }
        return new Totals(asCast, everywhere, inPacts, allianceAsCast, allianceEverywhere, allianceInPacts);
    }

    /** Who wins one seat once the alliance's voters have transferred at these rates. */
    public static String winnerWithTransfers(ConstituencyResult r, Alliance alliance, TransferRates rates) {
        Map<String, Integer> votes = votesWithTransfers(r, alliance, rates);
        String winner = r.winner();
        int most = votes.getOrDefault(winner, 0);
        // Strictly more: a tie keeps the winner as cast; between challengers, the earlier column.
        for (Map.Entry<String, Integer> candidate : votes.entrySet()) {
            if (candidate.getValue() > most) {
                winner = candidate.getKey();
                most = candidate.getValue();
            }
        }
        return winner;
    }

    /**
     * Each candidate's votes after transfers, in column order: the parties' columns and, for a winner without a column
     * of their own (an independent, the Speaker), the winner's votes under their code; never "All other candidates",
     * which is many candidates, not one.
     */
    public static Map<String, Integer> votesWithTransfers(ConstituencyResult r, Alliance alliance, TransferRates rates) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        r.votes().forEach((party, count) -> {
            if (!party.equals(ConstituencyResult.OTHER)) {
                votes.put(party, count);
            }
        });
        votes.putIfAbsent(r.winner(), r.winnerVotes());
        SeatVerdict verdict = SeatAnalysis.analyse(r, alliance);
        String best = verdict.bestPlaced();
        if (verdict.speaker() || best == null) {
            return Collections.unmodifiableMap(votes);
        }
        for (String party : alliance.partiesIn(r.country())) {
            int own = votes.getOrDefault(party, 0);
            if (party.equals(best) || own == 0) {
                continue;
            }
            // long: 2,000,000,000 × 100 would overflow an int, and a file may say anything.
            int moved = (int) ((long) own * rates.percent(party, best) / 100);
            votes.put(party, own - moved);
            votes.merge(best, moved, Integer::sum);
        }
        return Collections.unmodifiableMap(votes);
    }

    private static Map<String, Integer> sorted(Map<String, Integer> seats) {
        Map<String, Integer> ordered = new LinkedHashMap<>();
        seats.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey()) : Integer.compare(b.getValue(), a.getValue()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }
}
