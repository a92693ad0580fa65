package org.commonground.election;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.election.map.HexJsonParser;
import org.commonground.election.map.HexLayout;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.ElectionResults;
import org.commonground.election.results.ResultsCsvParser;
import org.commonground.election.results.ResultsFormatException;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.jooq.tables.records.ElectionRecord;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Election results and the constituency map: admins import them, every signed-in member reads them (they are
 * public figures) and analyses the seats for an alliance of their choosing.
 */
@Service
public class ElectionService {

    /** Larger than any results file (the 650-seat file is 115 KB), small enough to refuse junk at once. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$");

    private final ElectionRepository elections;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    ElectionService(ElectionRepository elections, CurrentMember currentMember, AuditLog audit) {
        this.elections = elections;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    public record ElectionSummary(long id, String code, String name, OffsetDateTime importedAt, int constituencies, List<String> parties) {
    }

    public record SeatReport(ElectionSummary election, List<SeatVerdict> seats) {
    }

    /** The map to draw, and the credit to show under it when it is the one shipped in the jar. */
    public record ConstituencyMap(HexLayout layout, Optional<String> credit) {
    }

    public record ConstituencyResults(String onsCode, String name, String region, String country,
                                      List<Map.Entry<ElectionSummary, ConstituencyResult>> results) {
    }

    /**
     * Imports (or replaces) an election's results from a House of Commons Library "results by constituency" CSV.
     * A bad file imports nothing and the message names the line. {@code progress} hears 0–100.
     */
    @Transactional
    public ElectionSummary importResults(String code, String name, byte[] file, IntConsumer progress) {
        SignedInMember admin = currentMember.requireAdmin();
        String c = code == null ? "" : code.strip();
        String n = name == null ? "" : name.strip();
        if (!CODE.matcher(c).matches()) {
            throw new InvalidInputException("code", "Give the election a short code of letters, digits, - or _, such as GE2024.");
        }
        if (n.isEmpty() || n.length() > 200) {
            throw new InvalidInputException("name", n.isEmpty() ? "Give the election a name, such as \"General election 2024\"." : "A name can be at most 200 characters.");
        }
        ElectionResults results;
        try {
            results = ResultsCsvParser.parse(text(file));
        } catch (ResultsFormatException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        progress.accept(20);
        int rows = results.constituencies().size();
        long id = elections.replace(c, n, results, admin.id(), written -> progress.accept(20 + 80 * written / rows));
        audit.record(admin.id(), AuditAction.ELECTION_IMPORTED, "election", id, c + ": " + rows + " constituencies");
        return summary(elections.find(id).orElseThrow());
    }

    @Transactional
    public int importHexMap(byte[] file) {
        SignedInMember admin = currentMember.requireAdmin();
        HexLayout layout;
        try {
            layout = HexJsonParser.parse(text(file));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        elections.replaceHexMap(layout, admin.id());
        audit.record(admin.id(), AuditAction.HEX_MAP_IMPORTED, "hex_map", 1L, layout.cells().size() + " hexagons, " + layout.layout());
        return layout.cells().size();
    }

    @Transactional(readOnly = true)
    public List<ElectionSummary> elections() {
        currentMember.require();
        return elections.all().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public SeatReport analysis(long electionId, Alliance alliance) {
        currentMember.require();
        ElectionRecord e = elections.find(electionId).orElseThrow(() -> new InvalidInputException("election", "There is no such election."));
        return new SeatReport(summary(e), SeatAnalysis.analyse(elections.results(electionId, null), alliance));
    }

    /** The analysis of some constituencies only (the evidence beside a pact's terms). */
    @Transactional(readOnly = true)
    public List<SeatVerdict> analysis(long electionId, Collection<String> onsCodes, Alliance alliance) {
        currentMember.require();
        return SeatAnalysis.analyse(elections.results(electionId, onsCodes), alliance);
    }

    @Transactional(readOnly = true)
    public ConstituencyResults constituency(String onsCode) {
        currentMember.require();
        String[] place = elections.constituency(onsCode == null ? "" : onsCode)
                .orElseThrow(() -> new InvalidInputException("constituency", "There is no constituency with the code " + onsCode + "."));
        var results = elections.resultsOf(onsCode).stream()
                .map(e -> Map.entry(summary(e.getKey()), e.getValue())).toList();
        return new ConstituencyResults(onsCode, place[0], place[1], place[2], results);
    }

    /** The map an admin imported, or else the 2024 layout shipped in the jar: there is always a map. */
    @Transactional(readOnly = true)
    public ConstituencyMap hexMap() {
        currentMember.require();
        return elections.hexMap().map(imported -> new ConstituencyMap(imported, Optional.empty()))
                .orElseGet(() -> new ConstituencyMap(BundledHexMap.layout(), Optional.of(BundledHexMap.CREDIT)));
    }

    private ElectionSummary summary(ElectionRecord e) {
        return new ElectionSummary(e.getId(), e.getCode(), e.getName(), e.getImportedAt(), elections.resultCount(e.getId()),
                ElectionRepository.parties(e));
    }

    private static String text(byte[] file) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "Choose a file to import.");
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "The file is larger than 10 MB; results and map files are far smaller. Is it the right file?");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "The file is not UTF-8 text. Save the spreadsheet as \"CSV UTF-8\" and try again.");
        }
    }
}
