package org.mayorsoffice.casework.shared.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Bank holidays are
 * {@link BankHolidayRules#standardHolidays(int)}, minus the days that were moved away
 * ({@code notHolidays}), plus the one-off extra days ({@code extraHolidays}). Immutable and pure;
 * {@link WorkingDayCalendar} builds one from the database.
 */
public final class WorkingDays {

    private final Set<LocalDate> extraHolidays;
    private final Set<LocalDate> notHolidays;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingDays(Set<LocalDate> extraHolidays, Set<LocalDate> notHolidays) {
        this.extraHolidays = Set.copyOf(extraHolidays);
        this.notHolidays = Set.copyOf(notHolidays);
    }

    /** The standing rules only, with no one-off changes. */
    public static WorkingDays standard() {
        return new WorkingDays(Set.of(), Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !BankHolidayRules.isWeekend(day) && !holidaySet(day.getYear()).contains(day);
    }

    /**
     * The date {@code n} working days after {@code start}. Counting starts on the first working day
     * after {@code start}, whatever {@code start} is: received Friday, 1 working day is Monday;
     * received Saturday, 1 working day is also Monday. {@code n = 0} returns {@code start}
     * unchanged; a negative {@code n} counts back the same way (the {@code -n}th working day before
     * {@code start}).
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        int step = n < 0 ? -1 : 1;
        LocalDate day = start;
        for (int remaining = Math.abs(n); remaining > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * How many working days {@code d} satisfy {@code from < d <= to}: for a case received on
     * {@code from} and answered on {@code to}, the working days it took. Negative (the same count
     * with the sign flipped) when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The bank holidays (weekdays off) in {@code year}, in date order. */
    public List<LocalDate> holidays(int year) {
        return List.copyOf(new TreeSet<>(holidaySet(year)));
    }

    private Set<LocalDate> holidaySet(int year) {
        return holidaysByYear.computeIfAbsent(year, this::computeHolidays);
    }

    private Set<LocalDate> computeHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>(BankHolidayRules.standardHolidays(year));
        days.removeAll(notHolidays);
        extraHolidays.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return Set.copyOf(days);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingDays that
                && extraHolidays.equals(that.extraHolidays)
                && notHolidays.equals(that.notHolidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(extraHolidays, notHolidays);
    }

    @Override
    public String toString() {
        return "WorkingDays[extraHolidays=" + new TreeSet<>(extraHolidays) + ", notHolidays="
                + new TreeSet<>(notHolidays) + "]";
    }
}
