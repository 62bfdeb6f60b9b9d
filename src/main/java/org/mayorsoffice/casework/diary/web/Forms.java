package org.mayorsoffice.casework.diary.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.shared.web.DateInput;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Form classes of the diary pages (mutable, as Spring binds them) and the date/time parsing they share. */
final class Forms {

    private Forms() {}

    static void reject(BindingResult result, org.mayorsoffice.casework.shared.validation.RuleViolationException e) {
        FormErrors.reject(result, e);
    }

    /** Adds "message" on the field when it is blank, so one submit shows every missing answer. */
    static void required(BindingResult result, String field, String value, String message) {
        if (blank(value) && !result.hasFieldErrors(field)) {
            result.rejectValue(field, "required", message);
        }
    }

    static boolean blank(String... parts) {
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                return false;
            }
        }
        return true;
    }

    static LocalDate date(String day, String month, String year) {
        return DateInput.parse(day, month, year);
    }

    /** Parses a GOV.UK date input; adds the error itself (blank when required, or not a real date). */
    static LocalDate date(BindingResult result, String field, String day, String month, String year, boolean required,
            String what) {
        return DateInput.read(result, field, day, month, year, required, what);
    }

    static void setDate(LocalDate date, java.util.function.Consumer<String> day, java.util.function.Consumer<String> month,
            java.util.function.Consumer<String> year) {
        DateInput.fill(date, day, month, year);
    }

    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static List<Long> ids(List<String> values) {
        List<Long> ids = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                Long id = id(v);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static class EngagementForm {
        private String memberId;
        private String title;
        private String kind;
        private String dateDay;
        private String dateMonth;
        private String dateYear;
        private String startTime;
        private String endTime;
        private String location;
        private String externalAttendees;
        private String agenda;
        private String status;
        private String privacy = "OPEN";
        private String wardId;
        private String topicId;
        private List<String> officeAttendeeIds = new ArrayList<>();
        private Long version;

        public String getMemberId() { return memberId; }
        public void setMemberId(String v) { memberId = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getDateDay() { return dateDay; }
        public void setDateDay(String v) { dateDay = v; }
        public String getDateMonth() { return dateMonth; }
        public void setDateMonth(String v) { dateMonth = v; }
        public String getDateYear() { return dateYear; }
        public void setDateYear(String v) { dateYear = v; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String v) { startTime = v; }
        public String getEndTime() { return endTime; }
        public void setEndTime(String v) { endTime = v; }
        public String getLocation() { return location; }
        public void setLocation(String v) { location = v; }
        public String getExternalAttendees() { return externalAttendees; }
        public void setExternalAttendees(String v) { externalAttendees = v; }
        public String getAgenda() { return agenda; }
        public void setAgenda(String v) { agenda = v; }
        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getPrivacy() { return privacy; }
        public void setPrivacy(String v) { privacy = v; }
        public String getWardId() { return wardId; }
        public void setWardId(String v) { wardId = v; }
        public String getTopicId() { return topicId; }
        public void setTopicId(String v) { topicId = v; }
        public List<String> getOfficeAttendeeIds() { return officeAttendeeIds; }
        public void setOfficeAttendeeIds(List<String> v) { officeAttendeeIds = v == null ? new ArrayList<>() : v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }

    public static class RequirementForm {
        private String kind;
        private String details;
        private String arranged = "no";

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getDetails() { return details; }
        public void setDetails(String v) { details = v; }
        public String getArranged() { return arranged; }
        public void setArranged(String v) { arranged = v; }
    }

    public static class PersonForm {
        private String q;
        private String personId;

        public String getQ() { return q; }
        public void setQ(String v) { q = v; }
        public String getPersonId() { return personId; }
        public void setPersonId(String v) { personId = v; }
    }

    public static class NotesForm {
        private String notes;
        private String decisions;

        public String getNotes() { return notes; }
        public void setNotes(String v) { notes = v; }
        public String getDecisions() { return decisions; }
        public void setDecisions(String v) { decisions = v; }
    }

    public static class ActionForm {
        private String description;
        private String ownerId;
        private String dueOnDay;
        private String dueOnMonth;
        private String dueOnYear;

        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getOwnerId() { return ownerId; }
        public void setOwnerId(String v) { ownerId = v; }
        public String getDueOnDay() { return dueOnDay; }
        public void setDueOnDay(String v) { dueOnDay = v; }
        public String getDueOnMonth() { return dueOnMonth; }
        public void setDueOnMonth(String v) { dueOnMonth = v; }
        public String getDueOnYear() { return dueOnYear; }
        public void setDueOnYear(String v) { dueOnYear = v; }
    }

    public static class InvitationForm {
        private String memberId;
        private String inviter;
        private String title;
        private String details;
        private String kind;
        private String dateDay;
        private String dateMonth;
        private String dateYear;
        private String startTime;
        private String endTime;
        private String location;
        private String replyByDay;
        private String replyByMonth;
        private String replyByYear;

        public String getMemberId() { return memberId; }
        public void setMemberId(String v) { memberId = v; }
        public String getInviter() { return inviter; }
        public void setInviter(String v) { inviter = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getDetails() { return details; }
        public void setDetails(String v) { details = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getDateDay() { return dateDay; }
        public void setDateDay(String v) { dateDay = v; }
        public String getDateMonth() { return dateMonth; }
        public void setDateMonth(String v) { dateMonth = v; }
        public String getDateYear() { return dateYear; }
        public void setDateYear(String v) { dateYear = v; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String v) { startTime = v; }
        public String getEndTime() { return endTime; }
        public void setEndTime(String v) { endTime = v; }
        public String getLocation() { return location; }
        public void setLocation(String v) { location = v; }
        public String getReplyByDay() { return replyByDay; }
        public void setReplyByDay(String v) { replyByDay = v; }
        public String getReplyByMonth() { return replyByMonth; }
        public void setReplyByMonth(String v) { replyByMonth = v; }
        public String getReplyByYear() { return replyByYear; }
        public void setReplyByYear(String v) { replyByYear = v; }
    }

    public static class DecisionForm {
        private String decision;
        private String replyNote;
        private Long version;

        public String getDecision() { return decision; }
        public void setDecision(String v) { decision = v; }
        public String getReplyNote() { return replyNote; }
        public void setReplyNote(String v) { replyNote = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }

    public static class BriefingForm {
        private String engagementId;
        private String memberId;
        private String kind;
        private String title;
        private String topic;
        private String authorId;
        private String dueOnDay;
        private String dueOnMonth;
        private String dueOnYear;

        public String getEngagementId() { return engagementId; }
        public void setEngagementId(String v) { engagementId = v; }
        public String getMemberId() { return memberId; }
        public void setMemberId(String v) { memberId = v; }
        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getTopic() { return topic; }
        public void setTopic(String v) { topic = v; }
        public String getAuthorId() { return authorId; }
        public void setAuthorId(String v) { authorId = v; }
        public String getDueOnDay() { return dueOnDay; }
        public void setDueOnDay(String v) { dueOnDay = v; }
        public String getDueOnMonth() { return dueOnMonth; }
        public void setDueOnMonth(String v) { dueOnMonth = v; }
        public String getDueOnYear() { return dueOnYear; }
        public void setDueOnYear(String v) { dueOnYear = v; }
    }

    public static class BriefingUpdateForm {
        private String status;
        private String content;
        private Long version;

        public String getStatus() { return status; }
        public void setStatus(String v) { status = v; }
        public String getContent() { return content; }
        public void setContent(String v) { content = v; }
        public Long getVersion() { return version; }
        public void setVersion(Long v) { version = v; }
    }

    public static class SurgeryForm {
        private String memberId;
        private String venue;
        private String heldOnDay;
        private String heldOnMonth;
        private String heldOnYear;
        private String startTime;
        private String endTime;
        private String slotMinutes = "15";

        public String getMemberId() { return memberId; }
        public void setMemberId(String v) { memberId = v; }
        public String getVenue() { return venue; }
        public void setVenue(String v) { venue = v; }
        public String getHeldOnDay() { return heldOnDay; }
        public void setHeldOnDay(String v) { heldOnDay = v; }
        public String getHeldOnMonth() { return heldOnMonth; }
        public void setHeldOnMonth(String v) { heldOnMonth = v; }
        public String getHeldOnYear() { return heldOnYear; }
        public void setHeldOnYear(String v) { heldOnYear = v; }
        public String getStartTime() { return startTime; }
        public void setStartTime(String v) { startTime = v; }
        public String getEndTime() { return endTime; }
        public void setEndTime(String v) { endTime = v; }
        public String getSlotMinutes() { return slotMinutes; }
        public void setSlotMinutes(String v) { slotMinutes = v; }
    }

    public static class AttendeeForm {
        private String slotId;
        private String q;
        private String personId;
        private String name;
        private String email;
        private String notes;

        public String getSlotId() { return slotId; }
        public void setSlotId(String v) { slotId = v; }
        public String getQ() { return q; }
        public void setQ(String v) { q = v; }
        public String getPersonId() { return personId; }
        public void setPersonId(String v) { personId = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getNotes() { return notes; }
        public void setNotes(String v) { notes = v; }
    }

    public static class CaseForm {
        private String caseTypeId;
        private String subject;
        private String description;

        public String getCaseTypeId() { return caseTypeId; }
        public void setCaseTypeId(String v) { caseTypeId = v; }
        public String getSubject() { return subject; }
        public void setSubject(String v) { subject = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
    }
}
