package org.mayorsoffice.casework.reports.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the dashboard counted of the cases closed before the reporting day began (nearly all of a large office's
 * history), kept while nothing it depends on has moved: its stamp (the {@code closed_case_changes} counter, which
 * every change to those cases bumps (V75), the day and the working-day calendar). Each recount then reads only the
 * open cases and those closed since, the same few thousand whatever the size of the office. At most
 * {@value #MAX_ENTRIES} counts are held (all dropped when full, a rare recount). Off, counting every time, when the
 * dashboard's cache is off.
 */
final class KeptCounts {

    static final int MAX_ENTRIES = 2_000;

    private record Kept(Object stamp, Object value) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final boolean on;

    KeptCounts(boolean on) {
        this.on = on;
    }

    /**
     * The count kept under {@code key} if it was made under an equal stamp, else {@code count}'s (kept). The stamp is
     * read before counting, so a change committed in between leaves an older stamp and the next call counts again.
     * The value must not be changed by its callers.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<Object> stamp, Supplier<T> count) {
        if (!on) {
            return count.get();
        }
        Object now = stamp.get();
        Kept entry = kept.get(key);
        if (entry != null && entry.stamp().equals(now)) {
            return (T) entry.value();
        }
        T value = count.get();
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        kept.put(key, new Kept(now, value));
        return value;
    }
}
