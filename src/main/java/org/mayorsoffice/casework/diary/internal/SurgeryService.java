package org.mayorsoffice.casework.diary.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryViews.AttendanceRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.SlotRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.SurgeryDetail;
import org.mayorsoffice.casework.diary.internal.DiaryViews.SurgeryRow;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surgeries: sessions where residents meet a member, with bookable slots (one resident per slot,
 * enforced by a unique index) and walk-ins; each attendance can become a case in one step.
 */
@Service
@Transactional(readOnly = true)
public class SurgeryService {

    public static final String SLOT_TAKEN = "That slot has just been booked by someone else. Choose another slot";

    public record NewSurgery(Long memberId, String venue, LocalDate heldOn, LocalTime startTime, LocalTime endTime,
            Integer slotMinutes) {}

    /** Who is booked or walked in: an existing person, or a new resident by name (email optional). */
    public record Resident(Long personId, String name, String email) {}

    private final JdbcClient jdbc;
    private final DiaryDirectory directory;
    private final DiaryService diary;
    private final PeopleApi people;
    private final CaseDesk cases;
    private final DiaryQueries queries;
    private final ApplicationEventPublisher events;

    SurgeryService(JdbcClient jdbc, DiaryDirectory directory, DiaryService diary, PeopleApi people, CaseDesk cases,
            DiaryQueries queries, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.diary = diary;
        this.people = people;
        this.cases = cases;
        this.queries = queries;
        this.events = events;
    }

    /** Schedules the surgery, its slots, and a confirmed "Surgery" engagement in the member's diary. */
    @Transactional
    public long schedule(NewSurgery c, CurrentUser user) {
        DiaryService.requireKeeper(user);
        if (c.memberId() == null || !directory.isMember(c.memberId())) {
            throw new RuleViolationException("memberId", "Select the member holding the surgery");
        }
        String venue = DiaryService.trim(c.venue());
        if (venue == null) {
            throw new RuleViolationException("venue", "Enter the venue");
        }
        if (venue.length() > 300) {
            throw new RuleViolationException("venue", "Venue must be 300 characters or fewer");
        }
        if (c.heldOn() == null) {
            throw new RuleViolationException("heldOn", "Enter the date of the surgery");
        }
        if (c.startTime() == null) {
            throw new RuleViolationException("startTime", "Enter the start time, for example 10:00");
        }
        if (c.endTime() == null) {
            throw new RuleViolationException("endTime", "Enter the end time, for example 12:00");
        }
        if (!c.endTime().isAfter(c.startTime())) {
            throw new RuleViolationException("endTime", "End time must be after the start time");
        }
        int minutes = c.slotMinutes() == null ? 0 : c.slotMinutes();
        if (minutes < 5 || minutes > 120) {
            throw new RuleViolationException("slotMinutes", "Slot length must be between 5 and 120 minutes");
        }
        long engagementId = diary.create(new EngagementCommand(c.memberId(), "Surgery at " + venue, EngagementKind.SURGERY,
                c.heldOn(), c.startTime(), c.endTime(), venue, null, null, EngagementStatus.CONFIRMED, false, null, null,
                List.of(), null), user);
        long id = jdbc.sql("insert into surgery (member_id, engagement_id, venue, held_on, starts_at, ends_at, slot_minutes, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(c.memberId(), engagementId, venue, c.heldOn(), c.startTime(), c.endTime(), minutes, user.getUsername())
                .query(Long.class).single();
        long total = java.time.Duration.between(c.startTime(), c.endTime()).toMinutes();
        for (int k = 0; k + minutes <= total; k += minutes) {
            jdbc.sql("insert into surgery_slot (surgery_id, starts_at) values (?, ?)").params(id, c.startTime().plusMinutes(k)).update();
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "surgery.scheduled", "surgery", id).detail(venue + ", " + c.heldOn()).build());
        return id;
    }

