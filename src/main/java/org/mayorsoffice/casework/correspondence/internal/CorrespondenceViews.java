package org.mayorsoffice.casework.correspondence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;

/** Read models for the register, triage and campaign pages, assembled inside transactions. */
public final class CorrespondenceViews {

    private CorrespondenceViews() {}

    /**
     * One row of the register or the triage inbox. {@code hidden}: attached to a restricted case, so the
     * list shows no subject or writer (the item page checks whether the user may see the case).
     */
    public record ItemRow(long id, Direction direction, Channel channel, Status status, LocalDate occurredOn,
            String correspondent, String subject, String caseReference, boolean hidden, String bodyPreview) {

        public String statusLabel() {
            return status.label();
        }

        public String statusColour() {
            return status.colour();
        }
    }

    public record AttachmentRow(long id, String fileName, String size) {}

    public record ItemDetail(long id, Direction direction, Channel channel, Status status, LocalDate occurredOn,
            String senderName, String senderEmail, String senderAddress, Long personId, String personName,
            String recipient, Long memberId, String member, String subject, String body, Long caseId,
            String caseReference, String caseSubject, Long campaignId, String campaignTitle, Long replyToItemId,
            String noActionReason, String distributedBy, Instant distributedAt, String approvedBy, String dispatchedBy,
            String source, String loggedBy, Instant loggedAt, List<AttachmentRow> attachments) {

        public boolean inTriage() {
            return status == Status.IN_TRIAGE;
        }

        /** "Jane Smith <jane@example.org>", or whatever is known. */
        public String correspondent() {
            return CorrespondenceService.correspondent(senderName, senderEmail);
        }
    }

    /** A group of near-identical items in triage, for the campaign suggestion. */
    public record Suggestion(String subject, List<ItemRow> items) {}

    public record CampaignRow(long id, String title, String status, long writers, Instant createdAt) {}

    /** One writer in a campaign and their item; {@code needsLetter}: no email address, so the reply must be posted. */
    public record CampaignMember(long itemId, String writer, String email, Long personId, String subject,
            LocalDate occurredOn, boolean needsLetter, Long replyItemId) {}

    public record CampaignDetail(long id, String title, String status, String responseSubject, String responseText,
            String approvedBy, Instant approvedAt, String sentBy, Instant sentAt, String createdBy, Instant createdAt,
            long version, List<CampaignMember> members) {

        public boolean drafting() {
            return "DRAFTING".equals(status);
        }

        public boolean approved() {
            return "APPROVED".equals(status);
        }

        public boolean sent() {
            return "SENT".equals(status);
        }

        /** Writers with an email address, each address once (someone who wrote twice gets one reply). */
        public long emailWriters() {
            return members.stream().filter(m -> !m.needsLetter()).map(m -> m.email().strip().toLowerCase()).distinct().count();
        }

        public List<CampaignMember> needingLetters() {
            return members.stream().filter(CampaignMember::needsLetter).toList();
        }

        public String statusLabel() {
            return switch (status) {
                case "APPROVED" -> "Response approved";
                case "SENT" -> "Response sent";
                default -> "Drafting the response";
            };
        }
    }
}
