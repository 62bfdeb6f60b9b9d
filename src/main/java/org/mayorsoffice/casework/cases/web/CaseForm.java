package org.mayorsoffice.casework.cases.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;

/** Opening a case (every field) or changing one (type, channel, date and person are fixed once opened). */
public class CaseForm {

    interface Open {}

    @NotNull(message = "Select the type of case", groups = Open.class)
    private Long caseTypeId;

    @NotNull(message = "Select how the case came in", groups = Open.class)
    private Channel channel;

    @NotBlank(message = "Enter a subject")
    @Size(max = 200, message = "Subject must be 200 characters or fewer")
    private String subject;

    @Size(max = 20000, message = "Description must be 20,000 characters or fewer")
    private String description;

    private Long topicId;
    private Long portfolioId;
    private Long wardId;
    private Long memberId;

    @NotNull(message = "Select the priority")
    private Priority priority = Priority.NORMAL;

    @NotNull(message = "Select how confidential the case is")
    private Confidentiality confidentiality = Confidentiality.STANDARD;

    @NotNull(message = "Select the lawful basis for processing")
    private LawfulBasis lawfulBasis = LawfulBasis.PUBLIC_TASK;

    private boolean specialCategory;

    private String receivedOnDay;
    private String receivedOnMonth;
    private String receivedOnYear;

    private Long personId;
    private String personQuery;

    private long version;

    /** The received date, or null when the three boxes do not make a real date. */
    LocalDate receivedOn() {
        try {
            return LocalDate.of(Integer.parseInt(receivedOnYear.strip()), Integer.parseInt(receivedOnMonth.strip()),
                    Integer.parseInt(receivedOnDay.strip()));
        } catch (NumberFormatException | NullPointerException | DateTimeException e) {
            return null;
        }
    }

    boolean receivedOnBlank() {
        return isBlank(receivedOnDay) && isBlank(receivedOnMonth) && isBlank(receivedOnYear);
    }

    void setReceivedOn(LocalDate date) {
        receivedOnDay = String.valueOf(date.getDayOfMonth());
        receivedOnMonth = String.valueOf(date.getMonthValue());
        receivedOnYear = String.valueOf(date.getYear());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public Long getCaseTypeId() { return caseTypeId; }
    public void setCaseTypeId(Long caseTypeId) { this.caseTypeId = caseTypeId; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getTopicId() { return topicId; }
    public void setTopicId(Long topicId) { this.topicId = topicId; }
    public Long getPortfolioId() { return portfolioId; }
    public void setPortfolioId(Long portfolioId) { this.portfolioId = portfolioId; }
    public Long getWardId() { return wardId; }
    public void setWardId(Long wardId) { this.wardId = wardId; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public Confidentiality getConfidentiality() { return confidentiality; }
    public void setConfidentiality(Confidentiality confidentiality) { this.confidentiality = confidentiality; }
    public LawfulBasis getLawfulBasis() { return lawfulBasis; }
    public void setLawfulBasis(LawfulBasis lawfulBasis) { this.lawfulBasis = lawfulBasis; }
    /** On the new-case form: go on to send the resident an acknowledgement. */
    private boolean sendAcknowledgement;
    public boolean isSendAcknowledgement() { return sendAcknowledgement; }
    public void setSendAcknowledgement(boolean sendAcknowledgement) { this.sendAcknowledgement = sendAcknowledgement; }

    public boolean isSpecialCategory() { return specialCategory; }
    public void setSpecialCategory(boolean specialCategory) { this.specialCategory = specialCategory; }
    public String getReceivedOnDay() { return receivedOnDay; }
    public void setReceivedOnDay(String receivedOnDay) { this.receivedOnDay = receivedOnDay; }
    public String getReceivedOnMonth() { return receivedOnMonth; }
    public void setReceivedOnMonth(String receivedOnMonth) { this.receivedOnMonth = receivedOnMonth; }
    public String getReceivedOnYear() { return receivedOnYear; }
    public void setReceivedOnYear(String receivedOnYear) { this.receivedOnYear = receivedOnYear; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long personId) { this.personId = personId; }
    public String getPersonQuery() { return personQuery; }
    public void setPersonQuery(String personQuery) { this.personQuery = personQuery; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
