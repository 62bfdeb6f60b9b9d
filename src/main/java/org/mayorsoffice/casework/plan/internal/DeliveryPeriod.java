package org.mayorsoffice.casework.plan.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A financial year (1 April to 31 March, as councils plan) or one of its quarters: Q1 April to June, Q2 July to
 * September, Q3 October to December, Q4 January to March.
 *
 * @param year the calendar year the financial year starts in (2026 for 2026/27)
 * @param quarter 1 to 4, or 0 for the whole year
 */
public record DeliveryPeriod(int year, int quarter) {

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    public DeliveryPeriod {
        if (quarter < 0 || quarter > 4 || year < 2000 || year > 2999) {
            throw new IllegalArgumentException("no such period");
        }
    }

    /** The quarter containing {@code day}. */
    public static DeliveryPeriod quarterOf(LocalDate day) {
        int offset = (day.getMonthValue() + 8) % 12; // April -> 0 ... March -> 11
        return new DeliveryPeriod(financialYear(day), offset / 3 + 1);
    }

    /** The financial year containing {@code day}. */
    public static DeliveryPeriod yearOf(LocalDate day) {
        return new DeliveryPeriod(financialYear(day), 0);
    }

    private static int financialYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /**
     * The period named by request parameters, falling back to the quarter (or year) containing today for anything
     * missing or out of range.
     */
    public static DeliveryPeriod of(String period, Integer year, Integer quarter, LocalDate today) {
        boolean wholeYear = "year".equals(period);
        DeliveryPeriod current = wholeYear ? yearOf(today) : quarterOf(today);
        int y = year != null && year >= 2000 && year <= 2999 ? year : current.year();
        if (wholeYear) {
            return new DeliveryPeriod(y, 0);
        }
        int q = quarter != null && quarter >= 1 && quarter <= 4 ? quarter : year == null ? current.quarter() : 1;
        return new DeliveryPeriod(y, q);
    }

    public boolean wholeYear() {
        return quarter == 0;
    }

    public LocalDate from() {
        LocalDate start = LocalDate.of(year, 4, 1);
        return wholeYear() ? start : start.plusMonths(3L * (quarter - 1));
    }

    public LocalDate to() {
        return from().plusMonths(wholeYear() ? 12 : 3).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from()) && !day.isAfter(to());
    }

    /** "2026/27" */
    public String yearLabel() {
        return year + "/" + String.format("%02d", (year + 1) % 100);
    }

    /** "2026/27, quarter 3 (October to December 2026)" or "2026/27 (April 2026 to March 2027)". */
    public String label() {
        String months = from().format(DateTimeFormatter.ofPattern(from().getYear() == to().getYear() ? "MMMM" : "MMMM yyyy",
                Locale.UK)) + " to " + to().format(MONTH_YEAR);
        return wholeYear() ? yearLabel() + " (" + months + ")" : yearLabel() + ", quarter " + quarter + " (" + months + ")";
    }

    public DeliveryPeriod previous() {
        if (wholeYear()) {
            return new DeliveryPeriod(year - 1, 0);
        }
        return quarter == 1 ? new DeliveryPeriod(year - 1, 4) : new DeliveryPeriod(year, quarter - 1);
    }

    public DeliveryPeriod next() {
        if (wholeYear()) {
            return new DeliveryPeriod(year + 1, 0);
        }
        return quarter == 4 ? new DeliveryPeriod(year + 1, 1) : new DeliveryPeriod(year, quarter + 1);
    }

    /** The query string that names this period, e.g. "?period=quarter&year=2026&quarter=3". */
    public String query() {
        return wholeYear() ? "?period=year&year=" + year : "?period=quarter&year=" + year + "&quarter=" + quarter;
    }
}
