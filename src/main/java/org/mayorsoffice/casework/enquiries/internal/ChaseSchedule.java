package org.mayorsoffice.casework.enquiries.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.mayorsoffice.casework.enquiries.ChaseKind;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;

/**
 * When an open enquiry is chased, counted in working days: a reminder {@code remindBefore} working days
 * before the due date (if that is after the day it was raised), a chase on the due date, then one every
 * {@code chaseEvery} working days after it. From the third message on (two have gone unanswered) the chase
 * is escalated to the senior contact. Nothing is sent on a weekend or bank holiday. Pure, so it is unit-tested.
 */
public record ChaseSchedule(int remindBefore, int chaseEvery) {

    public ChaseSchedule {
        if (remindBefore < 0 || chaseEvery < 1) {
            throw new IllegalArgumentException("remind-before must be 0 or more and chase-every 1 or more");
        }
    }

    /** Messages sent before this many are plain chases; this one and later ones are escalated. */
    static final int ESCALATE_FROM = 3;

    /**
     * What to send today, if anything.
     *
     * @param sentBefore how many reminders and chases this enquiry has had already
     * @param canEscalate whether there is a senior contact to escalate to
     */
    public Optional<ChaseKind> kindFor(LocalDate today, LocalDate raisedOn, LocalDate dueOn, int sentBefore,
            boolean canEscalate, WorkingDays days) {
        if (!days.isWorkingDay(today) || !today.isAfter(raisedOn)) {
            return Optional.empty();
        }
        ChaseKind kind;
        if (today.isBefore(dueOn)) {
            boolean reminderDay = remindBefore > 0 && today.equals(days.addWorkingDays(dueOn, -remindBefore));
            return reminderDay ? Optional.of(ChaseKind.REMINDER) : Optional.empty();
        } else if (today.equals(dueOn)) {
            kind = ChaseKind.DUE;
        } else if (days.workingDaysBetween(dueOn, today) % chaseEvery == 0) {
            kind = ChaseKind.OVERDUE;
        } else {
            return Optional.empty();
        }
        return Optional.of(sentBefore + 1 >= ESCALATE_FROM && canEscalate ? ChaseKind.ESCALATION : kind);
    }
}
