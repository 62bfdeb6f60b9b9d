package org.mayorsoffice.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A kept count is used while its stamp is unchanged and counted again once it moves; off, it is counted every time. */
class KeptCountsTest {

    @Test
    void aCountIsKeptUntilItsStampMovesAndTheStampIsReadBeforeCounting() {
        KeptCounts kept = new KeptCounts(true);
        AtomicLong changes = new AtomicLong();
        AtomicInteger counted = new AtomicInteger();
        List<String> order = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            assertThat(kept.<Integer>get("breakdown", () -> {
                order.add("stamp");
                return changes.get();
            }, () -> {
                order.add("count");
                return counted.incrementAndGet();
            })).isEqualTo(1);
        }
        assertThat(order).containsExactly("stamp", "count", "stamp", "stamp");

        changes.incrementAndGet();
        assertThat(kept.<Integer>get("breakdown", changes::get, counted::incrementAndGet)).isEqualTo(2);
        assertThat(kept.<Integer>get("breakdown", changes::get, counted::incrementAndGet)).isEqualTo(2);
        assertThat(kept.<Integer>get("on-time", changes::get, counted::incrementAndGet)).isEqualTo(3);
    }

    @Test
    void offItCountsEveryTimeWithoutReadingTheStamp() {
        KeptCounts kept = new KeptCounts(false);
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger stamps = new AtomicInteger();
        kept.get("breakdown", stamps::incrementAndGet, counted::incrementAndGet);
        kept.get("breakdown", stamps::incrementAndGet, counted::incrementAndGet);
        assertThat(counted.get()).isEqualTo(2);
        assertThat(stamps.get()).isZero();
    }

    @Test
    void whenFullEverythingIsDroppedAndCountedAgain() {
        KeptCounts kept = new KeptCounts(true);
        AtomicInteger counted = new AtomicInteger();
        for (int i = 0; i <= KeptCounts.MAX_ENTRIES; i++) {
            kept.get("key " + i, () -> 0L, counted::incrementAndGet);
        }
        assertThat(counted.get()).isEqualTo(KeptCounts.MAX_ENTRIES + 1);
        kept.get("key " + KeptCounts.MAX_ENTRIES, () -> 0L, counted::incrementAndGet);
        assertThat(counted.get()).isEqualTo(KeptCounts.MAX_ENTRIES + 1);
        kept.get("key 0", () -> 0L, counted::incrementAndGet);
        assertThat(counted.get()).isEqualTo(KeptCounts.MAX_ENTRIES + 2);
    }
}
