package org.commonground.election;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.ConstituencyNames;
import org.commonground.election.map.HexLayout;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.jooq.tables.records.ElectionRecord;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The election and alliance behind the public seat pages: an admin chooses and publishes them (audited, dated); anyone,
 * signed in or not, reads them, and the seats and search built on them. Election results are public figures.
 */
@Service
public class PublicElectionService {

    /** The most matches a search lists: enough for "Bristol" or "North", few enough to read. */
    public static final int MAX_MATCHES = 50;

    private final PublicElectionRepository settings;
    private final ElectionRepository elections;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PublicElectionService(PublicElectionRepository settings, ElectionRepository elections, CurrentMember currentMember, AuditLog audit,
                          ApplicationEventPublisher events) {
        this.settings = settings;
        this.elections = elections;
        this.currentMember = currentMember;
        this.audit = audit;
        this.events = events;
    }

    /** Published once the choice is committed: pages showing the old setting must go. */
    public record PublicElectionChosen(long electionId) {
    }

    /**
     * A constituency found by a search.
     *
     * @param formerName the earlier name the search matched, or null when it matched the current name or the code
     */
    public record SeatMatch(String onsCode, String name, String formerName) {
    }

    /** The setting in force; empty until an admin first chooses one. Needs no sign-in. */
    @Transactional(readOnly = true)
    public Optional<PublicElection> current() {
        return settings.current();
    }

    /**
     * An admin chooses the imported election and the alliance's parties ("LAB,LD,GRN") the public pages use, and
     * publishes them at once. Each party must have a column in that election's results, so a typing slip is caught.
     */
    @Transactional
    public PublicElection choose(long electionId, String allianceParties) {
        SignedInMember admin = currentMember.requireAdmin();
        ElectionRecord election = elections.find(electionId)
                .orElseThrow(() -> new InvalidInputException("election", "Choose one of the imported elections."));
        Alliance alliance;
        try {
            alliance = Alliance.parse(allianceParties);
        } catch (IllegalArgumentException bad) {
            throw new InvalidInputException("alliance", bad.getMessage());
        }
        List<String> columns = ElectionRepository.parties(election);
        List<String> unknown = alliance.everywhere().stream().filter(p -> !columns.contains(p)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("alliance", String.join(", ", unknown) + (unknown.size() == 1 ? " has" : " have")
                    + " no votes in " + election.getCode() + "'s results; its parties are " + String.join(", ", columns) + ".");
        }
        String parties = String.join(",", alliance.everywhere());
        long id = settings.choose(electionId, parties, admin.id());
        audit.record(admin.id(), AuditAction.PUBLIC_ELECTION_CHOSEN, "election", electionId, election.getCode() + " with " + parties);
        events.publishEvent(new PublicElectionChosen(electionId));
        return settings.current().filter(p -> p.electionId() == electionId).orElseThrow(() -> new IllegalStateException("setting " + id + " not read back"));
    }

    /**
     * A constituency as the public sees it: one of the setting's election (any imported one while none is chosen);
     * empty for any other code, such as an old-boundary constituency of an earlier election. Needs no sign-in.
     */
    @Transactional(readOnly = true)
    public Optional<PublicSeat> seat(String onsCode) {
        String code = ConstituencyNames.onsCode(onsCode);
        if (code == null) {
            return Optional.empty();
        }
        Optional<PublicElection> setting = settings.current();
        ConstituencyResult result = setting.flatMap(s -> elections.results(s.electionId(), List.of(code)).stream().findFirst()).orElse(null);
        if (setting.isPresent() && result == null) {
            return Optional.empty();
        }
        return elections.constituency(code).map(place -> {
            return new PublicSeat(code, place[0], place[1], place[2], settings.formerNames(code).stream().filter(n -> !n.equals(place[0])).toList(),
                    setting.orElse(null), result, result == null ? null : SeatAnalysis.analyse(result, setting.get().alliance()));
        });
    }

    /**
     * The constituencies (of the setting's election, or every one while none is chosen) whose name, former name or ONS
     * code the search matches, forgiving case, accents, "&amp;"/"and", punctuation and spaces: exact names first, then
     * names starting with it, then the rest, each alphabetically. Needs no sign-in.
     */
    @Transactional(readOnly = true)
    public List<SeatMatch> search(String query) {
        String key = ConstituencyNames.key(query);
        if (key.isEmpty() || key.length() > 200) {
            return List.of();
        }
        Long electionId = settings.current().map(PublicElection::electionId).orElse(null);
        List<PublicElectionRepository.Name> names = settings.names(electionId);
        Map<String, String> current = names.stream().filter(n -> !n.former())
                .collect(Collectors.toMap(PublicElectionRepository.Name::onsCode, PublicElectionRepository.Name::name, (a, b) -> a));
        String code = ConstituencyNames.onsCode(query);
        Map<String, Ranked> found = new LinkedHashMap<>();
        for (PublicElectionRepository.Name n : names) {
            String name = current.get(n.onsCode());
            if (name == null || (n.former() && n.name().equals(name))) {
                continue;
            }
            String nameKey = ConstituencyNames.key(n.name());
            int rank = n.onsCode().equals(code) || nameKey.equals(key) ? 0 : nameKey.startsWith(key) ? 1 : ConstituencyNames.matches(nameKey, key) ? 2 : -1;
            if (rank >= 0) {
                rank = rank * 2 + (n.former() ? 1 : 0);
                Ranked was = found.get(n.onsCode());
                if (was == null || rank < was.rank()) {
                    found.put(n.onsCode(), new Ranked(new SeatMatch(n.onsCode(), name, n.former() ? n.name() : null), rank));
                }
            }
        }
        List<Ranked> ranked = new ArrayList<>(found.values());
        ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.match().name()));
        return ranked.stream().limit(MAX_MATCHES).map(Ranked::match).toList();
    }

    private record Ranked(SeatMatch match, int rank) {
    }

    /**
     * The public map: the hexagon layout (an admin's import, else the 2024 one shipped in the jar) and the analysis of
     * every seat of the setting's election (none while no setting is chosen). Needs no sign-in.
     */
    public record PublicMap(PublicElection setting, HexLayout layout, Optional<String> credit, Map<String, SeatVerdict> verdicts,
                            Set<String> seatsWithPages) {
    }

    @Transactional(readOnly = true)
    public PublicMap map() {
        Optional<PublicElection> setting = settings.current();
        Map<String, SeatVerdict> verdicts = new LinkedHashMap<>();
        setting.ifPresent(s -> SeatAnalysis.analyse(elections.results(s.electionId(), null), s.alliance()).forEach(v -> verdicts.put(v.onsId(), v)));
        // As seat() answers: the setting's election's constituencies, or every one known while none is chosen.
        Set<String> withPages = setting.isPresent() ? Set.copyOf(verdicts.keySet())
                : settings.names(null).stream().map(PublicElectionRepository.Name::onsCode).collect(Collectors.toSet());
        return elections.hexMap().map(imported -> new PublicMap(setting.orElse(null), imported, Optional.empty(), verdicts, withPages))
                .orElseGet(() -> new PublicMap(setting.orElse(null), BundledHexMap.layout(), Optional.of(BundledHexMap.CREDIT), verdicts, withPages));
    }

    /** Changes whenever the setting, or the results of its election, change: public pages kept in memory compare it. */
    @Transactional(readOnly = true)
    public String version() {
        return settings.version();
    }
}
