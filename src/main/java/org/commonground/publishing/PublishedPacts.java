package org.commonground.publishing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.pact.terms.Stance;
import org.commonground.publishing.document.DocumentContent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pacts the public may see, seat by seat: only what was published, read from the frozen content of each pact's
 * current published version (a correction replaces its earlier version), never from the pact as it now stands. A pact
 * never published, or still being ratified, does not show. Anyone may read them, signed in or not.
 */
@Service
public class PublishedPacts {

    private final PublicationRepository publications;

    PublishedPacts(PublicationRepository publications) {
        this.publications = publications;
    }

    /**
     * What a party other than the candidate's does in the seat, as the published document states it.
     *
     * @param stance null when the document's words are not one of today's stances (an older wording): {@code inWords}
     *               still says it
     */
    public record PartyStance(String party, Stance stance, String inWords) {
    }

    /**
     * One published pact's terms for one seat, with where to read, download and check the document.
     *
     * @param candidate  the alliance candidate as the document names it: a party code ("LAB") or a person
     *                   ("Jane Smith (independent)")
     * @param conditions the pact's conditions, Markdown, as published
     */
    public record SeatPact(String onsCode, String constituency, String candidate, List<PartyStance> others, String title, String groupName,
                           String conditions, String slug, String fingerprint, OffsetDateTime publishedAt) {

        public SeatPact {
            others = List.copyOf(others);
        }

        public String documentHref() {
            return "/p/" + slug;
        }

        public String pdfHref() {
            return "/p/" + slug + ".pdf";
        }

        /** Where the fingerprint is checked: the verification page, filled in. */
        public String fingerprintHref() {
            return "/p/verify?fingerprint=" + fingerprint;
        }
    }

    /** The current published pacts covering the seat, oldest publication first. */
    @Transactional(readOnly = true)
    public List<SeatPact> forSeat(String onsCode) {
        if (onsCode == null || !onsCode.matches("[EWSN][0-9]{8}")) {
            return List.of();
        }
        List<SeatPact> found = new ArrayList<>();
        for (var published : publications.currentPacts(onsCode)) {
            found.addAll(seats(published.getKey(), published.getValue()).stream().filter(s -> s.onsCode().equals(onsCode)).toList());
        }
        return found;
    }

    /** Changes whenever anything is published, here or by another instance: what pages kept in memory compare. */
    @Transactional(readOnly = true)
    public String version() {
        return publications.version();
    }

    /** Every seat's current published pacts, by ONS code. */
    @Transactional(readOnly = true)
    public Map<String, List<SeatPact>> bySeat() {
        Map<String, List<SeatPact>> bySeat = new LinkedHashMap<>();
        for (var published : publications.currentPacts(null)) {
            for (SeatPact seat : seats(published.getKey(), published.getValue())) {
                bySeat.computeIfAbsent(seat.onsCode(), code -> new ArrayList<>()).add(seat);
            }
        }
        return bySeat;
    }

    private static List<SeatPact> seats(Publication p, DocumentContent content) {
        return content.terms().stream().filter(row -> row.onsCode() != null)
                .map(row -> new SeatPact(row.onsCode(), row.constituency(), row.candidate(), stances(row.others()), p.title(), p.groupName(),
                        content.body(), p.slug(), p.fingerprint(), p.publishedAt()))
                .toList();
    }

    /** "LD stands down; GRN not standing", as the document was frozen (PublishingService.pactContent writes it), read back. */
    static List<PartyStance> stances(String others) {
        List<PartyStance> stances = new ArrayList<>();
        if (others == null || others.isBlank()) {
            return stances;
        }
        for (String part : others.split("; ")) {
            int space = part.indexOf(' ');
            String party = space < 0 ? part : part.substring(0, space);
            String words = space < 0 ? "" : part.substring(space + 1);
            stances.add(new PartyStance(party, Stance.byLabel(words).orElse(null), words));
        }
        return stances;
    }
}
