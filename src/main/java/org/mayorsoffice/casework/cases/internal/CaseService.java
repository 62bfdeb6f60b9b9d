package org.mayorsoffice.casework.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseClosingCheck;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.internal.CaseCommands.CaseChanges;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.people.PeopleMerged;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything that changes a case: open, allocate, move through the lifecycle, notes, deadlines, actions. */
@Service
@Transactional(readOnly = true)
public class CaseService {

    private final CaseFileRepository cases;
    private final CaseTypeRepository types;
    private final PeopleApi people;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final CaseAccessAudit accessAudit;
    private final CaseReferences references;
    private final Clock clock;
    private final Notifications notifications;
    private final List<CaseClosingCheck> closingChecks;

    CaseService(CaseFileRepository cases, CaseTypeRepository types, PeopleApi people, WorkingDayCalendar calendar,
            JdbcClient jdbc, ApplicationEventPublisher events, CaseAccessAudit accessAudit, CaseReferences references,
            Clock clock, Notifications notifications, List<CaseClosingCheck> closingChecks) {
        this.notifications = notifications;
        this.closingChecks = List.copyOf(closingChecks);
        this.accessAudit = accessAudit;
        this.references = references;
        this.cases = cases;
        this.types = types;
        this.people = people;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long open(OpenCase command, CurrentUser user) {
        CaseType type = types.findById(command.caseTypeId()).filter(CaseType::isActive)
                .orElseThrow(() -> new RuleViolationException("caseTypeId", "Select the type of case"));
        LocalDate today = LocalDate.now(clock);
        if (command.receivedOn().isAfter(today)) {
            throw new RuleViolationException("receivedOn", "Date received must be today or in the past");
        }
        if (command.receivedOn().isBefore(today.minusYears(2))) {
            throw new RuleViolationException("receivedOn", "Date received must be within the last 2 years");
        }
        var personIds = new LinkedHashSet<>(command.personIds());
        for (Long personId : personIds) {
            if (people.summary(personId).isEmpty()) {
                throw new RuleViolationException("personIds", "Select the person this case is about from the directory");
            }
        }
        CaseFile file = new CaseFile(references.next(today.getYear()), type, command.channel(), command.subject().strip(),
                blankToNull(command.description()), command.receivedOn(), calendar, user.getUsername());
        file.updateDetails(command.subject().strip(), blankToNull(command.description()), command.topicId(),
                command.portfolioId(), command.wardId(), command.memberId(), command.priority(),
                command.confidentiality(), command.lawfulBasis(), command.specialCategory());
        cases.saveAndFlush(file);
        for (Long personId : personIds) {
            jdbc.sql("insert into case_person (case_id, person_id) values (?, ?)").params(file.getId(), personId).update();
        }
        if (command.confidentiality() == Confidentiality.RESTRICTED) {
            grantAccess(file.getId(), user.id(), user.getUsername());
        }
        timeline(file.getId(), user, "CREATED", "Case opened: " + type.getName() + ", received by "
                + command.channel().label().toLowerCase() + " on " + day(command.receivedOn()), false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.opened", "case", file.getId())
                .change("reference", null, file.getReference())
                .change("confidentiality", null, command.confidentiality())
                .change("lawfulBasis", null, command.lawfulBasis())
                .build());
        return file.getId();
    }

    /** Allocates (or reallocates, which needs a reason) each case to a caseworker; audited per case. */
    @Transactional
    public int allocate(List<Long> caseIds, long caseworkerId, String note, CurrentUser user) {
        if (caseIds.isEmpty()) {
            throw new RuleViolationException("caseIds", "Select at least one case to allocate");
        }
        String caseworker = jdbc.sql("select u.display_name from app_user u join user_role r on r.user_id = u.id"
                        + " where u.id = ? and u.enabled and r.role in ('CASEWORKER', 'CABINET_SUPPORT_OFFICER') limit 1")
                .param(caseworkerId).query(String.class).optional()
                .orElseThrow(() -> new RuleViolationException("caseworkerId", "Select a caseworker from the list"));
        Instant now = clock.instant();
        int count = 0;
        for (Long caseId : caseIds) {
            CaseFile file = visibleCase(caseId, user);
            if (!file.getStatus().isOpen()) {
                throw new RuleViolationException("caseIds", file.getReference() + " is closed: reopen it before allocating it");
            }
            Long previous = file.getAllocatedToId();
            if (Objects.equals(previous, caseworkerId)) {
                continue;
            }
            if (previous != null && (note == null || note.isBlank())) {
                throw new RuleViolationException("note", "Give a reason for reallocating " + file.getReference());
            }
            CaseStatus before = file.getStatus();
            file.allocateTo(caseworkerId, now);
            try {
                cases.saveAndFlush(file); // the version check, now: two coordinators allocating at once, one wins
            } catch (OptimisticLockingFailureException e) {
                throw new RuleViolationException("caseworkerId", file.getReference()
                        + " was allocated by someone else a moment ago. Check who it is allocated to now, then try again");
            }
            String body = (previous == null ? "Allocated to " : "Reallocated to ") + caseworker
                    + (note == null || note.isBlank() ? "" : ": " + note.strip());
            timeline(caseId, user, "ALLOCATION", body, false);
            if (caseworkerId != user.id()) {
                notifications.notify(caseworkerId, file.getReference() + " has been allocated to you: " + file.getSubject(),
                        "/cases/" + caseId, true);
            }
            events.publishEvent(AuditEntry.of(user.getUsername(), previous == null ? "case.allocated" : "case.reallocated", "case", caseId)
                    .change("allocatedTo", previous, caseworkerId)
                    .change("status", before, file.getStatus())
                    .detail(blankToNull(note))
                    .build());
            count++;
        }
        return count;
    }

    @Transactional
    public void changeStatus(long caseId, CaseStatus next, Outcome outcome, String note, long version, CurrentUser user) {
        CaseFile file = visibleCase(caseId, user);
        if (file.getVersion() != version) {
            throw new ConcurrentEditException("case", file.getVersion());
        }
        if (next == CaseStatus.ALLOCATED) {
            throw new RuleViolationException("status", "Use 'Allocate' to give the case to a caseworker");
        }
        CaseStatus before = file.getStatus();
        if (next == CaseStatus.CLOSED && before != CaseStatus.CLOSED) {
            refuseCloseIfHeldOpen(file, "status");
        }
        LocalDate dueBefore = file.getExternalDueOn();
        file.moveTo(next, outcome, LocalDate.now(clock), clock.instant(), calendar);
        StringBuilder body = new StringBuilder("Status changed from " + before.label() + " to " + next.label());
        if (outcome != null && next == CaseStatus.CLOSED) {
            body.append(" (outcome: ").append(outcome.label()).append(")");
        }
        if (next.pausesClock()) {
            body.append(". Deadline clock paused.");
        }
        if (!dueBefore.equals(file.getExternalDueOn())) {
            body.append(". Deadline clock restarted: response now due ").append(day(file.getExternalDueOn()));
        }
        if (note != null && !note.isBlank()) {
            body.append(" — ").append(note.strip());
        }
        timeline(caseId, user, "STATUS", body.toString(), false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.status-changed", "case", caseId)
                .change("status", before, next)
                .change("outcome", null, next == CaseStatus.CLOSED ? outcome : null)
                .change("externalDueOn", dueBefore, file.getExternalDueOn())
                .build());
    }

    /** Refuses to close the case while another module holds something open on it ({@link CaseClosingCheck}). */
    private void refuseCloseIfHeldOpen(CaseFile file, String field) {
        for (CaseClosingCheck check : closingChecks) {
            check.whyNotClose(file.getId(), file.getReference()).ifPresent(why -> {
                throw new RuleViolationException(field, why);
            });
        }
    }

    /** The same move without a version check, for bulk actions chosen from a list. */
    @Transactional
    public void changeStatus(long caseId, CaseStatus next, Outcome outcome, String note, CurrentUser user) {
        changeStatus(caseId, next, outcome, note, visibleCase(caseId, user).getVersion(), user);
    }

    @Transactional
    public void addNote(long caseId, String text, boolean internal, CurrentUser user) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException("text", "Enter the note");
        }
        if (text.length() > 10_000) {
            throw new RuleViolationException("text", "Note must be 10,000 characters or fewer");
        }
        visibleCase(caseId, user);
        timeline(caseId, user, "NOTE", text.strip(), internal);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.note-added", "case", caseId)
                .detail(internal ? "internal note" : "note").build());
    }

    @Transactional
    public void extendDeadline(long caseId, LocalDate newDue, String reason, CurrentUser user) {
        CaseFile file = visibleCase(caseId, user);
        if (newDue == null) {
            throw new RuleViolationException("newDueOn", "Enter the new response date");
        }
        if (!newDue.isAfter(file.getExternalDueOn())) {
            throw new RuleViolationException("newDueOn", "New response date must be after the current one ("
                    + day(file.getExternalDueOn()) + ")");
        }
        if (!calendar.isWorkingDay(newDue)) {
            throw new RuleViolationException("newDueOn", "New response date must be a working day");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "Give the reason for extending the deadline");
        }
        LocalDate before = file.getExternalDueOn();
        file.extendDeadline(newDue);
        timeline(caseId, user, "DEADLINE", "Response deadline extended from " + day(before) + " to " + day(newDue) + ": " + reason.strip(), false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.deadline-extended", "case", caseId)
                .change("externalDueOn", before, newDue).detail(reason.strip()).build());
    }

    @Transactional
    public void update(long caseId, CaseChanges changes, CurrentUser user) {
        CaseFile file = visibleCase(caseId, user);
        if (file.getVersion() != changes.version()) {
            throw new ConcurrentEditException("case", file.getVersion());
        }
        AuditEntry.Builder audit = AuditEntry.of(user.getUsername(), "case.updated", "case", caseId)
                .change("subject", file.getSubject(), changes.subject().strip())
                .change("description", file.getDescription(), blankToNull(changes.description()))
                .change("topicId", file.getTopicId(), changes.topicId())
                .change("portfolioId", file.getPortfolioId(), changes.portfolioId())
                .change("wardId", file.getWardId(), changes.wardId())
                .change("memberId", file.getMemberId(), changes.memberId())
                .change("priority", file.getPriority(), changes.priority())
                .change("confidentiality", file.getConfidentiality(), changes.confidentiality())
                .change("lawfulBasis", file.getLawfulBasis(), changes.lawfulBasis())
                .change("specialCategory", file.isSpecialCategory(), changes.specialCategory());
        if (changes.confidentiality() == Confidentiality.RESTRICTED && file.getConfidentiality() != Confidentiality.RESTRICTED) {
            grantAccess(caseId, user.id(), user.getUsername());
        }
        file.updateDetails(changes.subject().strip(), blankToNull(changes.description()), changes.topicId(),
                changes.portfolioId(), changes.wardId(), changes.memberId(), changes.priority(),
                changes.confidentiality(), changes.lawfulBasis(), changes.specialCategory());
        if (audit.hasChanges()) {
            events.publishEvent(audit.build());
        }
    }

    @Transactional
    public long addAction(long caseId, long assigneeId, LocalDate dueOn, String description, CurrentUser user) {
        CaseFile file = visibleCase(caseId, user);
        if (description == null || description.isBlank()) {
            throw new RuleViolationException("description", "Enter what needs to be done");
        }
        if (description.length() > 500) {
            throw new RuleViolationException("description", "Action must be 500 characters or fewer");
        }
        if (dueOn == null) {
            throw new RuleViolationException("dueOn", "Enter the date the action is due");
        }
        if (dueOn.isBefore(LocalDate.now(clock))) {
            throw new RuleViolationException("dueOn", "Date the action is due must be today or in the future");
        }
        boolean assigneeExists = jdbc.sql("select count(*) from app_user where id = ? and enabled").param(assigneeId)
                .query(Long.class).single() > 0;
        if (!assigneeExists) {
            throw new RuleViolationException("assigneeId", "Select who the action is for");
        }
        long id = jdbc.sql("insert into case_action (case_id, assignee_id, due_on, description, created_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(caseId, assigneeId, dueOn, description.strip(), user.getUsername())
                .query(Long.class).single();
        timeline(caseId, user, "ACTION", "Follow-up action due " + day(dueOn) + ": " + description.strip(), false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.action-added", "case", file.getId())
                .change("action", null, description.strip()).build());
        return id;
    }

    @Transactional
    public long completeAction(long actionId, CurrentUser user) {
        Long caseId = jdbc.sql("select case_id from case_action where id = ? and done_at is null").param(actionId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Action"));
        visibleCase(caseId, user);
        jdbc.sql("update case_action set done_at = now(), version = version + 1 where id = ?").param(actionId).update();
        timeline(caseId, user, "ACTION", "Follow-up action done", false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.action-done", "case", caseId).detail("action " + actionId).build());
        return caseId;
    }

    /** Links this case to another by reference; a duplicate is closed with a pointer to the case that carries on. */
    @Transactional
    public long link(long caseId, String reference, boolean duplicate, CurrentUser user) {
        CaseFile file = visibleCase(caseId, user);
        String wanted = reference == null ? "" : reference.strip().toUpperCase();
        if (!wanted.matches("MO-\\d{4}-\\d{5,}")) {
            throw new RuleViolationException("reference", "Enter a case reference in the format MO-2026-00042");
        }
        Long otherId = jdbc.sql("select id from casework_case where reference = ?").param(wanted).query(Long.class).optional()
                .orElseThrow(() -> new RuleViolationException("reference", "No case has the reference " + wanted));
        if (otherId == caseId) {
            throw new RuleViolationException("reference", "A case cannot be linked to itself");
        }
        try {
            visibleCase(otherId, user);
        } catch (NotFoundException e) {
            throw new RuleViolationException("reference", "No case has the reference " + wanted);
        }
        if (duplicate && file.getStatus() != CaseStatus.CLOSED) {
            refuseCloseIfHeldOpen(file, "kind"); // before the link is written, not rolled back after
        }
        int added = jdbc.sql("insert into case_link (case_id, linked_case_id, kind, created_by) values (?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(caseId, otherId, duplicate ? "DUPLICATE_OF" : "RELATED", user.getUsername()).update();
        if (added == 0) {
            throw new RuleViolationException("reference", file.getReference() + " is already linked to " + wanted);
        }
        // Never name a restricted case in another case's timeline.
        String thisCase = file.getConfidentiality() == Confidentiality.RESTRICTED ? "A restricted case" : file.getReference();
        if (duplicate) {
            CaseStatus before = file.getStatus();
            file.closeAsDuplicate(clock.instant());
            timeline(caseId, user, "LINK", "Closed as a duplicate of " + wanted, false);
            timeline(otherId, user, "LINK", thisCase + " was closed as a duplicate of this case", false);
            events.publishEvent(AuditEntry.of(user.getUsername(), "case.closed-as-duplicate", "case", caseId)
                    .change("status", before, CaseStatus.CLOSED).change("duplicateOf", null, wanted).build());
        } else {
            timeline(caseId, user, "LINK", "Linked to related case " + wanted, false);
            timeline(otherId, user, "LINK", "Linked to related case: " + thisCase, false);
            events.publishEvent(AuditEntry.of(user.getUsername(), "case.linked", "case", caseId)
                    .change("relatedCase", null, wanted).build());
        }
        return otherId;
    }

    /** Adds a tag (lower case, up to 40 characters) to the case; adding one it already has changes nothing. */
    @Transactional
    public boolean addTag(long caseId, String tag, CurrentUser user) {
        visibleCase(caseId, user);
        String clean = tag == null ? "" : tag.strip().toLowerCase().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new RuleViolationException("tag", "Enter a tag");
        }
        if (!clean.matches("[a-z0-9][a-z0-9 &'-]{0,39}")) {
            throw new RuleViolationException("tag", "Tag must be 40 characters or fewer: letters, numbers, spaces, hyphens, apostrophes and &");
        }
        int added = jdbc.sql("insert into case_tag (case_id, tag, created_by) values (?, ?, ?) on conflict do nothing")
                .params(caseId, clean, user.getUsername()).update();
        if (added > 0) {
            events.publishEvent(AuditEntry.of(user.getUsername(), "case.tagged", "case", caseId).change("tag", null, clean).build());
        }
        return added > 0;
    }

    /** Adds another person the case concerns (e.g. a partner, a landlord, an MP writing on their behalf). */
    @Transactional
    public void addPerson(long caseId, Long personId, CurrentUser user) {
        visibleCase(caseId, user);
        var person = personId == null ? java.util.Optional.<PeopleApi.PersonSummary>empty() : people.summary(personId);
        if (person.isEmpty()) {
            throw new RuleViolationException("personId", "Select the person to add from the directory");
        }
        int added = jdbc.sql("insert into case_person (case_id, person_id) values (?, ?) on conflict do nothing")
                .params(caseId, person.get().id()).update();
        if (added == 0) {
            throw new RuleViolationException("personId", person.get().displayName() + " is already on this case");
        }
        timeline(caseId, user, "NOTE", person.get().displayName() + " added to the case", false);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.person-added", "case", caseId)
                .change("person", null, person.get().id()).build());
    }

    /** Adds a staff user to a restricted case's access list (its caseworker or the head of office only). */
    @Transactional
    public void grantAccess(long caseId, Long userId, CurrentUser user) {
        CaseFile file = accessListManager(caseId, user);
        if (userId == null) {
            throw new RuleViolationException("userId", "Select who should see this case");
        }
        String name = jdbc.sql("select display_name from app_user where id = ? and enabled").param(userId)
                .query(String.class).optional()
                .orElseThrow(() -> new RuleViolationException("userId", "Select who should see this case"));
        grantAccess(caseId, userId, user.getUsername());
        timeline(caseId, user, "NOTE", name + " added to the access list", true);
        events.publishEvent(AuditEntry.of(user.getUsername(), "case.access-granted", "case", file.getId())
                .change("accessList", null, name).build());
    }

    @Transactional
    public void revokeAccess(long caseId, long userId, CurrentUser user) {
        CaseFile file = accessListManager(caseId, user);
        String name = jdbc.sql("select display_name from app_user where id = ?").param(userId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("User"));
        int removed = jdbc.sql("delete from case_access where case_id = ? and user_id = ?").params(caseId, userId).update();
        if (removed > 0) {
            timeline(caseId, user, "NOTE", name + " removed from the access list", true);
            events.publishEvent(AuditEntry.of(user.getUsername(), "case.access-revoked", "case", file.getId())
                    .change("accessList", name, null).build());
        }
    }

    private CaseFile accessListManager(long caseId, CurrentUser user) {
        CaseFile file = visibleCase(caseId, user);
        boolean allowed = user.hasRole(org.mayorsoffice.casework.identity.Role.HEAD_OF_OFFICE)
                || Objects.equals(file.getAllocatedToId(), user.id());
        if (!allowed) {
            throw new RuleViolationException("userId", "Only the case's caseworker or the head of office can change who sees it");
        }
        return file;
    }

    /** A person merged into another: their cases now concern the surviving record. */
    @EventListener
    @Transactional
    public void on(PeopleMerged merged) {
        jdbc.sql("insert into case_person (case_id, person_id) select case_id, ? from case_person where person_id = ?"
                        + " on conflict do nothing")
                .params(merged.keptId(), merged.mergedId()).update();
        jdbc.sql("delete from case_person where person_id = ?").param(merged.mergedId()).update();
    }

    /** Loads a case the user may see; anything else is "not found" and the attempt is audited. */
    CaseFile visibleCase(long caseId, CurrentUser user) {
        CaseVisibility visibility = CaseVisibility.of(user);
        boolean visible = jdbc.sql("select count(*) from casework_case c where c.id = :id and " + CaseVisibility.clause("c"))
                .param("id", caseId).params(visibility.params()).query(Long.class).single() > 0;
        if (!visible) {
            if (cases.existsById(caseId)) {
                accessAudit.record(user.getUsername(), "case.access-refused", caseId, null);
            }
            throw new NotFoundException("Case");
        }
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("Case"));
    }

    private void grantAccess(long caseId, long userId, String grantedBy) {
        jdbc.sql("insert into case_access (case_id, user_id, granted_by) values (?, ?, ?) on conflict do nothing")
                .params(caseId, userId, grantedBy).update();
    }

    /** A timeline entry written for another module through {@link CaseDeskService}. */
    void timelineEntry(long caseId, CurrentUser user, String kind, String body, boolean internal) {
        if (body == null || body.isBlank()) {
            throw new RuleViolationException("body", "Enter what happened");
        }
        timeline(caseId, user, kind, body.length() > 20_000 ? body.substring(0, 20_000) : body, internal);
    }

    private void timeline(long caseId, CurrentUser user, String kind, String body, boolean internal) {
        jdbc.sql("insert into case_event (case_id, actor, kind, internal, body) values (?, ?, ?, ?, ?)")
                .params(caseId, user.displayName(), kind, internal, body).update();
    }


    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy");

    private static String day(LocalDate date) {
        return DAY.format(date);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
