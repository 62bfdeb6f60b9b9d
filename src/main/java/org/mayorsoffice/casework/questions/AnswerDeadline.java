package org.mayorsoffice.casework.questions;

import java.time.LocalDate;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;

/**
 * When the written answer to a meeting question is due: {@code n} working days before the meeting, counted
 * back over weekends and bank holidays (a Monday meeting with 3 working days is due the Wednesday before;
 * with a bank holiday Monday in between, a day earlier). Pure.
 */
public final class AnswerDeadline {

    private AnswerDeadline() {}

    public static LocalDate due(WorkingDays calendar, LocalDate meetingDate, int workingDaysBefore) {
        if (workingDaysBefore < 0) {
            throw new IllegalArgumentException("workingDaysBefore must not be negative");
        }
        return calendar.addWorkingDays(meetingDate, -workingDaysBefore);
    }
}
