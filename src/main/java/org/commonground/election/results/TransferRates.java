package org.commonground.election.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What share of one alliance party's voters would vote for another alliance party's candidate, per ordered pair of
 * parties: {@code percent(LD, LAB)} is the per cent of Liberal Democrat voters who vote Labour where Labour is the
 * best-placed alliance candidate. Whole per cents from 0 to 100; a pair not given is 0. Pure.
 */
public record TransferRates(Map<Pair, Integer> percents) {

    /** From party {@code from}'s voters to party {@code to}'s candidate; codes normalised. */
    public record Pair(String from, String to) {

        public Pair {
            from = PartyCodes.normalise(from);
            to = PartyCodes.normalise(to);
            if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
                throw new IllegalArgumentException("A transfer is from one party's voters to another party's candidate.");
            }
        }
    }

    public TransferRates {
        Map<Pair, Integer> copy = new LinkedHashMap<>();
        percents.forEach((pair, percent) -> {
            if (percent == null || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("A transfer rate is a per cent from 0 to 100, not " + percent + ".");
            }
            copy.put(pair, percent);
        });
        percents = Collections.unmodifiableMap(copy);
    }

    /** The same rate for every pair the alliance can field against each other. */
    public static TransferRates uniform(Alliance alliance, int percent) {
        Map<Pair, Integer> rates = new LinkedHashMap<>();
        pairs(alliance).forEach(pair -> rates.put(pair, percent));
        return new TransferRates(rates);
    }

    public int percent(String from, String to) {
        return percents.getOrDefault(new Pair(from, to), 0);
    }

    /** These rates with one pair changed. */
    public TransferRates with(Pair pair, int percent) {
        Map<Pair, Integer> rates = new LinkedHashMap<>(percents);
        rates.put(pair, percent);
        return new TransferRates(rates);
    }

    /**
     * Every ordered pair of alliance parties that can meet in a seat: parties pooled everywhere meet each other and
     * each country's own parties, but a country's own party never meets another country's (Plaid Cymru and the SNP).
     */
    public static List<Pair> pairs(Alliance alliance) {
        Set<Pair> pairs = new LinkedHashSet<>();
        addPairs(pairs, alliance.everywhere());
        alliance.byCountry().keySet().forEach(country -> addPairs(pairs, alliance.partiesIn(country)));
        return List.copyOf(pairs);
    }

    private static void addPairs(Set<Pair> pairs, Set<String> parties) {
        for (String from : parties) {
            for (String to : parties) {
                if (!from.equals(to)) {
                    pairs.add(new Pair(from, to));
                }
            }
        }
    }
}
