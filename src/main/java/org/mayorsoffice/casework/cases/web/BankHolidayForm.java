package org.mayorsoffice.casework.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar.Kind;

/** A one-off change to the bank holidays: the day (GOV.UK date input), what kind of change, and why. */
public class BankHolidayForm {

    private String dayDay;
    private String dayMonth;
    private String dayYear;

    @NotBlank(message = "Select what kind of day it is")
    private String kind;

    @NotBlank(message = "Enter a description")
    @Size(max = 200, message = "Description must be 200 characters or fewer")
    private String description;

    boolean dayIsBlank() {
        return isBlank(dayDay) && isBlank(dayMonth) && isBlank(dayYear);
    }

    /** The typed date, or null when it is not a real date with a four-digit year. */
    LocalDate day() {
        if (dayYear == null || !dayYear.strip().matches("[0-9]{4}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(dayYear.strip()), Integer.parseInt(dayMonth.strip()),
                    Integer.parseInt(dayDay.strip()));
        } catch (NumberFormatException | NullPointerException | DateTimeException e) {
            return null;
        }
    }

    /** The chosen kind, or null when none (or an unknown one) was sent. */
    Kind kindValue() {
        return Arrays.stream(Kind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getDayDay() {
        return dayDay;
    }

    public void setDayDay(String dayDay) {
        this.dayDay = dayDay;
    }

    public String getDayMonth() {
        return dayMonth;
    }

    public void setDayMonth(String dayMonth) {
        this.dayMonth = dayMonth;
    }

    public String getDayYear() {
        return dayYear;
    }

    public void setDayYear(String dayYear) {
        this.dayYear = dayYear;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
