package org.mayorsoffice.casework.shared.web;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The three boxes (day, month, year) of a GOV.UK date input, read and written as text so nothing typed is lost. */
public final class DateInput {

    private DateInput() {}

    public static boolean blank(String day, String month, String year) {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /** The date, or null when the boxes do not make a real date (years 1900 to 2999). */
    public static LocalDate parse(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1900 || y > 2999) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (RuntimeException e) {
            return null; // NumberFormatException, DateTimeException, null parts
        }
    }

    /**
     * Reads the date and puts any problem on {@code field}: "Enter {what}" when required and blank, "{What} must
     * be a real date" when it is not one. Null when blank or wrong.
     */
    public static LocalDate read(BindingResult result, String field, String day, String month, String year,
            boolean required, String what) {
        if (blank(day, month, year)) {
            if (required) {
                result.addError(new FieldError(result.getObjectName(), field, "Enter " + what));
            }
            return null;
        }
        LocalDate parsed = parse(day, month, year);
        if (parsed == null) {
            String first = Character.toUpperCase(what.charAt(0)) + what.substring(1);
            result.addError(new FieldError(result.getObjectName(), field, first + " must be a real date"));
        }
        return parsed;
    }

    /** Fills the three boxes from a date (nothing when null). */
    public static void fill(LocalDate date, Consumer<String> day, Consumer<String> month, Consumer<String> year) {
        if (date != null) {
            day.accept(String.valueOf(date.getDayOfMonth()));
            month.accept(String.valueOf(date.getMonthValue()));
            year.accept(String.valueOf(date.getYear()));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
