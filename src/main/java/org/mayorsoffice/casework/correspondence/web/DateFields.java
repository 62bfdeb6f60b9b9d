package org.mayorsoffice.casework.correspondence.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The three boxes of a GOV.UK date input. */
final class DateFields {

    private DateFields() {}

    static boolean blank(String day, String month, String year) {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /** The date, or null when the boxes do not make a real date. */
    static LocalDate parse(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NullPointerException | NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
