package org.mayorsoffice.casework.enquiries.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.enquiries.ChaseKind;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.organisation.OrganisationApi.EnquiryContact;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.calendar.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily chaser: for each open enquiry, sends what {@link ChaseSchedule} says is due today (reminder,
 * due-date chase, overdue chase, escalation copied to the senior contact), records it, writes the case
 * timeline, and tells the case's caseworker once when the enquiry becomes overdue. At most one message per
 * enquiry per day (a unique key on the enquiry and day), so running it twice sends nothing twice. Each
 * enquiry is handled in its own transaction, so one failure does not hold up the rest.
 */
@Service
public class EnquiryChaser {

    static final String ACTOR = "Enquiry chaser";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(EnquiryChaser.class);

    private record Due(long id, String reference, long caseId, long directorateId, Long serviceAreaId, String recipient,
            String toAddress, String question, LocalDate raisedOn, LocalDate dueOn, int chaseCount,
            boolean overdueNotified, Long raisedById) {}

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final OrganisationApi organisation;
    private final Outbox outbox;
    private final Notifications notifications;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate transactions;
    private final ChaseSchedule schedule;

    EnquiryChaser(JdbcClient jdbc, CaseDesk cases, OrganisationApi organisation, Outbox outbox,
            Notifications notifications, WorkingDayCalendar calendar, PlatformTransactionManager transactionManager,
            @Value("${casework.enquiries.remind-before-working-days:2}") int remindBefore,
            @Value("${casework.enquiries.chase-every-working-days:3}") int chaseEvery) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organisation = organisation;
        this.outbox = outbox;
        this.notifications = notifications;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.schedule = new ChaseSchedule(remindBefore, chaseEvery);
    }

    /** Chases everything due on {@code today}; returns how many reminders and chases were sent. */
    public int runDue(LocalDate today) {
        WorkingDays days = calendar.workingDays();
        LocalDate horizon = days.addWorkingDays(today, schedule.remindBefore());
        int sent = 0;
        long after = 0;
        while (true) {
            List<Long> ids = jdbc.sql("select id from members_enquiry where status = 'OPEN' and due_on <= ? and id > ?"
                            + " order by id limit ?")
                    .params(horizon, after, BATCH).query(Long.class).list();
            for (long id : ids) {
                try {
                    Boolean chased = transactions.execute(s -> chase(id, today, days));
                    sent += Boolean.TRUE.equals(chased) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.error("Could not chase members' enquiry {}", id, e);
                }
            }
            if (ids.size() < BATCH) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        if (sent > 0) {
            log.info("Enquiry chaser sent {} reminders and chases for {}", sent, today);
        }
        return sent;
    }

    private boolean chase(long id, LocalDate today, WorkingDays days) {
        Optional<Due> found = jdbc.sql("select id, reference, case_id, directorate_id, service_area_id, recipient,"
                        + " to_address, question, raised_on, due_on, chase_count,"
                        + " overdue_notified_at is not null as overdue_notified, raised_by_id"
                        + " from members_enquiry where id = ? and status = 'OPEN' for update")
                .param(id).query(Due.class).optional();
        if (found.isEmpty()) {
            return false;
        }
        Due e = found.get();
        CaseSummary c = cases.summaryAsSystem(e.caseId()).orElseThrow();
        if (today.isAfter(e.dueOn()) && !e.overdueNotified()) {
            notifyOverdue(e, c);
        }
        Optional<EnquiryContact> contact = organisation.enquiryContact(e.directorateId(), e.serviceAreaId());
        String senior = contact.map(EnquiryContact::seniorEmail).orElse(null);
        Optional<ChaseKind> kind = schedule.kindFor(today, e.raisedOn(), e.dueOn(), e.chaseCount(), senior != null, days);
        if (kind.isEmpty()) {
            return false;
        }
        String to = contact.map(EnquiryContact::email).orElse(e.toAddress());
        to = to == null ? e.toAddress() : to;
        String cc = kind.get() == ChaseKind.ESCALATION ? senior : null;
        List<Long> recorded = jdbc.sql("insert into enquiry_chase (enquiry_id, chase_date, kind, to_address, cc_address)"
                        + " values (?, ?, ?, ?, ?) on conflict (enquiry_id, chase_date) do nothing returning id")
                .params(id, today, kind.get().name(), to, cc).query(Long.class).list();
        if (recorded.isEmpty()) {
            return false; // already chased today
        }
        jdbc.sql("update members_enquiry set last_chased_on = ?, chase_count = chase_count + 1 where id = ?")
                .params(today, id).update();
        int overdueDays = today.isAfter(e.dueOn()) ? days.workingDaysBetween(e.dueOn(), today) : 0;
        outbox.queue(new Outbox.Email(to, cc, EnquiryMessages.chaseSubject(kind.get(), e.reference(), c.reference(), e.dueOn()),
                EnquiryMessages.chaseBody(kind.get(), e.reference(), e.recipient(), e.raisedOn(), e.dueOn(), overdueDays,
                        contact.map(EnquiryContact::seniorName).orElse(null), e.question()),
                List.of(), "enquiry:" + id));
        cases.recordAsSystem(e.caseId(), TimelineKind.ENQUIRY, ACTOR, kind.get().label() + " for members' enquiry "
                + e.reference() + " sent to " + to + (cc == null ? "" : ", copied to " + cc) + ". Response due "
                + EnquiryMessages.date(e.dueOn()) + ".");
        return true;
    }

    /** Once per enquiry: the case's caseworker (or, with none, whoever raised it) hears in-app and by email. */
    private void notifyOverdue(Due e, CaseSummary c) {
        int claimed = jdbc.sql("update members_enquiry set overdue_notified_at = now() where id = ? and overdue_notified_at is null")
                .param(e.id()).update();
        Long userId = c.allocatedToId() != null ? c.allocatedToId() : e.raisedById();
        if (claimed == 1 && userId != null) {
            notifications.notify(userId, "Members' enquiry " + e.reference() + " to " + e.recipient() + " (case "
                    + c.reference() + ") is overdue: the response was due " + EnquiryMessages.date(e.dueOn()) + ".",
                    "/enquiries/" + e.id(), true);
        }
    }
}
