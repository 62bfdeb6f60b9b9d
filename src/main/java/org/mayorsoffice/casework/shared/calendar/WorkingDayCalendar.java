package org.mayorsoffice.casework.shared.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The office's working-day calendar: {@link WorkingDays} built from {@link BankHolidayRules} and
 * the {@code bank_holiday_exception} table (moved and extra bank holidays). The table is read once
 * and kept in memory; it is re-read after every change here (once the change commits) and at
 * least every {@link #MAX_AGE}, so a change made by another instance is picked up too.
 *
 * <p>The calculations are deliberately not {@code @Transactional}: they are answered from memory
 * and are called for every row of case lists, so they must not take a database connection.
 */
@Service
public class WorkingDayCalendar {

    /** What an exception row does to the standard calendar. */
    public enum Kind {
        EXTRA_HOLIDAY("Extra bank holiday"),
        NOT_A_HOLIDAY("Normal working day (bank holiday moved)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One row of the exceptions list. */
    public record ExceptionRow(
            long id, LocalDate day, Kind kind, String description, Instant createdAt, String createdBy) {}

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final int MAX_ROWS = 500;
    static final int MAX_DESCRIPTION = 200;

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(WorkingDays days, Instant loadedAt) {}

    WorkingDayCalendar(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate day) {
        return workingDays().isWorkingDay(day);
    }

    /** See {@link WorkingDays#addWorkingDays(LocalDate, int)}. */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        return workingDays().addWorkingDays(start, n);
    }

    /** See {@link WorkingDays#workingDaysBetween(LocalDate, LocalDate)}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workingDays().workingDaysBetween(from, to);
    }

    /** The bank holidays in {@code year}, in date order. */
    public List<LocalDate> holidays(int year) {
        return workingDays().holidays(year);
    }

    /** The current calendar as a pure value, for code that does many calculations at once. */
    public WorkingDays workingDays() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(clock.instant())) {
            current = load();
            snapshot = current;
        }
        return current.days();
    }

    /** The exceptions, latest day first (at most {@value #MAX_ROWS}). */
    @Transactional(readOnly = true)
    public List<ExceptionRow> exceptions() {
        return jdbc.query(
                "select id, day, kind, description, created_at, created_by from bank_holiday_exception"
                        + " order by day desc limit ?",
                WorkingDayCalendar::row,
                MAX_ROWS);
    }

    @Transactional
    public long addException(LocalDate day, Kind kind, String description, String actor) {
        Objects.requireNonNull(actor, "actor");
        if (day == null) {
            throw new RuleViolationException("day", "Enter the date");
        }
        if (kind == null) {
            throw new RuleViolationException("kind", "Select what kind of day it is");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            throw new RuleViolationException("description", "Enter a description");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw new RuleViolationException(
                    "description", "Description must be " + MAX_DESCRIPTION + " characters or fewer");
        }
        if (exists(day)) {
            throw duplicate();
        }
        boolean standardHoliday = BankHolidayRules.standardHolidays(day.getYear()).contains(day);
        if (kind == Kind.EXTRA_HOLIDAY && BankHolidayRules.isWeekend(day)) {
            throw new RuleViolationException("day", "An extra bank holiday must be on a weekday");
        }
        if (kind == Kind.EXTRA_HOLIDAY && standardHoliday) {
            throw new RuleViolationException("day", "This date is already a bank holiday");
        }
        if (kind == Kind.NOT_A_HOLIDAY && !standardHoliday) {
            throw new RuleViolationException("day", "This date is not a usual bank holiday, so it cannot be moved");
        }
        Long id;
        try {
            id = jdbc.queryForObject(
                    "insert into bank_holiday_exception (day, kind, description, created_by) values (?, ?, ?, ?)"
                            + " returning id",
                    Long.class,
                    day,
                    kind.name(),
                    text,
                    actor);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        log.info("{} added bank holiday exception {} {} ({})", actor, day, kind, text);
        reloadAfterCommit();
        return Objects.requireNonNull(id);
    }

    @Transactional
    public void removeException(long id, String actor) {
        Objects.requireNonNull(actor, "actor");
        List<ExceptionRow> removed = jdbc.query(
                "delete from bank_holiday_exception where id = ?"
                        + " returning id, day, kind, description, created_at, created_by",
                WorkingDayCalendar::row,
                id);
        if (removed.isEmpty()) {
            throw new NotFoundException("Bank holiday exception");
        }
        ExceptionRow row = removed.get(0);
        log.info("{} removed bank holiday exception {} {} ({})", actor, row.day(), row.kind(), row.description());
        reloadAfterCommit();
    }

    private boolean exists(LocalDate day) {
        Boolean found = jdbc.queryForObject(
                "select exists (select 1 from bank_holiday_exception where day = ?)", Boolean.class, day);
        return Boolean.TRUE.equals(found);
    }

    private static RuleViolationException duplicate() {
        return new RuleViolationException("day", "This date is already in the list");
    }

    private Snapshot load() {
        Set<LocalDate> extra = new HashSet<>();
        Set<LocalDate> notHolidays = new HashSet<>();
        jdbc.query("select day, kind from bank_holiday_exception", rs -> {
            LocalDate day = rs.getObject("day", LocalDate.class);
            switch (Kind.valueOf(rs.getString("kind"))) {
                case EXTRA_HOLIDAY -> extra.add(day);
                case NOT_A_HOLIDAY -> notHolidays.add(day);
            }
        });
        return new Snapshot(new WorkingDays(extra, notHolidays), clock.instant());
    }

    /** Drops the cached calendar now and again when the transaction ends, committed or not. */
    private void reloadAfterCommit() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private static ExceptionRow row(ResultSet rs, int rowNum) throws SQLException {
        return new ExceptionRow(
                rs.getLong("id"),
                rs.getObject("day", LocalDate.class),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
