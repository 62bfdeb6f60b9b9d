package org.mayorsoffice.casework.enquiries.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.enquiries.ChaseKind;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;

/** The chase rules in working days, against the standard England and Wales calendar. */
class ChaseScheduleTest {

    private final WorkingDays days = WorkingDays.standard();
    private final ChaseSchedule schedule = new ChaseSchedule(2, 3);

    // Raised Wednesday 16 December 2026, 10 working days: due Friday 4 January 2027 (Christmas, Boxing Day
    // substitute on the 28th and New Year's Day skipped).
    private final LocalDate raised = LocalDate.of(2026, 12, 16);
    private final LocalDate due = LocalDate.of(2027, 1, 4);

    private Optional<ChaseKind> on(LocalDate day, int sentBefore) {
        return schedule.kindFor(day, raised, due, sentBefore, true, days);
    }

    @Test
    void theDueDateIsCountedInWorkingDays() {
        assertThat(days.addWorkingDays(raised, 10)).isEqualTo(due);
    }

    @Test
    void aReminderGoesTwoWorkingDaysBeforeTheDueDateSkippingBankHolidays() {
        // Two working days before Monday 4 January: Wednesday 30 December (1 January is a bank holiday).
        assertThat(on(LocalDate.of(2026, 12, 29), 0)).isEmpty();
        assertThat(on(LocalDate.of(2026, 12, 30), 0)).contains(ChaseKind.REMINDER);
        assertThat(on(LocalDate.of(2026, 12, 31), 1)).isEmpty();
        assertThat(on(LocalDate.of(2027, 1, 1), 1)).as("bank holiday").isEmpty();
    }

    @Test
    void aChaseOnTheDueDateThenEveryThreeWorkingDaysEscalatingFromTheThirdMessage() {
        assertThat(on(due, 1)).contains(ChaseKind.DUE);
        assertThat(on(LocalDate.of(2027, 1, 5), 2)).isEmpty();
        assertThat(on(LocalDate.of(2027, 1, 6), 2)).isEmpty();
        assertThat(on(LocalDate.of(2027, 1, 7), 2)).contains(ChaseKind.ESCALATION);
        assertThat(on(LocalDate.of(2027, 1, 9), 3)).as("Saturday").isEmpty();
        assertThat(on(LocalDate.of(2027, 1, 12), 3)).contains(ChaseKind.ESCALATION);
    }

    @Test
    void withoutAReminderTheSecondChaseIsNotEscalatedAndWithoutASeniorContactNothingIs() {
        assertThat(on(LocalDate.of(2027, 1, 7), 1)).contains(ChaseKind.OVERDUE);
        assertThat(schedule.kindFor(LocalDate.of(2027, 1, 12), raised, due, 5, false, days)).contains(ChaseKind.OVERDUE);
    }

    @Test
    void noReminderBeforeTheEnquiryWasRaised() {
        LocalDate raisedLate = LocalDate.of(2027, 1, 1);
        assertThat(new ChaseSchedule(5, 3).kindFor(LocalDate.of(2026, 12, 24), raisedLate, due, 0, true, days)).isEmpty();
    }
}
