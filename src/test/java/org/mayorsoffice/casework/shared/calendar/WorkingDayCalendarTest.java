package org.mayorsoffice.casework.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar.ExceptionRow;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar.Kind;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class WorkingDayCalendarTest {

    /** A Tuesday far enough ahead that no real proclamation will collide with it. */
    private static final LocalDate FAR_FUTURE = LocalDate.parse("2031-07-15");

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    /** Leaves no test rows behind even when an assertion failed half way (removing also reloads the cache). */
    @AfterEach
    void removeTestRows() {
        calendar.exceptions().stream()
                .filter(row -> row.day().getYear() >= 2031)
                .forEach(row -> calendar.removeException(row.id(), "test"));
    }

    @Test
    void theSeededOneOffChangesAreLoadedFromTheDatabase() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-09-19"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2020-05-08"))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2022-09-16"), 1)).isEqualTo(LocalDate.parse("2022-09-20"));
        for (int year : WorkingDaysTest.OFFICIAL.keySet()) {
            assertThat(calendar.holidays(year)).as("bank holidays %d", year)
                    .containsExactlyElementsOf(WorkingDaysTest.OFFICIAL.get(year));
        }
        assertThat(calendar.workingDays()).isEqualTo(WorkingDaysTest.SEEDED);
        assertThat(calendar.exceptions())
                .extracting(ExceptionRow::day)
                .contains(LocalDate.parse("2023-05-08"), LocalDate.parse("2020-05-04"))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(calendar.exceptions())
                .filteredOn(row -> row.day().equals(LocalDate.parse("2022-05-30")))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.kind()).isEqualTo(Kind.NOT_A_HOLIDAY);
                    assertThat(row.createdBy()).isEqualTo("system");
                });
    }

    @Test
    void anExtraHolidayTakesEffectAtOnceAndGoesAwayWhenRemoved() {
        assertThat(calendar.isWorkingDay(FAR_FUTURE)).isTrue();
        LocalDate monday = FAR_FUTURE.minusDays(1);
        assertThat(calendar.addWorkingDays(monday, 1)).isEqualTo(FAR_FUTURE);

        long id = calendar.addException(FAR_FUTURE, Kind.EXTRA_HOLIDAY, "  Test proclamation  ", "alice");

        assertThat(calendar.isWorkingDay(FAR_FUTURE)).isFalse();
        assertThat(calendar.addWorkingDays(monday, 1)).isEqualTo(FAR_FUTURE.plusDays(1));
        assertThat(calendar.holidays(2031)).contains(FAR_FUTURE);
        assertThat(jdbc.queryForMap("select kind, description, created_by from bank_holiday_exception where id = ?", id))
                .containsEntry("kind", "EXTRA_HOLIDAY")
                .containsEntry("description", "Test proclamation")
                .containsEntry("created_by", "alice");
        assertThat(calendar.exceptions()).first().extracting(ExceptionRow::day).isEqualTo(FAR_FUTURE);

        calendar.removeException(id, "alice");

        assertThat(calendar.isWorkingDay(FAR_FUTURE)).isTrue();
        assertThat(calendar.holidays(2031)).doesNotContain(FAR_FUTURE);
        assertThat(jdbc.queryForObject("select count(*) from bank_holiday_exception where id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void aDayAlreadyInTheListIsRefused() {
        long id = calendar.addException(FAR_FUTURE, Kind.EXTRA_HOLIDAY, "First", "alice");

        assertThatThrownBy(() -> calendar.addException(FAR_FUTURE, Kind.EXTRA_HOLIDAY, "Second", "bob"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("This date is already in the list")
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("day");
        assertThatThrownBy(() -> calendar.addException(LocalDate.parse("2022-09-19"), Kind.EXTRA_HOLIDAY, "Again", "bob"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("This date is already in the list");
        assertThat(jdbc.queryForObject("select description from bank_holiday_exception where day = ?", String.class,
                FAR_FUTURE)).isEqualTo("First");

        calendar.removeException(id, "alice");
    }

    @Test
    void inputThatMakesNoSenseIsRefusedWithAMessageForTheField() {
        assertRefused(() -> calendar.addException(FAR_FUTURE, Kind.EXTRA_HOLIDAY, " ", "alice"),
                "description", "Enter a description");
        assertRefused(() -> calendar.addException(FAR_FUTURE, Kind.EXTRA_HOLIDAY, "x".repeat(201), "alice"),
                "description", "Description must be 200 characters or fewer");
        assertRefused(() -> calendar.addException(null, Kind.EXTRA_HOLIDAY, "Test", "alice"), "day", "Enter the date");
        assertRefused(() -> calendar.addException(FAR_FUTURE, null, "Test", "alice"), "kind",
                "Select what kind of day it is");
        assertRefused(() -> calendar.addException(LocalDate.parse("2031-07-19"), Kind.EXTRA_HOLIDAY, "Test", "alice"),
                "day", "An extra bank holiday must be on a weekday");
        assertRefused(() -> calendar.addException(LocalDate.parse("2031-12-25"), Kind.EXTRA_HOLIDAY, "Test", "alice"),
                "day", "This date is already a bank holiday");
        assertRefused(() -> calendar.addException(FAR_FUTURE, Kind.NOT_A_HOLIDAY, "Test", "alice"),
                "day", "This date is not a usual bank holiday, so it cannot be moved");
        assertThat(jdbc.queryForObject("select count(*) from bank_holiday_exception where day >= '2031-01-01'",
                Integer.class)).isZero();
        assertThatThrownBy(() -> calendar.removeException(-1, "alice")).isInstanceOf(NotFoundException.class);
    }

    private static void assertRefused(Runnable action, String field, String message) {
        assertThatThrownBy(action::run)
                .isInstanceOf(RuleViolationException.class)
                .hasMessage(message)
                .extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo(field);
    }
}
