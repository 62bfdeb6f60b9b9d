package org.mayorsoffice.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Dashboard tables are recounted at most once a minute per key, and always when the cache is off. */
class ReportCacheTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ReportTable table(int n) {
        return new ReportTable("summary", "Summary", List.of("Measure", "Value"), List.of(1), List.of(List.of("Open", (long) n)), -1);
    }

    @Test
    void keepsATableForTheMinuteThenRecounts() {
        MovableClock clock = new MovableClock();
        ReportCache cache = new ReportCache(Duration.ofSeconds(60), clock);
        AtomicInteger counts = new AtomicInteger();
        assertThat(cache.get("head|summary", () -> table(counts.incrementAndGet())).rows().get(0).get(1)).isEqualTo(1L);
        clock.now = clock.now.plusSeconds(59);
        assertThat(cache.get("head|summary", () -> table(counts.incrementAndGet())).rows().get(0).get(1)).isEqualTo(1L);
        // Another user (or other filters) never sees this user's figures.
        assertThat(cache.get("coordinator|summary", () -> table(counts.incrementAndGet())).rows().get(0).get(1)).isEqualTo(2L);
        clock.now = clock.now.plusSeconds(2);
        assertThat(cache.get("head|summary", () -> table(counts.incrementAndGet())).rows().get(0).get(1)).isEqualTo(3L);
    }

    @Test
    void zeroSecondsMeansAlwaysRecount() {
        ReportCache cache = new ReportCache(Duration.ZERO, new MovableClock());
        AtomicInteger counts = new AtomicInteger();
        cache.get("k", () -> table(counts.incrementAndGet()));
        cache.get("k", () -> table(counts.incrementAndGet()));
        assertThat(counts).hasValue(2);
    }

    @Test
    void theBackgroundRefreshRecountsTablesBeingReadBeforeTheyAreAMinuteOldAndDropsUnreadOnes() {
        // Recounted once two thirds of the minute have passed (40 s).
        MovableClock clock = new MovableClock();
        ReportCache cache = new ReportCache(Duration.ofSeconds(60), clock);
        AtomicInteger counts = new AtomicInteger();
        cache.get("every case|summary", () -> table(counts.incrementAndGet()));
        clock.now = clock.now.plusSeconds(20);
        cache.refresh(Supplier::get); // 20 s old: left alone
        assertThat(counts).hasValue(1);
        clock.now = clock.now.plusSeconds(15);
        cache.refresh(Supplier::get); // 35 s old: still left alone
        assertThat(counts).hasValue(1);
        clock.now = clock.now.plusSeconds(10);
        cache.refresh(Supplier::get); // 45 s old: recounted in the background
        assertThat(counts).hasValue(2);
        clock.now = clock.now.plusSeconds(50);
        // 95 s after the first count, but the background count is 50 s old: served without waiting for a recount.
        assertThat(cache.get("every case|summary", () -> table(counts.incrementAndGet())).rows().get(0).get(1)).isEqualTo(2L);
        assertThat(counts).hasValue(2);

        clock.now = clock.now.plus(ReportCache.KEEP_READ).plusSeconds(1);
        cache.refresh(Supplier::get); // nobody read it for ten minutes: dropped, not recounted
        assertThat(counts).hasValue(2);
        assertThat(cache.get("every case|summary", () -> table(counts.incrementAndGet())).rows().get(0).get(1)).isEqualTo(3L);
    }

    @Test
    void aFailedBackgroundCountKeepsTheLastFiguresUntilTheyExpire() {
        MovableClock clock = new MovableClock();
        ReportCache cache = new ReportCache(Duration.ofSeconds(60), clock);
        AtomicInteger counts = new AtomicInteger();
        cache.get("k", () -> {
            if (counts.incrementAndGet() > 1) {
                throw new IllegalStateException("database gone");
            }
            return table(1);
        });
        clock.now = clock.now.plusSeconds(45);
        cache.refresh(Supplier::get);
        assertThat(cache.get("k", () -> table(99)).rows().get(0).get(1)).isEqualTo(1L);
        clock.now = clock.now.plusSeconds(20);
        assertThat(cache.get("k", () -> table(99)).rows().get(0).get(1)).isEqualTo(99L);
    }

    @Test
    void theBackgroundRefreshRunsEachRecountThroughTheGivenRunner() {
        MovableClock clock = new MovableClock();
        ReportCache cache = new ReportCache(Duration.ofSeconds(60), clock);
        AtomicInteger counts = new AtomicInteger();
        AtomicInteger run = new AtomicInteger();
        cache.get("k", () -> table(counts.incrementAndGet()));
        clock.now = clock.now.plusSeconds(45);
        cache.refresh(count -> {
            run.incrementAndGet();
            return count.get();
        });
        assertThat(run).hasValue(1);
        assertThat(cache.get("k", () -> table(99)).rows().get(0).get(1)).isEqualTo(2L);
    }
}
