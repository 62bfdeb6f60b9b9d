package org.mayorsoffice.casework.diary.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.RequirementKind;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps members' diaries: adds and changes engagements, their requirements, people, notes and actions.
 * When a confirmed engagement is added, moved or cancelled, the member and the office attendees are
 * told at once (in the app and by email, through the outbox, in the same transaction).
 */
@Service
@Transactional(readOnly = true)
public class DiaryService {

    private final JdbcClient jdbc;
    private final DiaryDirectory directory;
    private final Notifications notifications;
    private final PeopleApi people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DiaryService(JdbcClient jdbc, DiaryDirectory directory, Notifications notifications, PeopleApi people,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.notifications = notifications;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** What a change notice compares. */
    record Snapshot(long memberId, String title, Instant start, Instant end, String location, EngagementStatus status,
            Set<Long> officeAttendees) {}

    @Transactional
    public long create(EngagementCommand command, CurrentUser user) {
        requireKeeper(user);
        Checked c = check(command);
        long id = jdbc.sql("""
                        insert into engagement (member_id, title, kind, starts_at, ends_at, location, external_attendees,
                            agenda, status, private, ward_id, topic_id, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(command.memberId(), c.title, command.kind().name(), ts(c.start), ts(c.end), c.location,
                        c.externalAttendees, c.agenda, command.status().name(), command.isPrivate(), command.wardId(),
                        command.topicId(), user.getUsername())
                .query(Long.class).single();
        saveOfficeAttendees(id, c.officeAttendees);
        events.publishEvent(AuditEntry.of(user.getUsername(), "engagement.added", "engagement", id)
                .detail(c.title + ", " + DiaryTimes.when(c.start, c.end) + ", " + command.status().label()).build());
        noticeOfChange(id, null, snapshot(id), user);
        return id;
    }

    @Transactional
    public void update(long id, EngagementCommand command, CurrentUser user) {
        requireKeeper(user);
        Snapshot before = snapshot(id);
        Checked c = check(command);
        int updated = jdbc.sql("""
                        update engagement set member_id = ?, title = ?, kind = ?, starts_at = ?, ends_at = ?, location = ?,
                            external_attendees = ?, agenda = ?, status = ?, private = ?, ward_id = ?, topic_id = ?,
                            version = version + 1
                        where id = ? and version = ?""")
                .params(command.memberId(), c.title, command.kind().name(), ts(c.start), ts(c.end), c.location,
                        c.externalAttendees, c.agenda, command.status().name(), command.isPrivate(), command.wardId(),
                        command.topicId(), id, command.version() == null ? -1 : command.version())
                .update();
        if (updated == 0) {
            throw new ConcurrentEditException("engagement", version(id));
        }
        jdbc.sql("delete from engagement_office_attendee where engagement_id = ?").param(id).update();
        saveOfficeAttendees(id, c.officeAttendees);
        Snapshot after = snapshot(id);
        AuditEntry.Builder audit = AuditEntry.of(user.getUsername(), "engagement.changed", "engagement", id)
                .change("title", before.title(), after.title())
                .change("start", before.start(), after.start())
                .change("end", before.end(), after.end())
                .change("location", before.location(), after.location())
                .change("status", before.status(), after.status());
        events.publishEvent(audit.build());
        noticeOfChange(id, before, after, user);
    }

    /** Changes only the status (confirm, cancel) keeping everything else; notifies as {@link #update} does. */
    @Transactional
    public void changeStatus(long id, EngagementStatus status, CurrentUser user) {
        requireKeeper(user);
        Snapshot before = snapshot(id);
        jdbc.sql("update engagement set status = ?, version = version + 1 where id = ?").params(status.name(), id).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "engagement.changed", "engagement", id)
                .change("status", before.status(), status).build());
        noticeOfChange(id, before, snapshot(id), user);
    }

    @Transactional
    public void addRequirement(long id, RequirementKind kind, String details, boolean arranged, CurrentUser user) {
        requireKeeper(user);
        snapshot(id);
        if (kind == null) {
            throw new RuleViolationException("kind", "Select what is needed");
        }
        String text = trim(details);
        if (text == null) {
            throw new RuleViolationException("details", "Enter the details, for example the room and who booked it");
        }
        if (text.length() > 500) {
            throw new RuleViolationException("details", "Details must be 500 characters or fewer");
        }
        jdbc.sql("insert into engagement_requirement (engagement_id, kind, details, arranged, created_by) values (?, ?, ?, ?, ?)")
                .params(id, kind.name(), text, arranged, user.getUsername()).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "engagement.requirement-added", "engagement", id)
                .detail(kind.label() + ": " + text + (arranged ? " (arranged)" : "")).build());
    }

    @Transactional
    public void markArranged(long id, long requirementId, CurrentUser user) {
        requireKeeper(user);
        int n = jdbc.sql("update engagement_requirement set arranged = true where id = ? and engagement_id = ?")
                .params(requirementId, id).update();
        if (n == 0) {
            throw new NotFoundException("Requirement");
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "engagement.requirement-arranged", "engagement", id)
                .detail("Requirement " + requirementId).build());
    }

    @Transactional
    public void addPerson(long id, long personId, CurrentUser user) {
        requireKeeper(user);
        snapshot(id);
        long person = people.summary(personId).orElseThrow(() -> new RuleViolationException("personId",
                "Select a person or organisation from the directory")).id();
        jdbc.sql("insert into engagement_person (engagement_id, person_id) values (?, ?) on conflict do nothing")
                .params(id, person).update();
    }

    @Transactional
    public void removePerson(long id, long personId, CurrentUser user) {
        requireKeeper(user);
        snapshot(id);
        jdbc.sql("delete from engagement_person where engagement_id = ? and person_id = ?").params(id, personId).update();
    }

    @Transactional
    public void saveNotes(long id, String notes, String decisions, CurrentUser user) {
        requireKeeper(user);
        snapshot(id);
        String n = trim(notes);
        String d = trim(decisions);
        if (n != null && n.length() > 20000) {
            throw new RuleViolationException("notes", "Notes must be 20,000 characters or fewer");
        }
        if (d != null && d.length() > 10000) {
            throw new RuleViolationException("decisions", "Decisions must be 10,000 characters or fewer");
        }
        jdbc.sql("""
                        insert into meeting_note (engagement_id, notes, decisions, updated_by) values (?, ?, ?, ?)
                        on conflict (engagement_id) do update set notes = excluded.notes, decisions = excluded.decisions,
                            updated_at = now(), updated_by = excluded.updated_by, version = meeting_note.version + 1""")
                .params(id, n, d, user.getUsername()).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "engagement.notes-saved", "engagement", id).build());
    }

    @Transactional
    public long addAction(long id, Long ownerId, LocalDate dueOn, String description, CurrentUser user) {
        requireKeeper(user);
        Snapshot engagement = snapshot(id);
        String text = trim(description);
        if (text == null) {
            throw new RuleViolationException("description", "Enter the action");
        }
        if (text.length() > 500) {
            throw new RuleViolationException("description", "The action must be 500 characters or fewer");
        }
        if (ownerId == null || !directory.isStaff(ownerId)) {
            throw new RuleViolationException("ownerId", "Select who owns the action");
        }
        if (dueOn == null) {
            throw new RuleViolationException("dueOn", "Enter the date the action is due");
        }
        long actionId = jdbc.sql("insert into diary_action (engagement_id, owner_id, due_on, description, created_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(id, ownerId, dueOn, text, user.getUsername()).query(Long.class).single();
        if (ownerId != user.id()) {
            notifications.notify(ownerId, "Action for you from " + engagement.title() + ": " + text + " (due "
                    + DiaryTimes.longDay(dueOn) + ")", "/diary/actions/mine", false);
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "engagement.action-added", "engagement", id).detail(text).build());
        return actionId;
    }

    /** The owner, a diary keeper, marks an action done. */
    @Transactional
    public void actionDone(long actionId, CurrentUser user) {
        Long owner = jdbc.sql("select owner_id from diary_action where id = ?").param(actionId).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("Action"));
        if (owner != user.id() && !DiaryAccess.keeps(user)) {
            throw new NotFoundException("Action");
        }
        jdbc.sql("update diary_action set done_at = now() where id = ? and done_at is null").param(actionId).update();
    }

    /** Titles and times of confirmed engagements of the member that overlap the given time (for a warning). */
    public List<String> overlapping(long memberId, Instant start, Instant end, Long exceptId) {
        return jdbc.sql("select title, starts_at, ends_at from engagement where member_id = ? and status = 'CONFIRMED'"
                        + " and starts_at < ? and ends_at > ? and id <> ? order by starts_at limit 10")
                .params(memberId, ts(end), ts(start), exceptId == null ? -1 : exceptId)
                .query((rs, n) -> rs.getString(1) + " (" + DiaryTimes.when(rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()) + ")")
                .list();
    }

    Snapshot snapshot(long id) {
        Snapshot s = jdbc.sql("select member_id, title, starts_at, ends_at, location, status from engagement where id = ?")
                .param(id)
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), EngagementStatus.valueOf(rs.getString(6)), Set.of()))
                .optional().orElseThrow(() -> new NotFoundException("Engagement"));
        Set<Long> attendees = new LinkedHashSet<>(jdbc.sql(
                        "select user_id from engagement_office_attendee where engagement_id = ? order by user_id limit 50")
                .param(id).query(Long.class).list());
        return new Snapshot(s.memberId(), s.title(), s.start(), s.end(), s.location(), s.status(), attendees);
    }

    /**
     * Tells the member's users and the office attendees what changed, when the engagement is (or was)
     * confirmed: added to the diary, moved (time or place), or cancelled. The person who made the change
     * is not told about their own change.
     */
    void noticeOfChange(long id, Snapshot before, Snapshot after, CurrentUser actor) {
        boolean wasConfirmed = before != null && before.status() == EngagementStatus.CONFIRMED;
        boolean isConfirmed = after.status() == EngagementStatus.CONFIRMED;
        String message;
        if (!wasConfirmed && isConfirmed) {
            message = "Added to your diary: " + after.title() + ", " + DiaryTimes.when(after.start(), after.end())
                    + (after.location() == null ? "" : ", " + after.location());
        } else if (wasConfirmed && !isConfirmed) {
            message = (after.status() == EngagementStatus.CANCELLED ? "Cancelled: " : after.status().label() + ": ")
                    + before.title() + ", " + DiaryTimes.when(before.start(), before.end());
        } else if (wasConfirmed) {
            List<String> changes = new ArrayList<>();
            if (!before.start().equals(after.start()) || !before.end().equals(after.end())) {
                changes.add("now " + DiaryTimes.when(after.start(), after.end()) + " (was "
                        + DiaryTimes.when(before.start(), before.end()) + ")");
            }
            if (!Objects.equals(before.location(), after.location())) {
                changes.add("now at " + (after.location() == null ? "no set place" : after.location()) + " (was "
                        + (before.location() == null ? "no set place" : before.location()) + ")");
            }
            if (before.memberId() != after.memberId()) {
                changes.add("moved to another member's diary");
            }
            if (changes.isEmpty()) {
                return; // details such as the agenda: no need to interrupt anyone
            }
            message = "Moved: " + after.title() + ", " + String.join("; ", changes);
        } else {
            return;
        }
        Set<Long> recipients = new LinkedHashSet<>(directory.userIdsOfMember(after.memberId()));
        recipients.addAll(after.officeAttendees());
        if (before != null) {
            recipients.addAll(before.officeAttendees());
            if (before.memberId() != after.memberId()) {
                recipients.addAll(directory.userIdsOfMember(before.memberId()));
            }
        }
        recipients.remove(actor.id());
        for (long userId : recipients) {
            notifications.notify(userId, message, "/diary/engagements/" + id, true);
        }
    }

    private record Checked(String title, Instant start, Instant end, String location, String externalAttendees,
            String agenda, List<Long> officeAttendees) {}

    private Checked check(EngagementCommand c) {
        if (c.memberId() == null || !directory.isMember(c.memberId())) {
            throw new RuleViolationException("memberId", "Select whose diary it goes in");
        }
        String title = trim(c.title());
        if (title == null) {
            throw new RuleViolationException("title", "Enter a title");
        }
        if (title.length() > 200) {
            throw new RuleViolationException("title", "Title must be 200 characters or fewer");
        }
        if (c.kind() == null) {
            throw new RuleViolationException("kind", "Select the type of engagement");
        }
        if (c.date() == null) {
            throw new RuleViolationException("date", "Enter the date of the engagement");
        }
        if (c.startTime() == null) {
            throw new RuleViolationException("startTime", "Enter the start time, for example 10:00");
        }
        if (c.endTime() == null) {
            throw new RuleViolationException("endTime", "Enter the end time, for example 11:30");
        }
        if (!c.endTime().isAfter(c.startTime())) {
            throw new RuleViolationException("endTime", "End time must be after the start time");
        }
        if (c.status() == null) {
            throw new RuleViolationException("status", "Select the status");
        }
        String location = trim(c.location());
        if (location != null && location.length() > 300) {
            throw new RuleViolationException("location", "Location must be 300 characters or fewer");
        }
        String external = trim(c.externalAttendees());
        if (external != null && external.length() > 2000) {
            throw new RuleViolationException("externalAttendees", "External attendees must be 2,000 characters or fewer");
        }
        String agenda = trim(c.agenda());
        if (agenda != null && agenda.length() > 10000) {
            throw new RuleViolationException("agenda", "Agenda must be 10,000 characters or fewer");
        }
        List<Long> attendees = c.officeAttendeeIds() == null ? List.of()
                : c.officeAttendeeIds().stream().filter(Objects::nonNull).distinct().toList();
        for (Long userId : attendees) {
            if (!directory.isStaff(userId)) {
                throw new RuleViolationException("officeAttendeeIds", "Select office attendees from the list");
            }
        }
        return new Checked(title, DiaryTimes.at(c.date(), c.startTime()), DiaryTimes.at(c.date(), c.endTime()), location,
                external, agenda, attendees);
    }

    private void saveOfficeAttendees(long id, List<Long> userIds) {
        for (Long userId : userIds) {
            jdbc.sql("insert into engagement_office_attendee (engagement_id, user_id) values (?, ?) on conflict do nothing")
                    .params(id, userId).update();
        }
    }

    private long version(long id) {
        return jdbc.sql("select version from engagement where id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Engagement"));
    }

    static void requireKeeper(CurrentUser user) {
        if (!DiaryAccess.keeps(user)) {
            throw new NotFoundException("Diary"); // the access table already refuses; belt and braces
        }
    }

    static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(DiaryTimes.LONDON));
    }
}
