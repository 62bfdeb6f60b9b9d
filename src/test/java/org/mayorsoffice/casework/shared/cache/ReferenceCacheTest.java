package org.mayorsoffice.casework.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ReferenceCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aListIsLoadedOnceAndKeptUntilItsTimeIsUp() throws Exception {
        ReferenceCache<Integer> cache = new ReferenceCache<>(loads::incrementAndGet, Duration.ofMillis(200));
        assertThat(cache.get()).isEqualTo(1);
        assertThat(cache.get()).isEqualTo(1);
        Thread.sleep(250);
        assertThat(cache.get()).as("loaded again once the time is up").isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void anEvictionForgetsTheListNowAndAgainWhenTheTransactionEnds() {
        ReferenceCache<Integer> cache = new ReferenceCache<>(loads::incrementAndGet);
        assertThat(cache.get()).isEqualTo(1);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.evict();
            assertThat(cache.get()).as("loaded again at once").isEqualTo(2);
            assertThat(cache.get()).isEqualTo(2);
            // The edit's transaction commits: a list read during the edit is not kept.
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get()).isEqualTo(3);
        assertThat(cache.get()).isEqualTo(3);
    }

    @Test
    void aListLoadedWhileItWasEvictedIsUsedOnceButNotKept() {
        ReferenceCache<Integer>[] self = new ReferenceCache[1];
        self[0] = new ReferenceCache<>(() -> {
            int n = loads.incrementAndGet();
            if (n == 1) {
                self[0].evict(); // an edit lands while the first load is reading
            }
            return n;
        });
        assertThat(self[0].get()).isEqualTo(1);
        assertThat(self[0].get()).as("the first load was not kept").isEqualTo(2);
        assertThat(self[0].get()).isEqualTo(2);
    }
}
