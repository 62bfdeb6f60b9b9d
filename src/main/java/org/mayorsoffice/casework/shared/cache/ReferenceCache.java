package org.mayorsoffice.casework.shared.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One list of reference data (wards, case types, topics) kept in memory for a short time: the filters and forms of
 * the busiest pages offer these lists on every page view, and they change a few times a year. An edit through the
 * application forgets the list at once (and again when its transaction commits, so a page read during the edit does
 * not keep the old list); another instance of the application, or a change made outside it, is seen within
 * {@link #DEFAULT_TTL}.
 *
 * @param <T> the list (immutable: every caller gets the same one)
 */
public final class ReferenceCache<T> {

    /** How long a list is kept when nothing in this instance changed it. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private record Entry<T>(T value, long loadedAt) {}

    private final Supplier<T> loader;
    private final long ttlNanos;
    private volatile Entry<T> entry;
    /** Moves on at every eviction: a list loaded while an eviction happened is used once but not kept. */
    private final AtomicLong generation = new AtomicLong();

    public ReferenceCache(Supplier<T> loader) {
        this(loader, DEFAULT_TTL);
    }

    public ReferenceCache(Supplier<T> loader, Duration ttl) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
    }

    public T get() {
        Entry<T> current = entry;
        long now = System.nanoTime();
        if (current == null || now - current.loadedAt() >= ttlNanos) {
            long before = generation.get();
            current = new Entry<>(loader.get(), now);
            if (generation.get() == before) {
                entry = current;
            }
        }
        return current.value();
    }

    /** Forget the list now and, inside a transaction, once more after it commits. */
    public void evict() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    private void forget() {
        generation.incrementAndGet();
        entry = null;
    }
}
