package org.mayorsoffice.casework.cases.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as GOV.UK writes them: 23 November 2026. */
final class CaseDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private CaseDates() {}

    static String format(LocalDate date) {
        return date == null ? "" : FORMAT.format(date);
    }
}
