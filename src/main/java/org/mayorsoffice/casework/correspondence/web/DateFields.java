package org.mayorsoffice.casework.correspondence.web;

import java.time.LocalDate;

/** The three boxes of a GOV.UK date input. */
final class DateFields {

    private DateFields() {}

    static boolean blank(String day, String month, String year) {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /** The date, or null when the boxes do not make a real date. */
    static LocalDate parse(String day, String month, String year) {
        return org.mayorsoffice.casework.shared.web.DateInput.parse(day, month, year);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
