package org.mayorsoffice.casework.reports.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Dashboard tables kept for a short time (a minute by default) per user and filters: figures stay current within
 * the minute and repeated views cost nothing. At most {@value #MAX_ENTRIES} tables are held; when full, expired
 * ones are dropped first and then everything (a rare, harmless recount). A zero duration switches it off.
 */
final class ReportCache {

    static final int MAX_ENTRIES = 2_000;

    private record Entry(ReportTable table, Instant expires) {}

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
        if (entry != null && entry.expires().isAfter(now)) {
            return entry.table();
        }
        ReportTable table = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !e.expires().isAfter(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(table, now.plus(ttl)));
        return table;
    }
}
