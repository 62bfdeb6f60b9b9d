package org.mayorsoffice.casework.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * The standing rules for bank holidays in England and Wales (Banking and Financial Dealings Act
 * 1971 plus the usual substitute days). One-off changes by royal proclamation (moved or extra
 * days) are not rules: they live in the {@code bank_holiday_exception} table and are applied by
 * {@link WorkingDays}. Pure: no Spring, no clock.
 */
public final class BankHolidayRules {

    private BankHolidayRules() {}

    /**
     * The days the rules make bank holidays in {@code year}, already moved off weekends: New
     * Year's Day, Good Friday, Easter Monday, early May, spring and summer bank holidays, Christmas
     * Day and Boxing Day.
     */
    public static Set<LocalDate> standardHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(nextMondayIfWeekend(LocalDate.of(year, Month.JANUARY, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.addAll(christmas(year));
        return Set.copyOf(days);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** Christmas Day and Boxing Day, each moved to the next weekday not already taken. */
    private static Set<LocalDate> christmas(int year) {
        LocalDate christmasDay = LocalDate.of(year, Month.DECEMBER, 25);
        return switch (christmasDay.getDayOfWeek()) {
            // Sat 25, Sun 26: Christmas on Mon 27, Boxing Day on Tue 28
            case SATURDAY -> Set.of(christmasDay.plusDays(2), christmasDay.plusDays(3));
            // Sun 25: Boxing Day on Mon 26, Christmas substitute on Tue 27
            case SUNDAY -> Set.of(christmasDay.plusDays(1), christmasDay.plusDays(2));
            // Fri 25: Boxing Day (Sat 26) moves to Mon 28
            case FRIDAY -> Set.of(christmasDay, christmasDay.plusDays(3));
            default -> Set.of(christmasDay, christmasDay.plusDays(1));
        };
    }

    private static LocalDate nextMondayIfWeekend(LocalDate day) {
        return isWeekend(day) ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : day;
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
