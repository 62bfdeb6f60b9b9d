package org.mayorsoffice.casework.correspondence.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The small forms of the triage and campaign pages. */
final class SimpleForms {

    private SimpleForms() {}

    /** Filing an item as no action. */
    public static class NoActionForm {
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    /** Finding a case (q) and attaching the item to it (caseId). */
    public static class AttachForm {
        private String q;
        private Long caseId;

        public String getQ() { return q; }
        public void setQ(String q) { this.q = q; }
        public Long getCaseId() { return caseId; }
        public void setCaseId(Long caseId) { this.caseId = caseId; }
    }

    /**
     * Items selected on the triage inbox, for a new campaign (title) or an existing one (campaignId). Serializable:
     * on an error it travels to the inbox page as a flash attribute, in the session kept in the database.
     */
    public static class CampaignForm implements Serializable {
        private List<Long> itemIds = new ArrayList<>();
        private String title;
        private Long campaignId;

        public List<Long> getItemIds() { return itemIds; }
        public void setItemIds(List<Long> itemIds) { this.itemIds = itemIds; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public Long getCampaignId() { return campaignId; }
        public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    }

    /** The standard response of a campaign. */
    public static class ResponseForm {
        private String responseSubject;
        private String responseText;
        private long version;

        public String getResponseSubject() { return responseSubject; }
        public void setResponseSubject(String responseSubject) { this.responseSubject = responseSubject; }
        public String getResponseText() { return responseText; }
        public void setResponseText(String responseText) { this.responseText = responseText; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }
}
