package org.commonground.election;

import java.util.List;

import org.commonground.election.results.ConstituencyResult;
import org.commonground.election.results.SeatVerdict;

/**
 * A constituency as the public seat page shows it.
 *
 * @param formerNames the names earlier imports gave it, under the same ONS code
 * @param election    the public pages' election, or null while an admin has chosen none
 * @param result      its result in that election, or null while none is chosen
 * @param verdict     the seat analysis of that result for the chosen alliance, or null with it
 */
public record PublicSeat(String onsCode, String name, String region, String country, List<String> formerNames, PublicElection election,
                         ConstituencyResult result, SeatVerdict verdict) {

    public PublicSeat {
        formerNames = List.copyOf(formerNames);
    }
}
