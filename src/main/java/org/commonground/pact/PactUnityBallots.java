package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.ballot.UnityPacts;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
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
                access.state() == PactState.DRAFT || access.state() == PactState.NEGOTIATING, seats);
    }

    /**
     * The winner's party becomes the seat's alliance candidate's party, the party that had the candidate stands down
     * for them, and the conditions name the person chosen.
     */
    @Override
    public long proposeCandidate(long pactId, String onsCode, Winner winner, String reason) {
        if (winner.partyCode() == null) {
            // SeatTerms names a party as the candidate; a named person of no party needs the terms to say so.
            throw new InvalidInputException("ballot", winner.name() + " stands for no party, and the terms can name only a party's candidate "
                    + "for now: amend the terms by hand, naming " + winner.name() + " in the conditions.");
        }
        // The caller's right to read and amend the pact is checked by proposeAmendment, which refuses terms not current.
        PactTerms current = pacts.terms(pactId, pacts.find(pactId).orElseThrow().getCurrentRevision());
        List<SeatTerms> seats = new ArrayList<>();
        String constituency = onsCode;
        for (SeatTerms seat : current.seats()) {
            if (!seat.onsCode().equals(onsCode)) {
                seats.add(seat);
                continue;
            }
            constituency = seat.constituency();
            Map<String, Stance> stances = new LinkedHashMap<>(seat.stances());
            stances.remove(winner.partyCode());
            if (seat.candidate() != null && !seat.candidate().equals(winner.partyCode())) {
                stances.putIfAbsent(seat.candidate(), Stance.STANDS_DOWN);
            }
            seats.add(new SeatTerms(seat.onsCode(), seat.constituency(), winner.partyCode(), stances));
        }
        String line = "Unity candidate in " + constituency + ": " + winner.name() + " (" + winner.partyCode() + "), chosen by the group's ballot.";
        String conditions = current.conditions().isBlank() ? line : current.conditions().stripTrailing() + "\n\n" + line;
        return amendments.proposeAmendment(pactId, new PactTerms(seats, conditions), reason);
    }
}
