package org.commonground.whatif;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.commonground.election.results.TransferRates;
import org.commonground.election.results.TransferRates.Pair;

/**
 * What a reader asked for in the address: an election's code ({@code election=GE2024}) and rates per pair
 * ({@code LD-LAB=60}: of Liberal Democrat voters, 60% vote Labour where Labour is best placed). A bad rate is not an
 * error page: it keeps its default, and {@code problems} says why beside its field, keyed by the field's name.
 *
 * @param given what the reader typed, by field, to show back in the form
 */
record WhatIfRequest(Optional<String> election, TransferRates rates, Map<String, String> given, Map<String, String> problems) {

    static final String ELECTION = "election";
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]*[.,]?[0-9]+");

    /** The same request with one more problem, such as an election nobody imported. */
    WhatIfRequest withProblem(String field, String problem) {
        Map<String, String> more = new LinkedHashMap<>(problems);
        more.put(field, problem);
        return new WhatIfRequest(election, rates, given, more);
    }

    static String field(Pair pair) {
        return pair.from() + "-" + pair.to();
    }

    private static final Pattern PAIR_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,19}-[A-Za-z][A-Za-z0-9]{0,19}");

    /**
     * Whether the parameters ask for anything the page reads (an election, a rate), without reading the database: any
     * other parameter ("?utm_source=…") or a blank field leaves the page without parameters, which is kept in memory.
     */
    static boolean asksSomething(Map<String, String[]> parameters) {
        return parameters.entrySet().stream().anyMatch(p -> (p.getKey().equals(ELECTION) || PAIR_FIELD.matcher(p.getKey()).matches())
                && p.getValue().length > 0 && !p.getValue()[0].isBlank());
    }

    static WhatIfRequest parse(Map<String, String[]> parameters, TransferRates defaults) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        TransferRates rates = defaults;
        for (Pair pair : defaults.percents().keySet()) {
            String value = first(parameters, field(pair));
            if (value == null || value.isBlank()) {
                continue;
            }
            String typed = value.strip();
            given.put(field(pair), typed);
            if (WHOLE.matcher(typed).matches() && Integer.parseInt(typed) <= 100) {
                rates = rates.with(pair, Integer.parseInt(typed));
            } else {
                problems.put(field(pair), problem(typed));
            }
        }
        String election = first(parameters, ELECTION);
        Optional<String> code = election == null || election.isBlank() ? Optional.empty() : Optional.of(election.strip());
        code.ifPresent(c -> given.put(ELECTION, c));
        return new WhatIfRequest(code, rates, Map.copyOf(given), problems);
    }

    private static String problem(String typed) {
        String shown = typed.length() > 20 ? typed.substring(0, 20) + "…" : typed;
        if (!NUMBER.matcher(typed).matches()) {
            return "“" + shown + "” is not a number: give a per cent from 0 to 100, such as 50. The default is used meanwhile.";
        }
        if (typed.startsWith("-")) {
            return shown + " is less than 0: give a per cent from 0 to 100. The default is used meanwhile.";
        }
        if (typed.contains(".") || typed.contains(",")) {
            return "Give a whole per cent from 0 to 100, without a decimal point, such as 50. The default is used meanwhile.";
        }
        return shown + " is more than 100: no party can pass on more than all its voters. Give a per cent from 0 to 100. "
                + "The default is used meanwhile.";
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
