package org.mayorsoffice.casework.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingDaysTest {

    /**
     * The official England and Wales bank holidays as published on GOV.UK
     * (https://www.gov.uk/bank-holidays), written out by hand.
     */
    static final Map<Integer, List<LocalDate>> OFFICIAL = Map.of(
            2020, dates("2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
                    "2020-12-25", "2020-12-28"),
            2021, dates("2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
                    "2021-12-27", "2021-12-28"),
            2022, dates("2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
                    "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"),
            2023, dates("2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
                    "2023-08-28", "2023-12-25", "2023-12-26"),
            2024, dates("2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
                    "2024-12-25", "2024-12-26"),
            2025, dates("2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
                    "2025-12-25", "2025-12-26"),
            2026, dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
                    "2026-12-25", "2026-12-28"),
            2027, dates("2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
                    "2027-12-27", "2027-12-28"));

    /** The same one-off changes that V2__bank_holidays.sql seeds. */
    static final WorkingDays SEEDED = new WorkingDays(
            Set.copyOf(dates("2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08")),
            Set.copyOf(dates("2020-05-04", "2022-05-30")));

    static Stream<Integer> officialYears() {
        return OFFICIAL.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "bank holidays {0}")
    @MethodSource("officialYears")
    void rulesPlusSeededExceptionsGiveTheOfficialList(int year) {
        assertThat(SEEDED.holidays(year)).containsExactlyElementsOf(OFFICIAL.get(year));
    }

    @ParameterizedTest(name = "working days {0}")
    @MethodSource("officialYears")
    void everyWeekdayOfTheYearIsAWorkingDayUnlessItIsOnTheOfficialList(int year) {
        List<LocalDate> official = OFFICIAL.get(year);
        int workingDays = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            boolean expected = !weekend && !official.contains(day);
            assertThat(SEEDED.isWorkingDay(day)).as("%s (%s)", day, day.getDayOfWeek()).isEqualTo(expected);
            if (expected) {
                workingDays++;
            }
        }
        assertThat(SEEDED.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
                .isEqualTo(workingDays);
    }

    @ParameterizedTest(name = "received {0} + {1} working days = {2}")
    @CsvSource({
        // over a weekend
        "2026-11-20, 1, 2026-11-23",
        "2026-11-20, 5, 2026-11-27",
        "2026-11-19, 2, 2026-11-23",
        // received at the weekend: day 1 is the Monday
        "2026-11-21, 1, 2026-11-23",
        "2026-11-22, 1, 2026-11-23",
        "2026-11-21, 20, 2026-12-18",
        // over Easter 2026 (Good Friday 3 April, Easter Monday 6 April)
        "2026-04-02, 1, 2026-04-07",
        "2026-04-02, 10, 2026-04-20",
        // received on a bank holiday
        "2026-04-06, 1, 2026-04-07",
        // over Christmas 2026 (Fri 25 and Mon 28 December) and New Year 2027
        "2026-12-23, 1, 2026-12-24",
        "2026-12-23, 2, 2026-12-29",
        "2026-12-24, 1, 2026-12-29",
        "2026-12-18, 20, 2027-01-20",
        // the seeded one-off changes count
        "2022-09-16, 1, 2022-09-20",
        "2022-06-01, 1, 2022-06-06",
        "2022-05-27, 1, 2022-05-30",
        "2020-05-01, 1, 2020-05-04",
        "2020-05-07, 1, 2020-05-11",
        "2023-05-05, 1, 2023-05-09",
        // zero returns the start, whatever day it is
        "2026-11-20, 0, 2026-11-20",
        "2026-11-21, 0, 2026-11-21",
        "2026-12-25, 0, 2026-12-25",
        // negative counts back
        "2026-04-07, -1, 2026-04-02",
        "2026-11-23, -1, 2026-11-20",
        "2026-11-21, -1, 2026-11-20"
    })
    void addWorkingDaysStartsCountingOnTheFirstWorkingDayAfterTheStart(LocalDate start, int n, LocalDate due) {
        assertThat(SEEDED.addWorkingDays(start, n)).isEqualTo(due);
    }

    @Test
    void withoutTheSeededChangesTheMovedDaysWouldBeWrong() {
        WorkingDays standardOnly = WorkingDays.standard();
        assertThat(standardOnly.isWorkingDay(LocalDate.parse("2022-09-19"))).isTrue();
        assertThat(standardOnly.isWorkingDay(LocalDate.parse("2020-05-04"))).isFalse();
        assertThat(SEEDED.isWorkingDay(LocalDate.parse("2022-09-19"))).isFalse();
        assertThat(SEEDED.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();
    }

    @ParameterizedTest(name = "working days from {0} to {1} = {2}")
    @CsvSource({
        "2026-11-20, 2026-11-20, 0",
        "2026-11-20, 2026-11-23, 1",
        "2026-11-20, 2026-11-22, 0",
        "2026-11-21, 2026-11-22, 0",
        "2026-11-21, 2026-11-23, 1",
        "2026-04-02, 2026-04-07, 1",
        "2026-04-02, 2026-04-20, 10",
        "2026-12-23, 2026-12-30, 3",
        "2026-12-18, 2027-01-20, 20",
        "2022-09-16, 2022-09-20, 1"
    })
    void workingDaysBetweenCountsDaysAfterFromUpToAndIncludingTo(LocalDate from, LocalDate to, int expected) {
        assertThat(SEEDED.workingDaysBetween(from, to)).isEqualTo(expected);
        assertThat(SEEDED.workingDaysBetween(to, from)).isEqualTo(-expected);
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDays() {
        for (LocalDate start = LocalDate.parse("2026-03-01"); start.isBefore(LocalDate.parse("2027-02-01"));
                start = start.plusDays(1)) {
            for (int n = 0; n <= 25; n++) {
                LocalDate due = SEEDED.addWorkingDays(start, n);
                assertThat(SEEDED.isWorkingDay(due) || n == 0).isTrue();
                assertThat(SEEDED.workingDaysBetween(start, due)).as("%s + %d", start, n).isEqualTo(n);
                assertThat(SEEDED.workingDaysBetween(due, start)).isEqualTo(-n);
            }
        }
    }

    @Test
    void extraHolidaysAndMovedDaysAreAppliedOnTopOfTheRules() {
        WorkingDays calendar =
                new WorkingDays(Set.of(LocalDate.parse("2031-07-15")), Set.of(LocalDate.parse("2031-05-26")));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-07-15"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-05-26"))).isTrue();
        assertThat(calendar.holidays(2031)).contains(LocalDate.parse("2031-07-15"))
                .doesNotContain(LocalDate.parse("2031-05-26"))
                .isSorted();
        // a "not a holiday" day at the weekend is still the weekend
        assertThat(new WorkingDays(Set.of(), Set.of(LocalDate.parse("2031-05-24"))).isWorkingDay(LocalDate.parse("2031-05-24")))
                .isFalse();
    }

    @Test
    void equalCalendarsAreEqual() {
        assertThat(new WorkingDays(Set.of(LocalDate.parse("2031-07-15")), Set.of()))
                .isEqualTo(new WorkingDays(Set.of(LocalDate.parse("2031-07-15")), Set.of()))
                .hasSameHashCodeAs(new WorkingDays(Set.of(LocalDate.parse("2031-07-15")), Set.of()))
                .isNotEqualTo(WorkingDays.standard());
    }

    private static List<LocalDate> dates(String... iso) {
        return Stream.of(iso).map(LocalDate::parse).toList();
    }
}
