package org.mayorsoffice.casework.responses;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.web.Option;

/**
 * Drafting and approval for things that are not replies on a case: media statements, press releases and
 * answers to council questions. The text is kept in versions and approved through the same Approvals queue,
 * by the same rule (the member, a user holding their delegation, or the head of office when there is no
 * member). When the approver acts, {@link SubjectDraftApproved} or {@link SubjectDraftReturned} is published
 * in that transaction for the owning module.
 */
public interface ApprovalRequests {

    /** What a draft belongs to; the owning module keeps the subject itself. */
    enum SubjectKind {
        MEDIA_REQUEST("Media statement"),
        PRESS_RELEASE("Press release"),
        QUESTION("Answer to a council question");

        private final String label;

        SubjectKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param reference shown in the approvals queue's first column, e.g. {@code MEDIA-12}
     * @param title what it is about (the queue's second line)
     * @param heading the approval page's heading, e.g. "Statement for The Guardian"
     * @param memberId the member who approves (quoted or answering), or null for the head of office
     * @param details what the approver is shown about it, label and value
     * @param href the subject's own page, for the drafter's notification
     */
    record Subject(SubjectKind kind, long subjectId, String reference, String title, String heading, Long memberId,
            List<Detail> details, String href) {}

    /** A detail labelled "Question" is shown under its own heading as the text asked; blank values are left out. */
    record Detail(String label, String value) {}

    /** The draft of a subject as the owning module shows it; {@code status} is the draft status's label. */
    record SubjectDraft(long draftId, String status, boolean editable, boolean awaitingApproval, boolean approved,
            int version, String text, String returnComments, String returnedBy, String approvedBy, Instant approvedAt,
            List<String> contributors) {}

    /**
     * Saves the text (as a new version when it changed) and, when {@code submit}, sends it to the approver(s),
     * who are notified. Returns the names of the approvers notified (empty when only saved). Throws
     * {@code RuleViolationException} on field {@code text} for a blank, too long or unfinished text, and when
     * the draft is waiting for approval or approved already.
     */
    List<String> saveDraft(Subject subject, String text, boolean submit, CurrentUser user);

    Optional<SubjectDraft> draft(SubjectKind kind, long subjectId);

    /** Records that the approved text went out (e.g. the statement was sent to the journalist). */
    void markSent(SubjectKind kind, long subjectId, CurrentUser user);

    /** Active letter templates, for starting a draft. */
    List<Option> templateOptions();

    /** A template's text with {@code member.name}, {@code member.title} and {@code today} filled in. */
    Optional<String> templateText(long templateId, Long memberId);

    /** The approver approved (perhaps with changes): {@code text} is the approved version. */
    record SubjectDraftApproved(SubjectKind kind, long subjectId, long draftId, String text, int version,
            String approvedBy, long approvedById, List<String> contributors, Instant approvedAt) {}

    /** The approver returned the draft to its drafter with comments. */
    record SubjectDraftReturned(SubjectKind kind, long subjectId, long draftId, String comments, String returnedBy) {}
}
