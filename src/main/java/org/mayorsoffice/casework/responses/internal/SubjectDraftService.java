package org.mayorsoffice.casework.responses.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Clock;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Signatories;
import org.mayorsoffice.casework.identity.Signatories.Signatory;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.responses.ApprovalRequests;
import org.mayorsoffice.casework.responses.internal.DraftService.Draft;
import org.mayorsoffice.casework.responses.internal.DraftViews.DraftStatus;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.Kind;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts that belong to a media request, press release or council question rather than a case: the same
 * draft_response and draft_version rows, so the Approvals queue, its pages and the approval rule are shared.
 */
@Service
@Transactional(readOnly = true)
class SubjectDraftService implements ApprovalRequests {

    private final JdbcClient jdbc;
    private final DraftService drafts;
    private final LetterTemplateService templates;
    private final Signatories signatories;
    private final Notifications notifications;
    private final Clock clock;

    SubjectDraftService(JdbcClient jdbc, DraftService drafts, LetterTemplateService templates, Signatories signatories,
            Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.templates = templates;
        this.signatories = signatories;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<String> saveDraft(Subject subject, String text, boolean submit, CurrentUser user) {
        DraftService.requireStaff(user);
        String clean = DraftService.checkText(text);
        if (clean.isBlank()) {
            throw new RuleViolationException("text", "Enter the text");
        }
        Optional<Draft> existing = find(subject.kind(), subject.subjectId());
        long draftId;
        Draft d;
        if (existing.isEmpty()) {
            draftId = jdbc.sql("insert into draft_response (case_reference, case_subject, recipient_name, member_id,"
                            + " created_by_id, created_by, subject_kind, subject_id, subject_href, subject_details)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                    .params(cut(subject.reference(), 40), cut(subject.title(), 300), cut(subject.heading(), 300),
                            subject.memberId(), user.id(), user.displayName(), subject.kind().name(),
                            subject.subjectId(), subject.href(), details(subject))
                    .query(Long.class).single();
            drafts.addVersion(draftId, 1, clean, user.id(), user.displayName(), "First draft");
            d = drafts.find(draftId).orElseThrow();
        } else {
            d = existing.get();
            draftId = d.id();
            if (d.status() != DraftStatus.DRAFT && d.status() != DraftStatus.RETURNED) {
                throw new RuleViolationException("text", "This draft is " + d.status().label().toLowerCase()
                        + " and can no longer be changed");
            }
            jdbc.sql("update draft_response set case_subject = ?, recipient_name = ?, member_id = ?, subject_details = ?,"
                            + " version = version + 1 where id = ?")
                    .params(cut(subject.title(), 300), cut(subject.heading(), 300), subject.memberId(), details(subject),
                            draftId)
                    .update();
            if (!clean.equals(drafts.versionText(draftId, d.currentVersion()))) {
                drafts.newVersion(d, clean, user, null);
            }
        }
        if (!submit) {
            return List.of();
        }
        List<String> left = MergeFields.placeholders(clean);
        if (!left.isEmpty()) {
            throw new RuleViolationException("text", "Replace " + String.join(", ", left) + " before sending it for approval");
        }
        String memberName = subject.memberId() == null ? "the head of office"
                : signatories.signatory(subject.memberId()).map(Signatory::name).orElse("the member");
        Set<Long> approvers = drafts.approvers(subject.memberId(), memberName);
        jdbc.sql("update draft_response set status = 'AWAITING_APPROVAL', submitted_at = now(), return_comments = null,"
                        + " returned_by = null, version = version + 1 where id = ?")
                .param(draftId).update();
        List<String> names = new ArrayList<>();
        for (long approver : approvers) {
            notifications.notify(approver, "Approval requested: " + subject.reference() + " " + subject.heading(),
                    "/approvals/" + draftId, true);
            signatories.user(approver).ifPresent(u -> names.add(u.displayName()));
        }
        return names;
    }

    @Override
    public Optional<SubjectDraft> draft(SubjectKind kind, long subjectId) {
        return find(kind, subjectId).map(d -> {
            int shown = d.approvedVersion() != null ? d.approvedVersion() : d.currentVersion();
            boolean editable = d.status() == DraftStatus.DRAFT || d.status() == DraftStatus.RETURNED;
            return new SubjectDraft(d.id(), d.status().label(), editable, d.status() == DraftStatus.AWAITING_APPROVAL,
                    d.status() == DraftStatus.APPROVED || d.status() == DraftStatus.DISPATCHED, shown,
                    drafts.versionText(d.id(), shown), d.returnComments(), d.returnedBy(), d.approvedBy(),
                    d.approvedAt(), drafts.contributors(d.id()));
        });
    }

    @Override
    @Transactional
    public void markSent(SubjectKind kind, long subjectId, CurrentUser user) {
        Draft d = find(kind, subjectId).filter(x -> x.status() == DraftStatus.APPROVED)
                .orElseThrow(() -> new RuleViolationException(null, "Only approved text can be sent"));
        jdbc.sql("update draft_response set status = 'DISPATCHED', dispatched_at = ?, dispatched_by = ?,"
                        + " version = version + 1 where id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), user.displayName(), d.id()).update();
    }

    @Override
    public List<Option> templateOptions() {
        return templates.active(Kind.TEMPLATE).stream().map(t -> Option.of(t.id(), t.name())).toList();
    }

    @Override
    public Optional<String> templateText(long templateId, Long memberId) {
        Optional<Signatory> member = memberId == null ? Optional.empty() : signatories.signatory(memberId);
        Map<String, String> values = new HashMap<>();
        values.put("member.name", member.map(Signatory::name).orElse("the Mayor's Office"));
        values.put("member.title", member.map(drafts::title).orElse("the Mayor's Office"));
        values.put("today", LocalDate.now(clock).format(DraftService.LETTER_DATE));
        return templates.find(templateId).filter(t -> t.active() && t.kind() == Kind.TEMPLATE)
                .map(t -> MergeFields.merge(t.body(), values).text());
    }

    private Optional<Draft> find(SubjectKind kind, long subjectId) {
        return jdbc.sql("select id from draft_response where subject_kind = ? and subject_id = ?")
                .params(kind.name(), subjectId).query(Long.class).optional().flatMap(drafts::find);
    }

    /** One "label TAB value" line per detail; line breaks in a value are kept as a backslash-n. */
    private static String details(Subject subject) {
        StringBuilder out = new StringBuilder();
        for (Detail detail : subject.details()) {
            if (detail.value() != null && !detail.value().isBlank()) {
                out.append(detail.label().replace('\t', ' ').replace('\n', ' ')).append('\t')
                        .append(detail.value().replace("\r\n", "\n").replace("\n", "\\n")).append('\n');
            }
        }
        return cut(out.toString(), 5000);
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
