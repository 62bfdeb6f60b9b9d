package org.mayorsoffice.casework.enquiries.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.organisation.OrganisationApi.EnquiryContact;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising a members' enquiry from a case, recording the directorate's response and withdrawing it. Each
 * change writes the case timeline, moves the case along its lifecycle, queues its email in the same
 * transaction and is audited.
 */
@Service
@Transactional(readOnly = true)
public class EnquiryService {

    static final int MAX_QUESTION = 10000;
    static final int MAX_RESPONSE = 20000;
    static final int MAX_REASON = 2000;
    private static final Pattern KEY = Pattern.compile("^([0-9]{1,18})(?::([0-9]{1,18}))?$");

    /** What a caseworker asks, and of whom: {@link EnquiryContact#key()} of a directorate or service area. */
    public record RaiseEnquiry(String recipient, String question) {}

    public record Raised(long id, String reference, String recipient, LocalDate dueOn) {}

    private record Stored(long id, String reference, long caseId, String recipient, String toAddress, LocalDate raisedOn,
            LocalDate dueOn, String status) {}

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final OrganisationApi organisation;
    private final Outbox outbox;
    private final WorkingDayCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EnquiryService(JdbcClient jdbc, CaseDesk cases, OrganisationApi organisation, Outbox outbox,
            WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.organisation = organisation;
        this.outbox = outbox;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** The case the user may see, or 404. */
    public CaseSummary visibleCase(long caseId, CurrentUser user) {
        return cases.summary(caseId, user).orElseThrow(() -> new NotFoundException("Case"));
    }

    /** The directorate or service area a form value names, if it is in the directory and active. */
    public Optional<EnquiryContact> contact(String key) {
        Matcher m = key == null ? null : KEY.matcher(key.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return organisation.enquiryContact(Long.parseLong(m.group(1)), m.group(2) == null ? null : Long.parseLong(m.group(2)));
    }

    /** Every problem with what was typed on the raise form, in page order. */
    public List<RuleViolationException> problems(RaiseEnquiry command) {
        List<RuleViolationException> problems = new ArrayList<>();
        Optional<EnquiryContact> contact = contact(command.recipient());
        if (contact.isEmpty()) {
            problems.add(new RuleViolationException("recipient", "Select the directorate or service area the enquiry is for"));
        } else if (contact.get().email() == null) {
            problems.add(new RuleViolationException("recipient", contact.get().label()
                    + " has no enquiry email address: ask an administrator to add one, or choose another team"));
        }
        String question = command.question() == null ? "" : command.question().strip();
        if (question.isEmpty()) {
            problems.add(new RuleViolationException("question", "Enter the question for the directorate"));
        } else if (question.length() > MAX_QUESTION) {
            problems.add(new RuleViolationException("question", "The question must be " + MAX_QUESTION + " characters or fewer"));
        }
        return problems;
    }

    /** Raises the enquiry today. */
    @Transactional
    public Raised raise(long caseId, RaiseEnquiry command, CurrentUser user) {
        return raiseOn(caseId, command, LocalDate.now(clock), user);
    }

    /** Raises the enquiry as if on {@code raisedOn}: its due date is the response target in working days after it. */
    @Transactional
    public Raised raiseOn(long caseId, RaiseEnquiry command, LocalDate raisedOn, CurrentUser user) {
        CaseSummary c = visibleCase(caseId, user);
        List<RuleViolationException> problems = problems(command);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        if (!c.status().isOpen()) {
            throw new RuleViolationException(null, "Case " + c.reference() + " is closed: reopen it before raising an enquiry");
        }
        EnquiryContact contact = contact(command.recipient()).orElseThrow();
        String question = command.question().strip();
        String reference = nextReference(raisedOn.getYear());
        LocalDate dueOn = calendar.addWorkingDays(raisedOn, contact.targetDays());
        long id = jdbc.sql("insert into members_enquiry (reference, case_id, directorate_id, service_area_id, recipient,"
                        + " to_address, question, target_days, raised_on, due_on, raised_by, raised_by_id)"
                        + " values (:reference, :caseId, :directorate, :area, :recipient, :to, :question, :target, :raised,"
                        + " :due, :by, :byId) returning id")
                .param("reference", reference).param("caseId", caseId).param("directorate", contact.directorateId())
                .param("area", contact.serviceAreaId(), java.sql.Types.BIGINT).param("recipient", contact.label())
                .param("to", contact.email()).param("question", question).param("target", contact.targetDays())
                .param("raised", raisedOn).param("due", dueOn).param("by", user.getUsername())
                .param("byId", user.id() > 0 ? user.id() : null, java.sql.Types.BIGINT)
                .query(Long.class).single();
        outbox.queue(new Outbox.Email(contact.email(), null, EnquiryMessages.subject(reference, c.reference()),
                EnquiryMessages.raisedBody(reference, c.reference(), c.member() == null ? "the Mayor's Office" : c.member(),
                        contact.label(), question, dueOn, contact.targetDays(), user.displayName()),
                List.of(), "enquiry:" + id));
        cases.record(caseId, TimelineKind.ENQUIRY, "Members' enquiry " + reference + " sent to " + contact.label() + " ("
                + contact.email() + "). Response due " + EnquiryMessages.date(dueOn) + ".\n\n" + question, false, user);
        cases.advance(caseId, CaseStatus.AWAITING_DIRECTORATE, "Awaiting the response to members' enquiry " + reference, user);
        events.publishEvent(AuditEntry.of(user.getUsername(), "enquiry.raised", "members_enquiry", id)
                .detail(reference + " on case " + c.reference())
                .change("recipient", null, contact.label()).change("toAddress", null, contact.email())
                .change("dueOn", null, dueOn).build());
        return new Raised(id, reference, contact.label(), dueOn);
    }

    /** A file that came with the directorate's response. */
    public record ResponseFile(String fileName, byte[] bytes) {}

    /** Records the directorate's answer received on {@code respondedOn}; the enquiry closes on time or late. */
    @Transactional
    public boolean recordResponse(long id, String response, LocalDate respondedOn, CurrentUser user) {
        return recordResponse(id, response, respondedOn, List.of(), user);
    }

    /**
     * As above, with the files that came with the response, each stored on the case (checked like any case
     * attachment); if one is refused nothing is recorded.
     */
    @Transactional
    public boolean recordResponse(long id, String response, LocalDate respondedOn, List<ResponseFile> files, CurrentUser user) {
        Stored e = openEnquiry(id, user);
        String text = response == null ? "" : response.strip();
        List<RuleViolationException> problems = new ArrayList<>();
        if (text.isEmpty()) {
            problems.add(new RuleViolationException("response", "Enter the directorate's response"));
        } else if (text.length() > MAX_RESPONSE) {
            problems.add(new RuleViolationException("response", "The response must be " + MAX_RESPONSE + " characters or fewer"));
        }
        if (respondedOn == null) {
            problems.add(new RuleViolationException("respondedOn", "Enter the date the response was received"));
        } else if (respondedOn.isBefore(e.raisedOn())) {
            problems.add(new RuleViolationException("respondedOn", "The date of the response must be on or after "
                    + EnquiryMessages.date(e.raisedOn()) + ", when the enquiry was raised"));
        } else if (respondedOn.isAfter(LocalDate.now(clock))) {
            problems.add(new RuleViolationException("respondedOn", "The date of the response must be today or in the past"));
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        boolean late = respondedOn.isAfter(e.dueOn());
        for (ResponseFile file : files) {
            cases.attach(e.caseId(), file.fileName(), file.bytes(), "Came with the response to members' enquiry " + e.reference(), user);
        }
        jdbc.sql("update members_enquiry set status = 'ANSWERED', response = ?, responded_on = ?, answered_late = ?,"
                        + " closed_at = now(), closed_by = ?, version = version + 1 where id = ?")
                .params(text, respondedOn, late, user.getUsername(), id).update();
        String timing = late ? calendar.workingDaysBetween(e.dueOn(), respondedOn) + " working days late" : "on time";
        cases.record(e.caseId(), TimelineKind.ENQUIRY, "Response to members' enquiry " + e.reference() + " from "
                + e.recipient() + ", received " + EnquiryMessages.date(respondedOn) + " (" + timing + ").\n\n" + text,
                false, user);
        moveCaseOn(e, "Response received to members' enquiry " + e.reference(), user);
        events.publishEvent(AuditEntry.of(user.getUsername(), "enquiry.answered", "members_enquiry", id)
                .detail(e.reference()).change("status", "OPEN", "ANSWERED").change("respondedOn", null, respondedOn)
                .change("answeredLate", null, late).build());
        return late;
    }

    /** Withdraws an open enquiry; the directorate is told by email that no response is needed. */
    @Transactional
    public void withdraw(long id, String reason, CurrentUser user) {
        Stored e = openEnquiry(id, user);
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new RuleViolationException("reason", "Enter why the enquiry is being withdrawn");
        }
        if (text.length() > MAX_REASON) {
            throw new RuleViolationException("reason", "The reason must be " + MAX_REASON + " characters or fewer");
        }
        jdbc.sql("update members_enquiry set status = 'WITHDRAWN', withdrawn_reason = ?, closed_at = now(), closed_by = ?,"
                        + " version = version + 1 where id = ?")
                .params(text, user.getUsername(), id).update();
        String caseReference = visibleCase(e.caseId(), user).reference();
        outbox.queue(new Outbox.Email(e.toAddress(), null, EnquiryMessages.withdrawnSubject(e.reference(), caseReference),
                EnquiryMessages.withdrawnBody(e.reference(), e.recipient(), e.raisedOn(), text), List.of(),
                "enquiry:" + id));
        cases.record(e.caseId(), TimelineKind.ENQUIRY, "Members' enquiry " + e.reference() + " to " + e.recipient()
                + " withdrawn.\n\nReason: " + text, false, user);
        moveCaseOn(e, "Members' enquiry " + e.reference() + " withdrawn", user);
        events.publishEvent(AuditEntry.of(user.getUsername(), "enquiry.withdrawn", "members_enquiry", id)
                .detail(e.reference()).change("status", "OPEN", "WITHDRAWN").change("reason", null, text).build());
    }

    /** Back to In progress once no other enquiry on the case is waiting. */
    private void moveCaseOn(Stored e, String note, CurrentUser user) {
        long stillOpen = jdbc.sql("select count(*) from members_enquiry where case_id = ? and status = 'OPEN'")
                .param(e.caseId()).query(Long.class).single();
        if (stillOpen == 0) {
            cases.advance(e.caseId(), CaseStatus.IN_PROGRESS, note, user);
        }
    }

    /** The enquiry, locked, if the user may see its case; refused when it is already closed. */
    private Stored openEnquiry(long id, CurrentUser user) {
        Stored e = jdbc.sql("select id, reference, case_id, recipient, to_address, raised_on, due_on, status"
                        + " from members_enquiry where id = ? for update")
                .param(id).query(Stored.class).optional().orElseThrow(() -> new NotFoundException("Enquiry"));
        visibleCase(e.caseId(), user);
        if (!"OPEN".equals(e.status())) {
            throw new RuleViolationException(null, "Enquiry " + e.reference() + " is already "
                    + ("ANSWERED".equals(e.status()) ? "answered" : "withdrawn") + ", so it cannot be changed");
        }
        return e;
    }

    private String nextReference(int year) {
        int number = jdbc.sql("insert into enquiry_reference_counter (year, last_value) values (?, 1)"
                        + " on conflict (year) do update set last_value = enquiry_reference_counter.last_value + 1"
                        + " returning last_value")
                .param(year).query(Integer.class).single();
        return "ME-%d-%05d".formatted(year, number);
    }
}
