package org.commonground.pact;

import java.util.ArrayList;
import java.util.List;

import org.commonground.pact.terms.Contradiction;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pacts say seat by seat, and where two of them contradict each other (issue 21: "a seat in two pacts that
 * contradict each other: flag it on both, and on the seat's page"). Only pacts the caller may read are compared:
 * a flag must never reveal a pact the reader could not open. Collapsed pacts bind no one and are left out.
 */
@Service
public class PactSeatService {

    /** The other pact whose terms for the seat cannot hold together with this one's, and why, in words. */
    public record Conflict(String onsCode, String constituency, long otherPactId, String otherTitle, String why) {
    }

    /** A pact covering the seat, that seat's terms in it, and the readable pacts it contradicts there. */
    public record SeatPact(PactSummary pact, SeatTerms terms, List<Conflict> conflicts) {
    }

    private final PactRepository pacts;
    private final PactGuard guard;
    private final CurrentMember currentMember;

    PactSeatService(PactRepository pacts, PactGuard guard, CurrentMember currentMember) {
        this.pacts = pacts;
        this.guard = guard;
        this.currentMember = currentMember;
    }

    /** The pacts over a constituency that the caller may read, with their terms there and any contradictions. */
    @Transactional(readOnly = true)
    public List<SeatPact> inSeat(String onsCode) {
        SignedInMember me = currentMember.require();
        List<SeatPact> result = new ArrayList<>();
        List<Covering> covering = covering(onsCode, me);
        for (Covering c : covering) {
            List<Conflict> conflicts = c.pact().state() == PactState.COLLAPSED ? List.of() : conflicts(c, covering);
            result.add(new SeatPact(c.pact(), c.seat(), conflicts));
        }
        return result;
    }

    /** The seats of a pact the caller may read where another pact the caller may read contradicts it. */
    @Transactional(readOnly = true)
    public List<Conflict> conflicts(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.readable(pactId, me);
        if (access.state() == PactState.COLLAPSED) {
            return List.of();
        }
        PactSummary self = pacts.summary(pactId).orElseThrow();
        PactTerms terms = pacts.terms(pactId, access.pact().getCurrentRevision());
        // One read of the other pacts over any of its seats, each one's terms read once: a national pact's 650 seats
        // asked one by one took seconds.
        java.util.Set<String> seats = terms.seats().stream().map(SeatTerms::onsCode).collect(java.util.stream.Collectors.toSet());
        java.util.Map<String, List<Covering>> others = new java.util.HashMap<>();
        for (PactSummary other : pacts.sharingSeats(pactId, me.id())) {
            if (other.id() == pactId || other.state() == PactState.COLLAPSED) {
                continue;
            }
            for (SeatTerms seat : pacts.terms(other.id(), other.currentRevision()).seats()) {
                if (seats.contains(seat.onsCode())) {
                    others.computeIfAbsent(seat.onsCode(), code -> new ArrayList<>()).add(new Covering(other, seat));
                }
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (SeatTerms seat : terms.seats()) {
            conflicts.addAll(conflicts(new Covering(self, seat), others.getOrDefault(seat.onsCode(), List.of())));
        }
        return conflicts;
    }

    private record Covering(PactSummary pact, SeatTerms seat) {
    }

    /** The readable pacts over the seat, each with its current terms there. */
    private List<Covering> covering(String onsCode, SignedInMember me) {
        List<Covering> covering = new ArrayList<>();
        for (PactSummary p : pacts.covering(onsCode, me.id())) {
            pacts.terms(p.id(), p.currentRevision()).seats().stream().filter(s -> s.onsCode().equals(onsCode)).findFirst()
                    .ifPresent(seat -> covering.add(new Covering(p, seat)));
        }
        return covering;
    }

    private static List<Conflict> conflicts(Covering mine, List<Covering> others) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Covering other : others) {
            if (other.pact().id() == mine.pact().id() || other.pact().state() == PactState.COLLAPSED) {
                continue;
            }
            Contradiction.between(mine.seat(), other.seat(), other.pact().title()).ifPresent(why -> conflicts.add(
                    new Conflict(mine.seat().onsCode(), mine.seat().constituency(), other.pact().id(), other.pact().title(), why)));
        }
        return conflicts;
    }
}
