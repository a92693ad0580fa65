package org.commonground.whatif;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.election.ElectionRepository;
import org.commonground.election.PublicElection;
import org.commonground.election.PublicElectionService;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.TransferRates;
import org.commonground.election.results.WhatIfSeats;
import org.commonground.jooq.tables.records.ElectionRecord;
import org.commonground.publishing.PublishedPacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What if" seat totals for the public (issue 22): election results are public figures and published pacts are
 * public, so every method here is for anyone, signed in or not, and shows nothing else.
 */
@Service
public class WhatIfService {

    /**
     * The rate every pair starts at: a round figure, an assumption and not data. No source we could check publishes
     * a rate for every pair of these parties; for one pair, see {@link #DEFAULT_SOURCE}.
     */
    public static final int DEFAULT_PERCENT = 50;
    public static final String DEFAULT_SOURCE = "Every rate starts at 50%: a round assumption, not a measurement. We know of no "
            + "published figures for every pair of these parties. For one pair there is evidence that it varies: where only Labour, the "
            + "Conservatives and the Liberal Democrats stood in the May 2021 supplementary-vote elections, between about 25% and over 40% "
            + "of Liberal Democrat voters who used their second preference did not give it to Labour (David Cowling's analysis, reported "
            + "by PoliticalBetting, 27 June 2022). Set your own rates below.";

    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(1[89][0-9]{2}|2[0-9]{3})(?![0-9])");

    private final ElectionRepository elections;
    private final PublishedPacts publishedPacts;
    private final PublicElectionService publicElection;

    WhatIfService(ElectionRepository elections, PublishedPacts publishedPacts, PublicElectionService publicElection) {
        this.elections = elections;
        this.publishedPacts = publishedPacts;
        this.publicElection = publicElection;
    }

    /** An imported election, as a reader chooses it. */
    public record ElectionChoice(long id, String code, String name, OffsetDateTime importedAt) {
    }

    /** One election's totals under the reader's rates; {@code pactSeats} counts the election's seats that published pacts cover. */
    public record Answer(ElectionChoice election, Alliance alliance, TransferRates rates, WhatIfSeats.Totals totals, int seats, int pactSeats) {
    }

    /** One election in the table across elections: how many more seats the alliance wins with the default and with full transfers. */
    public record AcrossElections(ElectionChoice election, int seats, int allianceAsCast, int moreWithDefaults, int moreWithFullTransfers) {
    }

    /** The alliance of the admin's published setting, or DESIGN.md's standard one while none is chosen. */
    public Alliance alliance() {
        return publicElection.current().map(PublicElection::alliance).orElseGet(Alliance::standard);
    }

    /** The defaults shown on the page: {@link #DEFAULT_PERCENT} for every pair that can meet. */
    public TransferRates defaultRates() {
        return TransferRates.uniform(alliance(), DEFAULT_PERCENT);
    }

    /** Every imported election, newest first: by the year in its code or name, then the newest import. */
    @Transactional(readOnly = true)
    public List<ElectionChoice> elections() {
        return elections.all().stream().map(WhatIfService::choice)
                .sorted(Comparator.comparingInt(WhatIfService::year).reversed())
                .toList();
    }

    /**
     * The totals for the election with this code (any case), or for the newest when {@code code} is empty; empty when
     * no such election is imported.
     */
    @Transactional(readOnly = true)
    public Optional<Answer> whatIf(Optional<String> code, TransferRates rates) {
        List<ElectionChoice> imported = elections();
        Optional<ElectionChoice> chosen = code.isEmpty() ? published(imported).or(() -> imported.stream().findFirst())
                : imported.stream().filter(e -> e.code().equalsIgnoreCase(code.get().strip())).findFirst();
        return chosen.map(election -> {
            List<ConstituencyResult> results = elections.results(election.id(), null);
            Set<String> published = publishedPacts.bySeat().keySet();
            int covered = (int) results.stream().filter(r -> published.contains(r.onsId())).count();
            Alliance alliance = alliance();
            return new Answer(election, alliance, rates, WhatIfSeats.totals(results, alliance, rates, published), results.size(), covered);
        });
    }

    /** The election of the admin's published setting, when one is chosen. */
    private Optional<ElectionChoice> published(List<ElectionChoice> imported) {
        return publicElection.current().flatMap(setting -> imported.stream().filter(e -> e.id() == setting.electionId()).findFirst());
    }

    /** Every imported election, newest first, with how many more seats the alliance would have won. */
    @Transactional(readOnly = true)
    public List<AcrossElections> acrossElections() {
        Alliance alliance = alliance();
        TransferRates defaults = defaultRates();
        TransferRates full = TransferRates.uniform(alliance, 100);
        return elections().stream().map(election -> {
            List<ConstituencyResult> results = elections.results(election.id(), null);
            WhatIfSeats.Totals withDefaults = WhatIfSeats.totals(results, alliance, defaults, Set.of());
            WhatIfSeats.Totals withFull = WhatIfSeats.totals(results, alliance, full, Set.of());
            return new AcrossElections(election, results.size(), withDefaults.allianceAsCast(), withDefaults.allianceGainEverywhere(),
                    withFull.allianceGainEverywhere());
        }).toList();
    }

    /**
     * Changes whenever what the page shows may have: an election imported or replaced, anything published. Cheap, so a
     * page kept in memory can be checked against it often (how another instance's change reaches this one).
     */
    @Transactional(readOnly = true)
    public String version() {
        StringBuilder v = new StringBuilder("p").append(publishedPacts.version()).append("-s").append(publicElection.version());
        elections.all().forEach(e -> v.append("-e").append(e.getId()).append('@').append(e.getImportedAt().toInstant().toEpochMilli()));
        return v.toString();
    }

    private static ElectionChoice choice(ElectionRecord e) {
        return new ElectionChoice(e.getId(), e.getCode(), e.getName(), e.getImportedAt());
    }

    /** The year in the code ("GE2024") or else the name; 0 without one. Elections carry no date of their own. */
    private static int year(ElectionChoice e) {
        for (String text : List.of(e.code(), e.name())) {
            Matcher m = YEAR.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }
}
