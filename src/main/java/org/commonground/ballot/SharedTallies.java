package org.commonground.ballot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.commonground.ballot.BallotRepository.MyPart;
import org.commonground.ballot.BallotRepository.PartyCount;
import org.commonground.jooq.tables.records.BallotRecord;
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

    /**
     * An open ballot and all its votes as read at {@code heard}, a stamp of {@link LiveEvents#heard}; {@code ballot}
     * is null when there is no such ballot, and {@code named} is null for a secret one. {@code electors} holds every
     * elector's own part, even in a secret ballot: a reader is shown only their own.
     */
    record Tally(long heard, BallotRecord ballot, List<PartyCount> counts, List<NamedVote> named, Map<Long, MyPart> electors) {
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
     * The ballot and its votes, including every change heard up to the stamp {@code heard} (taken by the page when it
     * was called): the copy already read, when it is as new, otherwise read again, once, for all who ask meanwhile.
     * Read afresh, and not kept, while no page listens to the ballot, since then changes are not heard.
     */
    Tally of(long ballotId, long heard) {
        long now = events.heard("ballot", ballotId);
        if (now == 0) {
            return read(ballotId, 0);
        }
        long wanted = heard == 0 ? now : heard;
        Tally kept = read.get(ballotId);
        if (kept != null && kept.heard() >= wanted) {
            return kept;
        }
        // One read at a time per ballot: the pages waiting meanwhile take its copy instead of each reading their own.
        synchronized (reading.computeIfAbsent(ballotId, id -> new Object())) {
            kept = read.get(ballotId);
            if (kept != null && kept.heard() >= wanted) {
                return kept;
            }
            // The stamp is taken before reading, so the copy holds at least every change heard up to it.
            Tally fresh = read(ballotId, events.heard("ballot", ballotId));
            if (read.size() >= MOST) {
                read.clear();
                reading.clear();
            }
            read.put(ballotId, fresh);
            return fresh;
        }
    }

    /**
     * The ballot and its votes read after this moment, as a page loaded afresh or just voted on needs them: shared,
     * like {@link #of}, with the pages that ask for as new a copy meanwhile (a meeting's members voting or opening
     * the page together), instead of each reading its own.
     */
    Tally readAfterNow(long ballotId) {
        long now = events.heardNow("ballot", ballotId);
        return now == 0 ? read(ballotId, 0) : of(ballotId, now);
    }

    private Tally read(long ballotId, long heard) {
        BallotRecord b = ballots.find(ballotId).orElse(null);
        if (b == null) {
            return new Tally(heard, null, List.of(), null, Map.of());
        }
        return new Tally(heard, b, ballots.tally(ballotId), b.getSecret() ? null : ballots.namedVotes(ballotId), ballots.electorsVotes(ballotId));
    }
}
