package org.mayorsoffice.casework.media.web;

import java.time.LocalDate;
import org.mayorsoffice.casework.media.internal.MediaViews.Kind;
import org.mayorsoffice.casework.media.internal.MediaViews.Tone;

/** The forms of the media pages (mutable, bound by Spring; checked in the controller and the services). */
final class MediaForms {

    private MediaForms() {}

    /** A real date from the three GOV.UK date boxes, or null. */
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

    public static class MediaForm {
        private Kind kind = Kind.REQUEST;
        private String title;
        private String question;
        private String journalistName;
        private String journalistEmail;
        private String outlet;
        private String dueInHours;
        private String deadlineDay;
        private String deadlineMonth;
        private String deadlineYear;
        private String deadlineTime;
        private Long memberId;
        private Long topicId;
        private String caseReferences;

        public Kind getKind() { return kind; }
        public void setKind(Kind kind) { this.kind = kind; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getQuestion() { return question; }
        public void setQuestion(String question) { this.question = question; }
        public String getJournalistName() { return journalistName; }
        public void setJournalistName(String journalistName) { this.journalistName = journalistName; }
        public String getJournalistEmail() { return journalistEmail; }
        public void setJournalistEmail(String journalistEmail) { this.journalistEmail = journalistEmail; }
        public String getOutlet() { return outlet; }
        public void setOutlet(String outlet) { this.outlet = outlet; }
        public String getDueInHours() { return dueInHours; }
        public void setDueInHours(String dueInHours) { this.dueInHours = dueInHours; }
        public String getDeadlineDay() { return deadlineDay; }
        public void setDeadlineDay(String deadlineDay) { this.deadlineDay = deadlineDay; }
        public String getDeadlineMonth() { return deadlineMonth; }
        public void setDeadlineMonth(String deadlineMonth) { this.deadlineMonth = deadlineMonth; }
        public String getDeadlineYear() { return deadlineYear; }
        public void setDeadlineYear(String deadlineYear) { this.deadlineYear = deadlineYear; }
        public String getDeadlineTime() { return deadlineTime; }
        public void setDeadlineTime(String deadlineTime) { this.deadlineTime = deadlineTime; }
        public Long getMemberId() { return memberId; }
        public void setMemberId(Long memberId) { this.memberId = memberId; }
        public Long getTopicId() { return topicId; }
        public void setTopicId(Long topicId) { this.topicId = topicId; }
        public String getCaseReferences() { return caseReferences; }
        public void setCaseReferences(String caseReferences) { this.caseReferences = caseReferences; }
    }

    public static class StatementForm {
        private String text;
        private Long templateId;
        private String reason;

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public Long getTemplateId() { return templateId; }
        public void setTemplateId(Long templateId) { this.templateId = templateId; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class CoverageForm {
        private String outlet;
        private String publishedOnDay;
        private String publishedOnMonth;
        private String publishedOnYear;
        private String headline;
        private String linkText;
        private Tone tone;
        private Long portfolioId;
        private Long topicId;
        private String caseReferences;

        public String getOutlet() { return outlet; }
        public void setOutlet(String outlet) { this.outlet = outlet; }
        public String getPublishedOnDay() { return publishedOnDay; }
        public void setPublishedOnDay(String publishedOnDay) { this.publishedOnDay = publishedOnDay; }
        public String getPublishedOnMonth() { return publishedOnMonth; }
        public void setPublishedOnMonth(String publishedOnMonth) { this.publishedOnMonth = publishedOnMonth; }
        public String getPublishedOnYear() { return publishedOnYear; }
        public void setPublishedOnYear(String publishedOnYear) { this.publishedOnYear = publishedOnYear; }
        public String getHeadline() { return headline; }
        public void setHeadline(String headline) { this.headline = headline; }
        public String getLinkText() { return linkText; }
        public void setLinkText(String linkText) { this.linkText = linkText; }
        public Tone getTone() { return tone; }
        public void setTone(Tone tone) { this.tone = tone; }
        public Long getPortfolioId() { return portfolioId; }
        public void setPortfolioId(Long portfolioId) { this.portfolioId = portfolioId; }
        public Long getTopicId() { return topicId; }
        public void setTopicId(Long topicId) { this.topicId = topicId; }
        public String getCaseReferences() { return caseReferences; }
        public void setCaseReferences(String caseReferences) { this.caseReferences = caseReferences; }
    }
}
