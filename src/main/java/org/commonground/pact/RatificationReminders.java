package org.commonground.pact;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds each party that has yet to ratify a pact as its deadline nears: two days, one day and three hours before.
 * Only the latest step due is sent (an instance that was down does not send three at once), and never a step whose
 * time came before the round of ratification opened (the parties were just told then). Each reminder is a row in
 * {@code pact_reminder} and an audit entry, written together; the row's key makes it once per round, party and step
 * however many instances sweep, and the audit entry's notice reaches the party's members after the commit.
 */
@Component
class RatificationReminders {

    private static final Logger log = LoggerFactory.getLogger(RatificationReminders.class);

    private final ByElectionRepository byElections;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RatificationReminders(ByElectionRepository byElections, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.byElections = byElections;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${commonground.pacts.reminder-interval:PT5M}")
    void sweep() {
        try {
            remindDue();
        } catch (RuntimeException e) {
            log.warn("Could not send ratification reminders just now; the next sweep tries again: {}", e.toString());
        }
    }

    /** Sends every reminder due now; returns how many parties were reminded. */
    int remindDue() {
        return remindAt(OffsetDateTime.now(clock));
    }

    /** As {@link #remindDue}, as if it were {@code now}. */
    int remindAt(OffsetDateTime now) {
        int sent = 0;
        for (ByElectionRepository.Ratifying pact : byElections.ratifyingBefore(now)) {
            Optional<ReminderStep> step = dueStep(pact, now);
            if (step.isPresent()) {
                sent += transaction.execute(status -> remind(pact, step.get()));
            }
        }
        return sent;
    }

    /** The latest step whose time has come, provided it came after the round opened. */
    static Optional<ReminderStep> dueStep(ByElectionRepository.Ratifying pact, OffsetDateTime now) {
        return Stream.of(ReminderStep.values())
                .filter(s -> !pact.ratifyBy().minus(s.before()).isAfter(now))
                .filter(s -> pact.roundOpened() == null || !pact.ratifyBy().minus(s.before()).isBefore(pact.roundOpened()))
                .min(Comparator.comparing(ReminderStep::before));
    }

    private int remind(ByElectionRepository.Ratifying pact, ReminderStep step) {
        int sent = 0;
        for (ByElectionRepository.Pending party : byElections.pending(pact.pactId(), pact.round())) {
            if (byElections.markReminded(pact.pactId(), pact.round(), party.partyId(), step)) {
                audit.record(null, AuditAction.PACT_RATIFICATION_REMINDED, "pact", pact.pactId(), party.partyCode());
                sent++;
            }
        }
        return sent;
    }
}
