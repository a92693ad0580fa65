package org.commonground.ballot;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open ballot pages that a ballot changed, once the change is committed, so they reload its tally. Within
 * one app instance; crossing instances (PostgreSQL NOTIFY) is issue 7's work. Listeners get only a ballot id and
 * reload through the service, so nothing a member may not see travels this way.
 */
@Component
public class BallotEvents {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();

    public Runnable listen(long ballotId, LongConsumer listener) {
        listeners.computeIfAbsent(ballotId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(ballotId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void changedAfterCommit(long ballotId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tellListeners(ballotId);
                }
            });
        } else {
            tellListeners(ballotId);
        }
    }

    private void tellListeners(long ballotId) {
        listeners.getOrDefault(ballotId, Set.of()).forEach(l -> l.accept(ballotId));
    }
}
