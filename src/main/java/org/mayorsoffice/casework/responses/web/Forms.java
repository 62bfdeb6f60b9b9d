package org.mayorsoffice.casework.responses.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.Kind;

/** The forms of the draft response pages (mutable, bound by Spring; validated in the services). */
final class Forms {

    private Forms() {}

    public static class TemplateForm {
        private String name;
        private Kind kind;
        private String body;
        private boolean active = true;
        private long version;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Kind getKind() { return kind; }
        public void setKind(Kind kind) { this.kind = kind; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    public static class DraftForm {
        private Long templateId;
        private Long personId;
        private String text;

        public Long getTemplateId() { return templateId; }
        public void setTemplateId(Long templateId) { this.templateId = templateId; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class EditForm {
        private String text;
        private int baseVersion;
        private Long standardLineId;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public int getBaseVersion() { return baseVersion; }
        public void setBaseVersion(int baseVersion) { this.baseVersion = baseVersion; }
        public Long getStandardLineId() { return standardLineId; }
        public void setStandardLineId(Long standardLineId) { this.standardLineId = standardLineId; }
    }

    public static class ApprovalForm {
        private String text;
        private String comments;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getComments() { return comments; }
        public void setComments(String comments) { this.comments = comments; }
    }

    public static class DispatchForm {
        private List<String> channels = new ArrayList<>();

        public List<String> getChannels() { return channels; }
        public void setChannels(List<String> channels) { this.channels = channels == null ? new ArrayList<>() : channels; }
    }

    public static class DelegationForm {
        private Long delegateUserId;
        private String startsOnDay;
        private String startsOnMonth;
        private String startsOnYear;
        private String endsOnDay;
        private String endsOnMonth;
        private String endsOnYear;

        static LocalDate date(String day, String month, String year) {
            return org.mayorsoffice.casework.shared.web.DateInput.parse(day, month, year);
        }

        static boolean blank(String... parts) {
            for (String p : parts) {
                if (p != null && !p.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        void setStartsOn(LocalDate d) {
            startsOnDay = String.valueOf(d.getDayOfMonth());
            startsOnMonth = String.valueOf(d.getMonthValue());
            startsOnYear = String.valueOf(d.getYear());
        }

        public Long getDelegateUserId() { return delegateUserId; }
        public void setDelegateUserId(Long delegateUserId) { this.delegateUserId = delegateUserId; }
        public String getStartsOnDay() { return startsOnDay; }
        public void setStartsOnDay(String v) { this.startsOnDay = v; }
        public String getStartsOnMonth() { return startsOnMonth; }
        public void setStartsOnMonth(String v) { this.startsOnMonth = v; }
        public String getStartsOnYear() { return startsOnYear; }
        public void setStartsOnYear(String v) { this.startsOnYear = v; }
        public String getEndsOnDay() { return endsOnDay; }
        public void setEndsOnDay(String v) { this.endsOnDay = v; }
        public String getEndsOnMonth() { return endsOnMonth; }
        public void setEndsOnMonth(String v) { this.endsOnMonth = v; }
        public String getEndsOnYear() { return endsOnYear; }
        public void setEndsOnYear(String v) { this.endsOnYear = v; }
    }
}
