package org.commonground.ballot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.commonground.ballot.BallotRepository.PartyCount;
import org.commonground.live.LiveEvents;
import org.springframework.stereotype.Component;

/**
 * An open ballot's counts and who voted how, read once for all the pages of this instance that re-read it after the
 * same votes. With 2,000 pages open on one ballot, each vote would otherwise have every page count the votes and
 * list the 2,000 names again (bench/run-meeting). It holds the counts by choice even of a secret ballot: what a
 * reader is shown of them is decided in {@link BallotService}, by the one rule for a page loaded afresh and one
 * brought up to date.
 */
@Component
class SharedTallies {

    /** Enough for every ballot open at once on an instance; beyond it, the copies are dropped and read again. */
    private static final int MOST = 1_000;

    /** All the votes of an open ballot as read at {@code heard}, a stamp of {@link LiveEvents#heard}. */
    record Tally(long heard, List<PartyCount> counts, List<NamedVote> named) {
    }

    private final BallotRepository ballots;
    private final LiveEvents events;
    private final Map<Long, Tally> read = new ConcurrentHashMap<>();
    private final Map<Long, Object> reading = new ConcurrentHashMap<>();

    SharedTallies(BallotRepository ballots, LiveEvents events) {
        this.ballots = ballots;
        this.events = events;
    }

    /**
     * The ballot's votes, including every change heard so far: the copy already read when nothing was heard since,
     * otherwise read again, once, for all who ask meanwhile. Read afresh, and not kept, while no page listens to the
     * ballot, since then changes are not heard. {@code names}: whether the names are needed (an open, open-voting ballot).
     */
    Tally of(long ballotId, boolean names) {
        long heard = events.heard("ballot", ballotId);
        if (heard == 0) {
            return read(ballotId, 0, names);
        }
        Tally kept = read.get(ballotId);
        if (kept != null && kept.heard() == heard && (kept.named() != null || !names)) {
            return kept;
        }
        // One read at a time per ballot: the pages waiting meanwhile take its copy instead of each reading their own.
        synchronized (reading.computeIfAbsent(ballotId, id -> new Object())) {
            long now = events.heard("ballot", ballotId);
            kept = read.get(ballotId);
            if (kept != null && kept.heard() == now && (kept.named() != null || !names)) {
                return kept;
            }
            // The stamp is taken before reading: a vote heard during the read makes the next page read again.
            Tally fresh = read(ballotId, now, names);
            if (read.size() >= MOST) {
                read.clear();
                reading.clear();
            }
            read.put(ballotId, fresh);
            return fresh;
        }
    }

    private Tally read(long ballotId, long heard, boolean names) {
        return new Tally(heard, ballots.tally(ballotId), names ? ballots.namedVotes(ballotId) : null);
    }
}
