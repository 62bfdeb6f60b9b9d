package org.mayorsoffice.casework.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dashboard tables kept for a short time (a minute by default) per visibility and filters: figures are never older
 * than that and repeated views cost nothing. {@link #refresh(Function)}, run every few seconds in the background,
 * recounts each table someone has looked at in the last {@link #KEEP_READ} once it is two thirds of its lifetime old,
 * so a busy dashboard is served from figures counted in the background instead of recounting a million cases in a
 * request.
 * At most {@value #MAX_ENTRIES} tables are held; when full, expired ones are dropped first and then everything (a
 * rare, harmless recount). A zero duration switches it off.
 */
final class ReportCache {

    private static final Logger log = LoggerFactory.getLogger(ReportCache.class);

    static final int MAX_ENTRIES = 2_000;

    /** A table nobody has read for this long is no longer refreshed (and is dropped). */
    static final Duration KEEP_READ = Duration.ofMinutes(10);

    private static final class Entry {
        final ReportTable table;
        final Instant counted;
        final Supplier<ReportTable> compute;
        volatile Instant lastRead;

        Entry(ReportTable table, Instant counted, Supplier<ReportTable> compute) {
            this.table = table;
            this.counted = counted;
            this.compute = compute;
            this.lastRead = counted;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    ReportCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    ReportTable get(String key, Supplier<ReportTable> compute) {
        if (ttl.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.counted.plus(ttl).isAfter(now)) {
            entry.lastRead = now;
            return entry.table;
        }
        Entry fresh = new Entry(compute.get(), now, compute);
        put(key, fresh, now);
        return fresh.table;
    }

    /**
     * Recounts every table read in the last {@link #KEEP_READ} that is at least two thirds of its lifetime old (40 s of
     * 60: with a refresh every 10 s and a count taking a few seconds at a million cases, no figure passes a minute),
     * each through {@code recount} (which runs the count it is given), and drops the ones nobody reads. One failing
     * count is logged and left to the next request.
     */
    void refresh(Function<Supplier<ReportTable>, ReportTable> recount) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        entries.entrySet().removeIf(e -> e.getValue().lastRead.plus(KEEP_READ).isBefore(now));
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry entry = e.getValue();
            if (!entry.counted.plus(ttl.multipliedBy(2).dividedBy(3)).isAfter(now)) {
                try {
                    Entry fresh = new Entry(recount.apply(entry.compute), clock.instant(), entry.compute);
                    fresh.lastRead = entry.lastRead;
                    entries.replace(e.getKey(), entry, fresh);
                } catch (RuntimeException ex) {
                    log.warn("Could not recount dashboard table {}: {}", e.getKey(), ex.getMessage());
                }
            }
        }
    }

    private void put(String key, Entry entry, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.counted.plus(ttl).isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, entry);
    }
}
