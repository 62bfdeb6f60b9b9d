package org.mayorsoffice.casework.responses.internal;

import java.time.Instant;
import java.util.List;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.SummaryRow;

/** Read models of the draft response pages. */
public final class DraftViews {

    private DraftViews() {}

    public enum DraftStatus {
        DRAFT("Draft", "grey"),
        AWAITING_APPROVAL("Awaiting approval", "orange"),
        RETURNED("Returned with comments", "red"),
        APPROVED("Approved", "green"),
        DISPATCHED("Sent", "blue");

        private final String label;
        private final String colour;

        DraftStatus(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }

    /** The case a draft belongs to, as the draft pages head it. */
    public record CaseRef(long id, String reference, String subject) {}

    /** What the new-draft page offers, and the merged text once a template and recipient are chosen. */
    public record Compose(CaseRef c, List<Option> templates, List<Option> recipients, String text,
            List<String> unknownFields) {}

    public record DraftRow(long id, String recipient, DraftStatus status, int currentVersion, String createdBy,
            Instant createdAt, String href) {}

    public record VersionRow(int number, String author, Instant createdAt, String note, String href) {}

    public record DraftDetail(long id, CaseRef c, String recipient, DraftStatus status, int currentVersion, String text,
            List<String> unknownFields, String approver, String returnComments, String returnedBy, String approvedBy,
            Instant approvedAt, String dispatchedBy, Instant dispatchedAt, String dispatchChannels,
            String recipientEmail, boolean canEdit, boolean canSubmit, boolean canDispatch, boolean sent,
            List<VersionRow> versions, List<StandardLine> standardLines) {}

    /** A standard line, merged for this draft, for the insert list. */
    public record StandardLine(long id, String name, String text) {}

    public record VersionDetail(CaseRef c, long draftId, int number, String author, Instant createdAt, String note,
            String text, List<TextDiff.Line> changes, boolean first) {}

    public record ApprovalDetail(long draftId, CaseRef c, List<SummaryRow> caseRows, String caseDescription,
            String recipient, String submittedBy, Instant submittedAt, int currentVersion, String text,
            String versionsHref, boolean letter, String askedHeading) {}

    public record SaveResult(int version, boolean changed, List<String> unknownFields) {}
}