    /** Books a resident into a free slot; a second booking of the same slot is refused by the database. */
    @Transactional
    public long book(long surgeryId, Long slotId, Resident resident, CurrentUser user) {
        DiaryService.requireKeeper(user);
        detail(surgeryId, user);
        if (slotId == null || jdbc.sql("select count(*) from surgery_slot where id = ? and surgery_id = ?").params(slotId, surgeryId)
                .query(Long.class).single() == 0) {
            throw new RuleViolationException("slotId", "Select a slot");
        }
        long personId = person(resident, user);
        try {
            long id = jdbc.sql("insert into surgery_attendance (surgery_id, slot_id, person_id, walk_in, created_by)"
                            + " values (?, ?, ?, false, ?) returning id")
                    .params(surgeryId, slotId, personId, user.getUsername()).query(Long.class).single();
            events.publishEvent(AuditEntry.of(user.getUsername(), "surgery.booked", "surgery", surgeryId)
                    .detail("Slot " + slotId + ", person " + personId).build());
            return id;
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("slotId", SLOT_TAKEN);
        }
    }

    @Transactional
    public long walkIn(long surgeryId, Resident resident, String notes, CurrentUser user) {
        DiaryService.requireKeeper(user);
        detail(surgeryId, user);
        long personId = person(resident, user);
        String text = DiaryService.trim(notes);
        if (text != null && text.length() > 2000) {
            throw new RuleViolationException("notes", "Notes must be 2,000 characters or fewer");
        }
        long id = jdbc.sql("insert into surgery_attendance (surgery_id, person_id, walk_in, notes, created_by)"
                        + " values (?, ?, true, ?, ?) returning id")
                .params(surgeryId, personId, text, user.getUsername()).query(Long.class).single();
        events.publishEvent(AuditEntry.of(user.getUsername(), "surgery.walk-in", "surgery", surgeryId)
                .detail("Person " + personId).build());
        return id;
    }

    /**
     * Opens a case from an attendance: the resident, channel Surgery, the surgery's member and date
     * prefilled; the attendance remembers the case so it is not opened twice.
     */
    @Transactional
    public long openCase(long surgeryId, long attendanceId, Long caseTypeId, String subject, String description,
            CurrentUser user) {
        DiaryService.requireKeeper(user);
        SurgeryDetail s = detail(surgeryId, user);
        AttendanceRow a = s.attendances().stream().filter(x -> x.id() == attendanceId).findFirst()
                .orElseThrow(() -> new NotFoundException("Attendance"));
        if (!s.held()) {
            throw new RuleViolationException(null, "You can open a case once the surgery has taken place");
        }
        if (a.caseId() != null) {
            throw new RuleViolationException("subject", "A case has already been opened for this attendance");
        }
        if (caseTypeId == null) {
            throw new RuleViolationException("caseTypeId", "Select the type of case");
        }
        String subj = DiaryService.trim(subject);
        if (subj == null) {
            throw new RuleViolationException("subject", "Enter the subject of the case");
        }
        String desc = DiaryService.trim(description);
        if (desc == null) {
            desc = a.notes();
        }
        long caseId = cases.open(new CaseDesk.NewCase(caseTypeId, Channel.SURGERY, subj, desc, a.personId(), s.memberId(), null,
                null, Priority.NORMAL, s.heldOn()), user);
        jdbc.sql("update surgery_attendance set case_id = ? where id = ?").params(caseId, attendanceId).update();
        return caseId;
    }

    private long person(Resident r, CurrentUser user) {
        if (r.personId() != null) {
            return people.summary(r.personId()).orElseThrow(() -> new RuleViolationException("personId",
                    "Select the resident from the directory")).id();
        }
        String name = DiaryService.trim(r.name());
        if (name == null) {
            throw new RuleViolationException("name", "Enter the resident's name, or find them in the directory");
        }
        if (name.length() > 200) {
            throw new RuleViolationException("name", "Name must be 200 characters or fewer");
        }
        String email = DiaryService.trim(r.email());
        if (email != null && (!email.contains("@") || email.length() > 320)) {
            throw new RuleViolationException("email", "Enter an email address in the correct format, like name@example.com");
        }
        return people.addFromCorrespondence(name, email, user.getUsername());
    }

