package org.mayorsoffice.casework.correspondence.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Opening a case from an item in triage, prefilled from the item. {@code personChoice}: a person's id, or "new". */
public class CaseFromItemForm {

    static final String ADD_WRITER = "new";

    @NotNull(message = "Select the type of case")
    private Long caseTypeId;

    @NotBlank(message = "Enter the subject of the case")
    @Size(max = 200, message = "Subject must be 200 characters or fewer")
    private String subject;

    @Size(max = 20000, message = "Description must be 20,000 characters or fewer")
    private String description;

    private String personChoice;
    private Long memberId;
    private String receivedOnDay;
    private String receivedOnMonth;
    private String receivedOnYear;

    void setReceivedOn(LocalDate date) {
        receivedOnDay = String.valueOf(date.getDayOfMonth());
        receivedOnMonth = String.valueOf(date.getMonthValue());
        receivedOnYear = String.valueOf(date.getYear());
    }

    LocalDate receivedOn() {
        return DateFields.parse(receivedOnDay, receivedOnMonth, receivedOnYear);
    }

    boolean receivedOnBlank() {
        return DateFields.blank(receivedOnDay, receivedOnMonth, receivedOnYear);
    }

    boolean addWriter() {
        return ADD_WRITER.equals(personChoice);
    }

    /** The chosen person's id, or null (none chosen, or "add the writer"). */
    Long personId() {
        try {
            return personChoice == null || addWriter() ? null : Long.valueOf(personChoice.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Long getCaseTypeId() { return caseTypeId; }
    public void setCaseTypeId(Long caseTypeId) { this.caseTypeId = caseTypeId; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPersonChoice() { return personChoice; }
    public void setPersonChoice(String personChoice) { this.personChoice = personChoice; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getReceivedOnDay() { return receivedOnDay; }
    public void setReceivedOnDay(String receivedOnDay) { this.receivedOnDay = receivedOnDay; }
    public String getReceivedOnMonth() { return receivedOnMonth; }
    public void setReceivedOnMonth(String receivedOnMonth) { this.receivedOnMonth = receivedOnMonth; }
    public String getReceivedOnYear() { return receivedOnYear; }
    public void setReceivedOnYear(String receivedOnYear) { this.receivedOnYear = receivedOnYear; }
}
