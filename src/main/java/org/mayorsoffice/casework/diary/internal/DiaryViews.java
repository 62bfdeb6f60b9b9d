package org.mayorsoffice.casework.diary.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseViews.CaseRow;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.shared.web.Option;

/** Read models the diary pages show, assembled inside transactions; labels and links computed here. */
public final class DiaryViews {

    private DiaryViews() {}

    /**
     * An engagement in a list. When {@code busy} the viewer may not see the details of a private
     * engagement: title is "Busy" and location, type and link are blank.
     */
    public record EngagementRow(long id, long memberId, String member, String title, String kind, Instant start,
            Instant end, String location, String status, String statusColour, boolean busy, boolean isPrivate,
            boolean clash, String href) {

        /**
         * "10:00 to 11:00" (London time). Worked out when a page shows it, not for every row read: the office week
         * lists 500 engagements and shows only their start times.
         */
        public String time() {
            return DiaryTimes.time(start) + " to " + DiaryTimes.time(end);
        }

        /** "10:00" (London time). */
        public String startTime() {
            return DiaryTimes.time(start);
        }

        /** "Tue 24 Nov, 10:00 to 11:00". */
        public String when() {
            return DiaryTimes.when(start, end);
        }
    }

    /** One day of a diary: its heading and engagements in time order. */
    public record DayColumn(LocalDate date, String heading, boolean today, List<EngagementRow> engagements) {}

    /** A member's diary over some days (one for the day view, seven for the week view). */
    public record DiaryPage(long memberId, String member, String view, LocalDate start, String title,
            List<DayColumn> days, String previousHref, String nextHref, String todayHref, long clashCount) {}

    /** The office-wide week: one row per member, one cell per day. */
    public record OfficeWeek(LocalDate start, String title, List<DayColumn> dayHeadings, List<OfficeRow> rows,
            String previousHref, String nextHref, String todayHref) {}

    public record OfficeRow(long memberId, String member, List<List<EngagementRow>> cells) {}

    public record RequirementRow(long id, String kind, String details, boolean arranged) {}

    public record BriefingRow(long id, String kind, String title, String topic, String author, LocalDate dueOn,
            String status, String statusColour, boolean ready, boolean overdue, Long engagementId,
            String engagementTitle, String engagementWhen, String member, int files) {}

    public record ActionRow(long id, long engagementId, String engagementTitle, String description, String owner,
            LocalDate dueOn, boolean overdue, boolean done) {}

    public record EngagementDetail(long id, long memberId, String member, String title, String kind, String kindCode,
            Instant start, Instant end, LocalDate date, LocalTime startTime, LocalTime endTime, String when,
            String location, String externalAttendees, String agenda, String status, String statusCode,
            String statusColour, boolean isPrivate, Long wardId, String ward, Long topicId, String topic,
            List<Option> officeAttendees, List<Long> officeAttendeeIds, List<PersonSummary> people,
            List<RequirementRow> requirements, List<BriefingRow> briefings, List<EngagementRow> clashesWith,
            String notes, String decisions, List<ActionRow> actions, Long invitationId, String invitedBy,
            long version) {

        public boolean briefingsReady() {
            return !briefings.isEmpty() && briefings.stream().allMatch(BriefingRow::ready);
        }
    }

    public record InvitationRow(long id, long memberId, String member, String inviter, String title, String when,
            LocalDate replyBy, LocalDate receivedOn, String status, String statusColour, boolean replyOverdue,
            boolean replyDueSoon, Long engagementId) {}

    public record InvitationDetail(long id, long memberId, String member, String inviter, String title, String details,
            String kind, String when, String location, LocalDate replyBy, LocalDate receivedOn, String status,
            String statusCode, String statusColour, String replyNote, String decidedBy, Instant decidedAt,
            Long engagementId, List<EngagementRow> sameTime, long version) {

        public boolean awaitingDecision() {
            return "AWAITING_DECISION".equals(statusCode);
        }
    }

    public record FileRow(long id, String fileName, String size, Instant uploadedAt, String uploadedBy) {}

    public record BriefingDetail(long id, String kind, String kindCode, String title, String topic, Long authorId,
            String author, LocalDate dueOn, String status, String statusCode, String statusColour, String content,
            Long engagementId, String engagementTitle, String engagementWhen, long memberId, String member,
            List<FileRow> files, List<CaseRow> relatedCases, List<EngagementRow> pastEngagements, long version) {}

    /**
     * One page ({@code finishPage} from 1) of the briefings not yet ready that are due in the window, overdue first
     * ({@code moreBriefings} when there is a next page), and one page ({@code page} from 1) of the engagements in the
     * window without a ready briefing, soonest first: {@code unbriefedTotal} in all ({@code atLeast} when the window
     * held more engagements than are read).
     */
    public record BriefingsDue(LocalDate until, List<BriefingRow> briefings, int finishPage, boolean moreBriefings,
            List<EngagementRow> unbriefed, int unbriefedTotal, boolean atLeast, int page, int pageSize) {

        public int first() {
            return (page - 1) * pageSize + 1;
        }

        public int last() {
            return first() + unbriefed.size() - 1;
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return last() < unbriefedTotal;
        }
    }

    public record SurgeryRow(long id, long memberId, String member, String venue, LocalDate heldOn, String time,
            long slots, long booked, long walkIns) {}

    public record SlotRow(long id, String time, Long attendanceId, String resident) {}

    public record AttendanceRow(long id, String time, boolean walkIn, long personId, String resident, String notes,
            Long caseId) {}

    public record SurgeryDetail(long id, long memberId, String member, String venue, LocalDate heldOn, String time,
            int slotMinutes, Long engagementId, List<SlotRow> slots, List<AttendanceRow> attendances, boolean held) {

        public List<SlotRow> freeSlots() {
            return slots.stream().filter(s -> s.attendanceId() == null).toList();
        }
    }

    public record FeedStatus(long memberId, String member, boolean active, Instant createdAt) {}

    /** A stakeholder: their engagements with members, and their colleagues at the same organisation. */
    public record StakeholderHistory(PersonSummary person, List<EngagementRow> engagements, List<PersonSummary> colleagues) {}
}
