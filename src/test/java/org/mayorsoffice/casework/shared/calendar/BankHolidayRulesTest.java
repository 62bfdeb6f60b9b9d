package org.mayorsoffice.casework.shared.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankHolidayRulesTest {

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({
        "2019, 2019-04-21", "2020, 2020-04-12", "2021, 2021-04-04", "2022, 2022-04-17", "2023, 2023-04-09",
        "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2008, 2008-03-23",
        "2011, 2011-04-24", "2038, 2038-04-25", "2285, 2285-03-22", "2000, 2000-04-23", "1961, 1961-04-02"
    })
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertThat(BankHolidayRules.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void yearsWithoutOneOffChangesMatchTheOfficialListExactly() {
        for (int year : new int[] {2021, 2024, 2025, 2026, 2027}) {
            assertThat(sorted(BankHolidayRules.standardHolidays(year)))
                    .as("standard rules for %d", year)
                    .containsExactlyElementsOf(WorkingDaysTest.OFFICIAL.get(year));
        }
    }

    @Test
    void yearsWithOneOffChangesDifferFromTheOfficialListOnlyByTheSeededExceptions() {
        assertThat(sorted(BankHolidayRules.standardHolidays(2020))).containsExactly(
                d("2020-01-01"), d("2020-04-10"), d("2020-04-13"), d("2020-05-04"), d("2020-05-25"), d("2020-08-31"),
                d("2020-12-25"), d("2020-12-28"));
        assertThat(sorted(BankHolidayRules.standardHolidays(2022))).containsExactly(
                d("2022-01-03"), d("2022-04-15"), d("2022-04-18"), d("2022-05-02"), d("2022-05-30"), d("2022-08-29"),
                d("2022-12-26"), d("2022-12-27"));
        assertThat(sorted(BankHolidayRules.standardHolidays(2023))).containsExactly(
                d("2023-01-02"), d("2023-04-07"), d("2023-04-10"), d("2023-05-01"), d("2023-05-29"), d("2023-08-28"),
                d("2023-12-25"), d("2023-12-26"));
    }

    @ParameterizedTest(name = "{0}: Christmas observed {1} and {2}")
    @CsvSource({
        "2020, 2020-12-25, 2020-12-28", // Friday: Boxing Day (Sat) moves to Monday
        "2021, 2021-12-27, 2021-12-28", // Saturday: both move to Monday and Tuesday
        "2022, 2022-12-26, 2022-12-27", // Sunday: Boxing Day Monday, Christmas substitute Tuesday
        "2023, 2023-12-25, 2023-12-26", // Monday
        "2016, 2016-12-26, 2016-12-27", // Sunday
        "2027, 2027-12-27, 2027-12-28" // Saturday
    })
    void christmasAndBoxingDayMoveOffTheWeekend(int year, LocalDate first, LocalDate second) {
        Set<LocalDate> december = new TreeSet<>();
        BankHolidayRules.standardHolidays(year).stream()
                .filter(d -> d.getMonthValue() == 12)
                .forEach(december::add);
        assertThat(december).containsExactly(first, second);
    }

    @ParameterizedTest(name = "{0}: New Year observed {1}")
    @CsvSource({"2022, 2022-01-03", "2023, 2023-01-02", "2017, 2017-01-02", "2026, 2026-01-01", "2028, 2028-01-03"})
    void newYearsDayMovesToTheNextMondayWhenItFallsAtTheWeekend(int year, LocalDate observed) {
        assertThat(BankHolidayRules.standardHolidays(year))
                .filteredOn(d -> d.getMonthValue() == 1)
                .containsExactly(observed);
    }

    @Test
    void everyYearHasEightDistinctWeekdayHolidays() {
        for (int y = 1980; y <= 2100; y++) {
            int year = y;
            Set<LocalDate> days = BankHolidayRules.standardHolidays(year);
            assertThat(days).as("holidays in %d", year).hasSize(8);
            assertThat(days)
                    .as("holidays in %d", year)
                    .allSatisfy(d -> {
                        assertThat(d.getYear()).isEqualTo(year);
                        assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                    });
        }
    }

    private static Set<LocalDate> sorted(Set<LocalDate> days) {
        return new TreeSet<>(days);
    }

    private static LocalDate d(String iso) {
        return parse(iso);
    }
}