    public List<SurgeryRow> list(CurrentUser user) {
        DiaryService.requireKeeper(user);
        return jdbc.sql("""
                        select s.id, s.member_id, m.full_name, s.venue, s.held_on, s.starts_at, s.ends_at,
                            (select count(*) from surgery_slot x where x.surgery_id = s.id) as slots,
                            (select count(*) from surgery_attendance a where a.surgery_id = s.id and not a.walk_in) as booked,
                            (select count(*) from surgery_attendance a where a.surgery_id = s.id and a.walk_in) as walk_ins
                        from surgery s join member m on m.id = s.member_id
                        where s.held_on >= ? order by s.held_on, s.starts_at, s.id limit 100""")
                .param(queries.today().minusDays(60))
                .query((rs, n) -> new SurgeryRow(rs.getLong("id"), rs.getLong("member_id"), rs.getString("full_name"),
                        rs.getString("venue"), rs.getObject("held_on", LocalDate.class),
                        DiaryTimes.hhmm(rs.getObject("starts_at", LocalTime.class)) + " to "
                                + DiaryTimes.hhmm(rs.getObject("ends_at", LocalTime.class)),
                        rs.getLong("slots"), rs.getLong("booked"), rs.getLong("walk_ins")))
                .list();
    }

    public SurgeryDetail detail(long id, CurrentUser user) {
        DiaryService.requireKeeper(user);
        var s = jdbc.sql("select s.*, m.full_name from surgery s join member m on m.id = s.member_id where s.id = ?").param(id)
                .query().listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException("Surgery"));
        List<AttendanceRow> attendances = jdbc.sql("""
                        select a.id, x.starts_at, a.walk_in, a.person_id, a.notes, a.case_id
                        from surgery_attendance a left join surgery_slot x on x.id = a.slot_id
                        where a.surgery_id = ? order by a.walk_in, x.starts_at, a.id limit 200""")
                .param(id)
                .query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    Long cid = rs.wasNull() ? null : caseId;
                    long personId = rs.getLong("person_id");
                    return new AttendanceRow(rs.getLong("id"),
                            rs.getBoolean("walk_in") ? "Walk-in" : DiaryTimes.hhmm(rs.getObject("starts_at", LocalTime.class)),
                            rs.getBoolean("walk_in"), personId, null, rs.getString("notes"), cid);
                })
                .list();
        var names = new java.util.HashMap<Long, String>();
        people.summaries(attendances.stream().map(AttendanceRow::personId).distinct().toList())
                .forEach(p -> names.put(p.id(), p.displayName()));
        attendances = attendances.stream().map(a -> new AttendanceRow(a.id(), a.time(), a.walkIn(), a.personId(),
                names.getOrDefault(a.personId(), "Unknown"), a.notes(), a.caseId())).toList();
        var bySlot = new java.util.HashMap<Long, Long>();
        jdbc.sql("select slot_id, id from surgery_attendance where surgery_id = ? and slot_id is not null").param(id)
                .query(rs -> {
                    bySlot.put(rs.getLong(1), rs.getLong(2));
                });
        List<AttendanceRow> finalAttendances = attendances;
        List<SlotRow> slots = jdbc.sql("select id, starts_at from surgery_slot where surgery_id = ? order by starts_at limit 200")
                .param(id)
                .query((rs, n) -> {
                    Long attendance = bySlot.get(rs.getLong(1));
                    String resident = attendance == null ? null : finalAttendances.stream().filter(a -> a.id() == attendance)
                            .map(AttendanceRow::resident).findFirst().orElse(null);
                    return new SlotRow(rs.getLong(1), DiaryTimes.hhmm(rs.getObject(2, LocalTime.class)), attendance, resident);
                })
                .list();
        LocalDate heldOn = ((java.sql.Date) s.get("held_on")).toLocalDate();
        return new SurgeryDetail(id, ((Number) s.get("member_id")).longValue(), (String) s.get("full_name"), (String) s.get("venue"),
                heldOn, DiaryTimes.hhmm(((java.sql.Time) s.get("starts_at")).toLocalTime()) + " to "
                        + DiaryTimes.hhmm(((java.sql.Time) s.get("ends_at")).toLocalTime()),
                ((Number) s.get("slot_minutes")).intValue(),
                s.get("engagement_id") == null ? null : ((Number) s.get("engagement_id")).longValue(), slots, attendances,
                !heldOn.isAfter(queries.today()));
    }
}
