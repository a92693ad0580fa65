package org.commonground.pact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.election.ElectionRepository;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A by-election needs a pact in days: a one-seat pact started from the seat's page, with the seat's last result as
 * evidence and a time by which every party is asked to have ratified, which every reader of the pact sees and which
 * {@link RatificationReminders} reminds the parties of as it nears.
 */
@Service
public class ByElectionService {

    private final PactService pacts;
    private final ByElectionRepository byElections;
    private final PactGuard guard;
    private final ElectionRepository elections;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Clock clock;

    ByElectionService(PactService pacts, ByElectionRepository byElections, PactGuard guard, ElectionRepository elections,
                      CurrentMember currentMember, AuditLog audit, Clock clock) {
        this.pacts = pacts;
        this.byElections = byElections;
        this.guard = guard;
        this.elections = elections;
        this.currentMember = currentMember;
        this.audit = audit;
        this.clock = clock;
    }

    /** A local group the caller convenes that covers the seat: where they may start its by-election pact. */
    public record StartingGroup(long groupId, String groupName) {
    }

    /** The local groups covering the seat whose convenor the caller is (none for anyone else). */
    @Transactional(readOnly = true)
    public List<StartingGroup> groupsThatMayStart(String onsCode) {
        SignedInMember me = currentMember.require();
        return byElections.convenedGroupsCovering(onsCode, me.id()).stream().map(g -> new StartingGroup(g.groupId(), g.groupName())).toList();
    }

    /**
     * Starts a by-election pact in DRAFT for one seat of a local group the caller convenes: the seat's most recent
     * result is its evidence, and every party is asked to ratify by {@code ratifyBy}, before polling day.
     */
    @Transactional
    public long start(long groupId, String onsCode, LocalDate pollingDay, OffsetDateTime ratifyBy) {
        SignedInMember me = currentMember.require();
        ByElectionRepository.GroupForSeat group = byElections.convenedGroupsCovering(onsCode, me.id()).stream()
                .filter(g -> g.groupId() == groupId).findFirst().orElse(null);
        if (group == null) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only a convenor of a local group that covers this constituency can start a by-election pact for it.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = now.atZoneSameInstant(Dates.ZONE).toLocalDate();
        if (pollingDay == null) {
            problems.add(new FieldProblem("pollingDay", "Enter the by-election's polling day."));
        } else if (!pollingDay.isAfter(today)) {
            problems.add(new FieldProblem("pollingDay", "Polling day must be after today."));
        }
        if (ratifyBy == null) {
            problems.add(new FieldProblem("ratifyBy", "Enter the time by which every party should have ratified."));
        } else if (!ratifyBy.isAfter(now)) {
            problems.add(new FieldProblem("ratifyBy", "The deadline must be in the future."));
        } else if (pollingDay != null && !ratifyBy.isBefore(pollingDay.atStartOfDay(Dates.ZONE).toOffsetDateTime())) {
            problems.add(new FieldProblem("ratifyBy", "The deadline must come before polling day, " + Dates.day(pollingDay) + "."));
        }
        InvalidInputException.throwIfAny(problems);
        Long lastElection = elections.resultsOf(onsCode).stream().findFirst().map(e -> e.getKey().getId()).orElse(null);
        long pactId = pacts.start(groupId, group.seatName() + " by-election, " + Dates.day(pollingDay), List.of(onsCode), lastElection);
        byElections.setDeadline(pactId, pollingDay, ratifyBy);
        audit.record(me.id(), AuditAction.PACT_DEADLINE_SET, "pact", pactId,
                "By-election on " + Dates.day(pollingDay) + "; every party to ratify by " + Dates.dayAndTime(ratifyBy));
        return pactId;
    }

    /** The pact's ratification deadline and, while it is being ratified, the parties yet to ratify; empty without one. */
    @Transactional(readOnly = true)
    public Optional<RatificationDeadline> deadline(long pactId) {
        PactGuard.Access access = guard.readable(pactId, currentMember.require());
        OffsetDateTime ratifyBy = access.pact().getRatifyBy();
        if (ratifyBy == null) {
            return Optional.empty();
        }
        List<String> awaiting = access.state() != PactState.RATIFYING ? List.of()
                : byElections.pending(pactId, access.pact().getRound()).stream().map(ByElectionRepository.Pending::partyCode).toList();
        return Optional.of(new RatificationDeadline(access.pact().getPollingDay(), ratifyBy, awaiting, !ratifyBy.isAfter(OffsetDateTime.now(clock))));
    }
}
