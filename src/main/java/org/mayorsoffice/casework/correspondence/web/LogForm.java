package org.mayorsoffice.casework.correspondence.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.springframework.web.multipart.MultipartFile;

/** Logging a piece of correspondence by hand. */
public class LogForm {

    @NotNull(message = "Select whether it came in or went out")
    private Direction direction = Direction.IN;

    @NotNull(message = "Select how it came in or went out")
    private Channel channel;

    private String occurredOnDay;
    private String occurredOnMonth;
    private String occurredOnYear;

    @Size(max = 200, message = "Name must be 200 characters or fewer")
    private String senderName;

    @Size(max = 320, message = "Email address must be 320 characters or fewer")
    private String senderEmail;

    @Size(max = 500, message = "Address must be 500 characters or fewer")
    private String senderAddress;

    @Size(max = 400, message = "Recipient must be 400 characters or fewer")
    private String recipient;

    private Long memberId;

    @NotBlank(message = "Enter the subject")
    @Size(max = 300, message = "Subject must be 300 characters or fewer")
    private String subject;

    @Size(max = 100000, message = "The text must be 100,000 characters or fewer")
    private String body;

    private List<MultipartFile> files = new ArrayList<>();

    void setOccurredOn(LocalDate date) {
        occurredOnDay = String.valueOf(date.getDayOfMonth());
        occurredOnMonth = String.valueOf(date.getMonthValue());
        occurredOnYear = String.valueOf(date.getYear());
    }

    LocalDate occurredOn() {
        return DateFields.parse(occurredOnDay, occurredOnMonth, occurredOnYear);
    }

    boolean occurredOnBlank() {
        return DateFields.blank(occurredOnDay, occurredOnMonth, occurredOnYear);
    }

    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getOccurredOnDay() { return occurredOnDay; }
    public void setOccurredOnDay(String occurredOnDay) { this.occurredOnDay = occurredOnDay; }
    public String getOccurredOnMonth() { return occurredOnMonth; }
    public void setOccurredOnMonth(String occurredOnMonth) { this.occurredOnMonth = occurredOnMonth; }
    public String getOccurredOnYear() { return occurredOnYear; }
    public void setOccurredOnYear(String occurredOnYear) { this.occurredOnYear = occurredOnYear; }
    public String getSenderName() { return senderName; }
    public void setSenderName(String senderName) { this.senderName = senderName; }
    public String getSenderEmail() { return senderEmail; }
    public void setSenderEmail(String senderEmail) { this.senderEmail = senderEmail; }
    public String getSenderAddress() { return senderAddress; }
    public void setSenderAddress(String senderAddress) { this.senderAddress = senderAddress; }
    public String getRecipient() { return recipient; }
    public void setRecipient(String recipient) { this.recipient = recipient; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public List<MultipartFile> getFiles() { return files; }
    public void setFiles(List<MultipartFile> files) { this.files = files; }
}
