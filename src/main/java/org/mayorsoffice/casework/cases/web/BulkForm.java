package org.mayorsoffice.casework.cases.web;

import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseStatus;

/** One action applied to the cases ticked in a list. */
public class BulkForm {

    /** What to do with the selected cases. */
    public enum Action { STATUS, TAG, CLOSE, ALLOCATE }

    private List<Long> caseIds = new ArrayList<>();
    private Action bulkAction;
    private CaseStatus status;
    private Outcome outcome;
    private String tag;
    private Long caseworkerId;
    private String note;
    private String returnTo;

    public List<Long> getCaseIds() { return caseIds; }
    public void setCaseIds(List<Long> caseIds) { this.caseIds = caseIds; }
    public Action getBulkAction() { return bulkAction; }
    public void setBulkAction(Action bulkAction) { this.bulkAction = bulkAction; }
    public CaseStatus getStatus() { return status; }
    public void setStatus(CaseStatus status) { this.status = status; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
    public Long getCaseworkerId() { return caseworkerId; }
    public void setCaseworkerId(Long caseworkerId) { this.caseworkerId = caseworkerId; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getReturnTo() { return returnTo; }
    public void setReturnTo(String returnTo) { this.returnTo = returnTo; }
}
