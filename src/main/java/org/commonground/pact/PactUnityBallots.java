package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.ballot.UnityPacts;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.springframework.stereotype.Component;

/** A pact as the unity-candidate ballots on its seats see it, and the way their winners enter its terms. */
@Component
class PactUnityBallots implements UnityPacts {

    private final PactGuard guard;
    private final PactRepository pacts;
    private final PactAmendmentService amendments;

    PactUnityBallots(PactGuard guard, PactRepository pacts, PactAmendmentService amendments) {
        this.guard = guard;
        this.pacts = pacts;
        this.amendments = amendments;
    }

    @Override
    public Pact find(long pactId, SignedInMember me, boolean lock) {
        PactGuard.Access access = lock ? guard.lockedForChange(pactId, me) : guard.readable(pactId, me);
        Map<String, String> seats = new LinkedHashMap<>();
        for (SeatTerms seat : pacts.terms(pactId, access.pact().getCurrentRevision()).seats()) {
            seats.put(seat.onsCode(), seat.constituency() == null || seat.constituency().isBlank() ? seat.onsCode() : seat.constituency());
        }
        return new Pact(pactId, access.groupId(), access.pact().getTitle(), access.convenor(),
                access.state() == PactState.DRAFT || access.state() == PactState.NEGOTIATING, seats, access.groupIds());
    }

    /**
     * The winner, by name (with their party, or none), becomes the seat's alliance candidate; a party whose candidate
     * it was before stands down for them, unless the terms already say what it does.
     */
    @Override
    public long proposeCandidate(long pactId, String onsCode, Winner winner, String reason) {
        // The caller's right to read and amend the pact is checked by proposeAmendment, which also refuses unchanged terms.
        PactTerms current = pacts.terms(pactId, pacts.find(pactId).orElseThrow().getCurrentRevision());
        Candidate person = Candidate.person(winner.name(), winner.partyCode());
        List<SeatTerms> seats = new ArrayList<>();
        for (SeatTerms seat : current.seats()) {
            if (!seat.onsCode().equals(onsCode)) {
                seats.add(seat);
                continue;
            }
            Map<String, Stance> stances = new LinkedHashMap<>(seat.stances());
            if (seat.candidate() != null) {
                seat.candidate().partyCode().filter(before -> !person.isOf(before)).ifPresent(before -> stances.putIfAbsent(before, Stance.STANDS_DOWN));
            }
            seats.add(new SeatTerms(seat.onsCode(), seat.constituency(), seat.candidate(), stances).withCandidate(person));
        }
        return amendments.proposeAmendment(pactId, new PactTerms(seats, current.conditions()), reason);
    }
}
