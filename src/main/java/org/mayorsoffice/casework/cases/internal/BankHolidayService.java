package org.mayorsoffice.casework.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar.ExceptionRow;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar.Kind;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' view of the working-day calendar: the bank holidays deadlines skip, and the
 * one-off changes (extra or moved bank holidays) that {@link WorkingDayCalendar} keeps. Adding or
 * removing a change is audited here, since the calendar itself sits in the shared module.
 */
@Service
@Transactional(readOnly = true)
public class BankHolidayService {

    public static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** One bank holiday; {@code note} names an extra one added as a one-off change. */
    public record HolidayRow(String date, String note) {}

    public record HolidayYear(int year, List<HolidayRow> holidays) {}

    public record ChangeRow(long id, String date, String shortDate, String kind, String description, String addedBy) {}

    public record CalendarView(List<HolidayYear> years, List<ChangeRow> changes) {}

    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BankHolidayService(WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** This year's and next year's bank holidays, and every one-off change (latest first). */
    public CalendarView calendar() {
        List<ExceptionRow> exceptions = calendar.exceptions();
        Map<LocalDate, String> extra = exceptions.stream()
                .filter(e -> e.kind() == Kind.EXTRA_HOLIDAY)
                .collect(Collectors.toMap(ExceptionRow::day, ExceptionRow::description, (a, b) -> a));
        int thisYear = LocalDate.now(clock).getYear();
        List<HolidayYear> years = List.of(thisYear, thisYear + 1).stream()
                .map(year -> new HolidayYear(year, calendar.holidays(year).stream()
                        .map(day -> new HolidayRow(LONG_DATE.format(day), extra.get(day)))
                        .toList()))
                .toList();
        List<ChangeRow> changes = exceptions.stream()
                .map(e -> new ChangeRow(e.id(), LONG_DATE.format(e.day()), SHORT_DATE.format(e.day()), e.kind().label(),
                        e.description(), e.createdBy()))
                .toList();
        return new CalendarView(years, changes);
    }

    /** Adds a one-off change; the calendar refuses bad input with a {@code RuleViolationException} on its field. */
    @Transactional
    public long add(LocalDate day, Kind kind, String description, String actor) {
        long id = calendar.addException(day, kind, description, actor);
        events.publishEvent(AuditEntry.of(actor, "bank-holiday.added", "bank-holiday-exception", id)
                .change("day", null, day)
                .change("kind", null, kind)
                .change("description", null, description.strip())
                .build());
        return id;
    }

    /** Removes a one-off change and says which day it was, for the confirmation message. */
    @Transactional
    public String remove(long id, String actor) {
        ExceptionRow row = calendar.exceptions().stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Bank holiday exception"));
        calendar.removeException(id, actor);
        events.publishEvent(AuditEntry.of(actor, "bank-holiday.removed", "bank-holiday-exception", id)
                .change("day", row.day(), null)
                .change("kind", row.kind(), null)
                .change("description", row.description(), null)
                .build());
        return SHORT_DATE.format(row.day());
    }
}
