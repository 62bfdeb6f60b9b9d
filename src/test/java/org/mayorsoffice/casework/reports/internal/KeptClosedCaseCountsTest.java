package org.mayorsoffice.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * With the dashboard's cache on, what was counted of the cases closed before today is kept (V75, {@link KeptCounts});
 * every change to one of those cases still shows at once, and nothing is counted twice or lost: reopened, closed
 * again, inserted, moved to another ward, and a restricted one's access list changed.
 */
@IntegrationTest
class KeptClosedCaseCountsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient client;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserAccountService accounts;

    @Autowired
    CaseService cases;

    ReportQueries reports;
    ReportFilters filters;
    String wardName;
    long wardId;
    long typeId;
    LocalDate today;

    @BeforeEach
    void fixture() {
        reports = new ReportQueries(client, calendar, clock, transactions, 60);
        today = reports.today();
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        typeId = jdbc.queryForObject("insert into case_type (code, name, internal_target_days, external_target_days)"
                + " values (?, ?, 7, 10) returning id", Long.class, "KEPT_" + letters, "Kept counts " + letters);
        wardName = "Kept counts ward " + UUID.randomUUID();
        wardId = jdbc.queryForObject("insert into ward (name) values (?) returning id", Long.class, wardName);
        filters = new ReportFilters();
        filters.setWardId(wardId);
        filters.setCaseTypeId(typeId);
        filters.setBy("ward");
    }

    private CurrentUser account(String username) {
        return accounts.loadUserByUsername(username);
    }

    /** A case received 40 days ago and due in 10 days: closed at {@code closedAt}, or open when that is null. */
    private long aCase(String confidentiality, OffsetDateTime closedAt) {
        String reference = "MO-2097-" + (10_000_000 + (long) (Math.random() * 89_999_999));
        boolean closed = closedAt != null;
        return jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, ward_id, priority, status, outcome,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, closed_at, created_by)
                values (?, ?, 'EMAIL', 'Kept counts fixture', ?, 'NORMAL', ?, ?, ?, 'PUBLIC_TASK', ?, ?, ?, ?, 'test')
                returning id""", Long.class, reference, typeId, wardId, closed ? "CLOSED" : "IN_PROGRESS",
                closed ? "RESOLVED" : null, confidentiality, today.minusDays(40), today.plusDays(10), today.plusDays(10),
                closedAt);
    }

    private OffsetDateTime daysAgo(int days) {
        return today.minusDays(days).atTime(12, 0).atZone(ZoneId.of("Europe/London")).toOffsetDateTime();
    }

    /** The ward's breakdown row as {@code username} sees it: cases, open, overdue, responded, within target. */
    private List<Object> ward(String username) {
        ReportTable table = reports.compute(account(username), filters, "breakdown");
        return table.rows().stream().filter(r -> wardName.equals(r.get(0))).findFirst().orElseThrow().subList(1, 6);
    }

    /** Cases first responded to in the last 12 months, summed over the on-time table's months. */
    private long responded() {
        return reports.compute(account("head"), filters, "on-time").rows().stream().mapToLong(r -> (Long) r.get(1)).sum();
    }

    private long changes() {
        return jdbc.queryForObject("select changes from closed_case_changes", Long.class);
    }

    @Test
    void everyChangeToACaseClosedBeforeTodayShowsAtOnceWithNothingCountedTwice() {
        long earlier = aCase("STANDARD", daysAgo(20));
        aCase("STANDARD", null);
        assertThat(ward("head")).containsExactly(2L, 1L, 0L, 1L, 1L);
        assertThat(responded()).isEqualTo(1);

        cases.changeStatus(earlier, CaseStatus.REOPENED, null, "The resident wrote again", account("head"));
        assertThat(ward("head")).containsExactly(2L, 2L, 0L, 0L, 0L);
        assertThat(responded()).isZero();

        long before = changes();
        cases.changeStatus(earlier, CaseStatus.CLOSED, Outcome.RESOLVED, "Answered", account("head"));
        assertThat(changes()).as("closing a case now changes no kept count").isEqualTo(before);
        assertThat(ward("head")).containsExactly(2L, 1L, 0L, 1L, 1L);
        assertThat(responded()).isEqualTo(1);

        long inserted = aCase("STANDARD", daysAgo(100));
        assertThat(ward("head")).containsExactly(3L, 1L, 0L, 2L, 2L);
        assertThat(responded()).isEqualTo(2);

        jdbc.update("update casework_case set ward_id = null where id = ?", inserted);
        assertThat(ward("head")).containsExactly(2L, 1L, 0L, 1L, 1L);
        assertThat(responded()).isEqualTo(1);
    }

    @Test
    void aRestrictedCaseClosedBeforeTodayIsCountedForWhoeverIsGivenAccessToIt() {
        long restricted = aCase("RESTRICTED", daysAgo(30));
        aCase("STANDARD", daysAgo(30));
        assertThat(ward("head")).containsExactly(2L, 0L, 0L, 2L, 2L);
        assertThat(ward("caseworker")).containsExactly(1L, 0L, 0L, 1L, 1L);

        cases.grantAccess(restricted, account("caseworker").id(), account("head"));
        assertThat(ward("caseworker")).containsExactly(2L, 0L, 0L, 2L, 2L);
    }
}
