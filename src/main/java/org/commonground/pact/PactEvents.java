package org.commonground.pact;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open pact pages that a pact changed, once the change is committed, so they re-read it through the service.
 * Within one app instance; crossing instances is issue 7's work. Listeners get only the pact's id.
 */
@Component
public class PactEvents {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();

    public Runnable listen(long pactId, LongConsumer listener) {
        listeners.computeIfAbsent(pactId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(pactId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void changedAfterCommit(long pactId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tellListeners(pactId);
                }
            });
        } else {
            tellListeners(pactId);
        }
    }

    private void tellListeners(long pactId) {
        listeners.getOrDefault(pactId, Set.of()).forEach(l -> l.accept(pactId));
    }
}
