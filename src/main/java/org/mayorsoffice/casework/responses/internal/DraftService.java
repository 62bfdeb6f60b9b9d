package org.mayorsoffice.casework.responses.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.Signatories;
import org.mayorsoffice.casework.identity.Signatories.Signatory;
import org.mayorsoffice.casework.identity.Signatories.StaffUser;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.people.PeopleApi.Correspondent;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.responses.ApprovalQueue;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraftApproved;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraftReturned;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectKind;
import org.mayorsoffice.casework.responses.ResponseDispatched;
import org.mayorsoffice.casework.responses.internal.DraftViews.ApprovalDetail;
import org.mayorsoffice.casework.responses.internal.DraftViews.CaseRef;
import org.mayorsoffice.casework.responses.internal.DraftViews.Compose;
import org.mayorsoffice.casework.responses.internal.DraftViews.DraftDetail;
import org.mayorsoffice.casework.responses.internal.DraftViews.DraftRow;
import org.mayorsoffice.casework.responses.internal.DraftViews.DraftStatus;
import org.mayorsoffice.casework.responses.internal.DraftViews.SaveResult;
import org.mayorsoffice.casework.responses.internal.DraftViews.StandardLine;
import org.mayorsoffice.casework.responses.internal.DraftViews.VersionDetail;
import org.mayorsoffice.casework.responses.internal.DraftViews.VersionRow;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.Kind;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.TemplateDetail;
import org.mayorsoffice.casework.shared.pdf.PdfRenderer;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.SummaryRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draft responses: drafting from a template with merge fields, every save kept as a version, submission for
 * approval, approval or return by the member (or delegate, or the head of office for office-level cases),
 * and dispatch as a PDF letter on letterhead and/or by email.
 */
@Service
@Transactional(readOnly = true)
public class DraftService implements ApprovalQueue {

    public static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static final int MAX_TEXT = 20000;

    private static final String OFFICE_SIGNATORY_TITLE = "Head of the Mayor's Office";

    private static final String DRAFT_COLUMNS = "select id, case_id, person_id, member_id, status, current_version,"
            + " created_by_id, created_by, submitted_at, return_comments, returned_by, approved_version, approved_by,"
            + " approved_at, dispatched_at, dispatched_by, dispatch_channels, dispatched_email, case_reference,"
            + " case_subject, recipient_name, created_at, template_id, subject_kind, subject_id, subject_href,"
            + " subject_details from draft_response";

    /** One row of draft_response. */
    record Draft(long id, long caseId, long personId, Long memberId, DraftStatus status, int currentVersion,
            long createdById, String createdBy, Instant submittedAt, String returnComments, String returnedBy,
            Integer approvedVersion, String approvedBy, Instant approvedAt, Instant dispatchedAt, String dispatchedBy,
            String dispatchChannels, String dispatchedEmail, String caseReference, String caseSubject,
            String recipientName, Instant createdAt, SubjectKind subjectKind, Long subjectId, String subjectHref,
            String subjectDetails) {

        boolean onCase() {
            return subjectKind == null;
        }
    }

    private final JdbcClient jdbc;
    private final CaseDesk cases;
    private final PeopleApi people;
    private final Signatories signatories;
    private final LetterTemplateService templates;
    private final DelegationService delegations;
    private final Notifications notifications;
    private final Outbox outbox;
    private final PdfRenderer pdf;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String councilName;
    private final String placeName;
    private final List<String> officeAddress;

    DraftService(JdbcClient jdbc, CaseDesk cases, PeopleApi people, Signatories signatories,
            LetterTemplateService templates, DelegationService delegations, Notifications notifications, Outbox outbox,
            PdfRenderer pdf, ApplicationEventPublisher events, Clock clock,
            @Value("${casework.council-name:London Borough of Tower Hamlets}") String councilName,
            @Value("${casework.responses.place-name:Tower Hamlets}") String placeName,
            @Value("${casework.responses.office-address:Mayor's Office,Town Hall,160 Whitechapel Road,London E1 1BJ}")
                    List<String> officeAddress) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.people = people;
        this.signatories = signatories;
        this.templates = templates;
        this.delegations = delegations;
        this.notifications = notifications;
        this.outbox = outbox;
        this.pdf = pdf;
        this.events = events;
        this.clock = clock;
        this.councilName = councilName;
        this.placeName = placeName;
        this.officeAddress = List.copyOf(officeAddress);
    }

    // ---------------------------------------------------------------- merge fields

    /** Example values, for checking a template's fields when it is saved. */
    static Map<String, String> sampleValues() {
        Map<String, String> values = new HashMap<>();
        for (String[] field : MergeFields.KNOWN) {
            values.put(field[0], field[0]);
        }
        return values;
    }

    Map<String, String> mergeValues(CaseSummary c, Correspondent person) {
        Map<String, String> values = new HashMap<>();
        values.put("person.name", person.displayName());
        values.put("person.salutation", salutation(person));
        values.put("person.address", String.join("\n", addressLines(person)));
        values.put("case.reference", c.reference());
        values.put("case.subject", c.subject());
        values.put("case.reply_by", c.dueOn() == null ? "" : c.dueOn().format(LETTER_DATE));
        Optional<Signatory> member = c.memberId() == null ? Optional.empty() : signatories.signatory(c.memberId());
        values.put("member.name", member.map(Signatory::name).orElse("the Mayor's Office"));
        values.put("member.title", member.map(this::title).orElse(councilName));
        values.put("today", LocalDate.now(clock).format(LETTER_DATE));
        return values;
    }

    String title(Signatory s) {
        return MemberTitles.title(s.office(), s.portfolios(), placeName);
    }

    static String salutation(Correspondent person) {
        return person.salutation() == null || person.salutation().isBlank() ? "Sir or Madam" : person.salutation();
    }

    private static List<String> addressLines(Correspondent person) {
        List<String> lines = new ArrayList<>(person.addressLines());
        if (person.postcode() != null && !person.postcode().isBlank()) {
            lines.add(person.postcode());
        }
        return lines;
    }

    // ---------------------------------------------------------------- drafting

    /** The new-draft page: templates, the case's people, and the merged text when both are chosen. */
    public Compose compose(long caseId, Long templateId, Long personId, boolean merge, CurrentUser user) {
        CaseSummary c = visibleCase(caseId, user);
        List<Option> templateOptions = new ArrayList<>();
        templateOptions.add(new Option("", "Blank letter"));
        templates.active(Kind.TEMPLATE).forEach(t -> templateOptions.add(Option.of(t.id(), t.name())));
        List<Option> recipients = c.people().stream().map(p -> Option.of(p.id(), p.displayName()
                + (p.postcode() == null ? "" : ", " + p.postcode()))).toList();
        String text = null;
        List<String> unknown = List.of();
        if (merge && personId != null) {
            Correspondent person = recipient(c, personId);
            String body = templateId == null ? "" : templates.find(templateId)
                    .filter(t -> t.kind() == Kind.TEMPLATE && t.active())
                    .map(TemplateDetail::body)
                    .orElseThrow(() -> new RuleViolationException("templateId", "Select a template from the list"));
            MergeFields.Merged merged = MergeFields.merge(body, mergeValues(c, person));
            text = merged.text();
            unknown = merged.unknownFields();
        }
        return new Compose(caseRef(c), templateOptions, recipients, text, unknown);
    }

    /** Starts a draft (version 1) for a person on the case; the case moves to Draft response. */
    @Transactional
    public long create(long caseId, Long personId, Long templateId, String text, CurrentUser user) {
        CaseSummary c = visibleCase(caseId, user);
        requireStaff(user);
        if (personId == null) {
            throw new RuleViolationException("personId", "Select who the response is to");
        }
        Correspondent person = recipient(c, personId);
        String clean = checkText(text);
        if (templateId != null && templates.find(templateId).isEmpty()) {
            templateId = null;
        }
        long id = jdbc.sql("insert into draft_response (case_id, person_id, case_reference, case_subject, recipient_name,"
                        + " template_id, member_id, created_by_id, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(caseId, person.id(), c.reference(), c.subject(), person.displayName(), templateId, c.memberId(),
                        user.id(), user.displayName())
                .query(Long.class).single();
        addVersion(id, 1, clean, user.id(), user.displayName(), "First draft");
        cases.record(caseId, TimelineKind.DRAFT, "Draft response to " + person.displayName() + " started (version 1).", true, user);
        cases.advance(caseId, CaseStatus.DRAFT_RESPONSE, null, user);
        return id;
    }

    /** Saves the text as a new version when it changed; only a draft or a returned draft can be edited. */
    @Transactional
    public SaveResult save(long draftId, String text, int baseVersion, CurrentUser user) {
        Draft d = draftForStaff(draftId, user);
        if (d.status() != DraftStatus.DRAFT && d.status() != DraftStatus.RETURNED) {
            throw new RuleViolationException("text", "This draft is " + d.status().label().toLowerCase()
                    + " and can no longer be changed");
        }
        if (d.currentVersion() != baseVersion) {
            throw new ConcurrentEditException("draft", d.currentVersion());
        }
        String clean = checkText(text);
        if (clean.equals(versionText(draftId, d.currentVersion()))) {
            return new SaveResult(d.currentVersion(), false, MergeFields.placeholders(clean));
        }
        int next = newVersion(d, clean, user, null);
        cases.record(d.caseId(), TimelineKind.DRAFT, "Draft response to " + d.recipientName() + " revised (version "
                + next + ").", true, user);
        return new SaveResult(next, true, MergeFields.placeholders(clean));
    }

    /** Sends the draft to its approver(s); the case moves to Awaiting approval. */
    @Transactional
    public List<String> submit(long draftId, CurrentUser user) {
        Draft d = draftForStaff(draftId, user);
        if (d.status() != DraftStatus.DRAFT && d.status() != DraftStatus.RETURNED) {
            throw new RuleViolationException(null, "This draft is " + d.status().label().toLowerCase() + " already");
        }
        String text = versionText(draftId, d.currentVersion());
        List<String> left = MergeFields.placeholders(text);
        if (!left.isEmpty()) {
            throw new RuleViolationException(null, "Replace " + String.join(", ", left) + " before submitting the draft");
        }
        if (text.isBlank()) {
            throw new RuleViolationException(null, "Write the response before submitting it");
        }
        CaseSummary c = visibleCase(d.caseId(), user);
        Long memberId = c.memberId();
        LocalDate today = LocalDate.now(clock);
        Set<Long> approvers = new LinkedHashSet<>();
        String approverName;
        if (memberId == null) {
            signatories.usersWithRole(Role.HEAD_OF_OFFICE).forEach(u -> approvers.add(u.userId()));
            approverName = "the head of office";
        } else {
            signatories.usersOfMember(memberId).forEach(u -> approvers.add(u.userId()));
            approvers.addAll(delegations.delegatesOf(memberId, today));
            approverName = c.member();
        }
        if (approvers.isEmpty()) {
            throw new RuleViolationException(null, "No one can approve this draft: " + approverName
                    + " has no user account. Ask an administrator to add one.");
        }
        jdbc.sql("update draft_response set status = 'AWAITING_APPROVAL', member_id = ?, submitted_at = now(),"
                        + " return_comments = null, returned_by = null, version = version + 1 where id = ?")
                .params(memberId, draftId).update();
        cases.record(d.caseId(), TimelineKind.DRAFT, "Draft response to " + d.recipientName() + " (version "
                + d.currentVersion() + ") submitted to " + approverName + " for approval.", true, user);
        cases.advance(d.caseId(), CaseStatus.AWAITING_APPROVAL, null, user);
        for (long approver : approvers) {
            notifications.notify(approver, "Approval requested: " + d.caseReference() + " reply to " + d.recipientName(),
                    "/approvals/" + draftId, true);
        }
        List<String> names = new ArrayList<>();
        approvers.forEach(id -> signatories.user(id).ifPresent(u -> names.add(u.displayName())));
        return names;
    }

    // ---------------------------------------------------------------- approval

    public ApprovalDetail approval(long draftId, CurrentUser user) {
        Draft d = draftForApprover(draftId, user);
        if (d.status() != DraftStatus.AWAITING_APPROVAL) {
            throw new NotFoundException("Draft awaiting approval");
        }
        if (!d.onCase()) {
            return subjectApproval(d);
        }
        CaseSummary c = cases.summaryAsSystem(d.caseId()).orElseThrow(() -> new NotFoundException("Case"));
        List<SummaryRow> rows = List.of(
                SummaryRow.of("Reference", c.reference()),
                SummaryRow.of("Subject", c.subject()),
                SummaryRow.of("Type", c.type()),
                SummaryRow.of("Status", c.status().label()),
                SummaryRow.of("On behalf of", c.member() == null ? "The Mayor's Office" : c.member()),
                SummaryRow.of("Caseworker", c.allocatedTo()),
                SummaryRow.of("Received", c.receivedOn() == null ? null : c.receivedOn().format(LETTER_DATE)),
                SummaryRow.of("Response due", c.dueOn() == null ? null : c.dueOn().format(LETTER_DATE)));
        return new ApprovalDetail(d.id(), caseRef(c), rows, c.description(), d.recipientName(), d.createdBy(),
                d.submittedAt(), d.currentVersion(), versionText(draftId, d.currentVersion()),
                "/approvals/" + draftId + "/versions", true, "What the resident asked");
    }

    private ApprovalDetail subjectApproval(Draft d) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(SummaryRow.of("Kind", d.subjectKind().label()));
        String description = null;
        for (String line : (d.subjectDetails() == null ? "" : d.subjectDetails()).split("\n")) {
            int colon = line.indexOf('\t');
            if (colon > 0) {
                String label = line.substring(0, colon);
                String value = line.substring(colon + 1).replace("\\n", "\n");
                if ("Question".equals(label)) {
                    description = value;
                } else {
                    rows.add(SummaryRow.of(label, value));
                }
            }
        }
        return new ApprovalDetail(d.id(), new CaseRef(0, d.caseReference(), d.caseSubject()), rows, description,
                d.recipientName(), d.createdBy(), d.submittedAt(), d.currentVersion(),
                versionText(d.id(), d.currentVersion()), "/approvals/" + d.id() + "/versions", false, "The question");
    }

    /** The versions of a draft for its approver. */
    public List<VersionRow> versionsForApprover(long draftId, CurrentUser user) {
        Draft d = draftForApprover(draftId, user);
        return versions(d.id(), "/approvals/" + d.id() + "/versions/");
    }

    /** Approves the draft; edited text first becomes a new version by the approver. */
    @Transactional
    public void approve(long draftId, String editedText, CurrentUser user) {
        Draft d = draftForApprover(draftId, user);
        if (d.status() != DraftStatus.AWAITING_APPROVAL) {
            throw new NotFoundException("Draft awaiting approval");
        }
        int version = d.currentVersion();
        boolean edited = false;
        if (editedText != null) {
            String clean = checkText(editedText);
            if (!MergeFields.placeholders(clean).isEmpty()) {
                throw new RuleViolationException("text", "Replace " + String.join(", ", MergeFields.placeholders(clean))
                        + " before approving");
            }
            if (clean.isBlank()) {
                throw new RuleViolationException("text", "Enter the text of the response");
            }
            if (!clean.equals(versionText(draftId, version))) {
                version = newVersion(d, clean, user, "Edited on approval");
                edited = true;
            }
        }
        int approved = jdbc.sql("update draft_response set status = 'APPROVED', approved_version = ?, approved_by = ?,"
                        + " approved_at = now(), version = version + 1 where id = ? and status = 'AWAITING_APPROVAL'")
                .params(version, user.displayName(), draftId).update();
        if (approved == 0) { // another approver approved or returned it while this one was deciding
            throw alreadyDecided();
        }
        if (!d.onCase()) {
            events.publishEvent(new SubjectDraftApproved(d.subjectKind(), d.subjectId(), draftId,
                    versionText(draftId, version), version, user.displayName(), user.id(), contributors(draftId),
                    clock.instant()));
            notifications.notify(d.createdById(), d.subjectKind().label() + " approved: " + d.caseReference()
                    + (edited ? " (with changes)" : "") + ".", d.subjectHref(), true);
            return;
        }
        cases.recordAsSystem(d.caseId(), TimelineKind.APPROVAL, user.displayName(), "Draft response to "
                + d.recipientName() + " approved" + (edited ? " with changes" : "") + " (version " + version + ").");
        notifications.notify(d.createdById(), "Draft approved: " + d.caseReference() + (edited ? " (with changes)" : "")
                + ". It is ready to send.", "/drafts/" + draftId, true);
    }

    /** Returns the draft to its drafter with comments; the case goes back to Draft response. */
    @Transactional
    public void returnDraft(long draftId, String comments, CurrentUser user) {
        Draft d = draftForApprover(draftId, user);
        if (d.status() != DraftStatus.AWAITING_APPROVAL) {
            throw new NotFoundException("Draft awaiting approval");
        }
        String clean = comments == null ? "" : comments.strip();
        if (clean.isEmpty()) {
            throw new RuleViolationException("comments", "Enter your comments for the drafter");
        }
        if (clean.length() > 5000) {
            throw new RuleViolationException("comments", "Comments must be 5000 characters or fewer");
        }
        int returned = jdbc.sql("update draft_response set status = 'RETURNED', return_comments = ?, returned_by = ?,"
                        + " version = version + 1 where id = ? and status = 'AWAITING_APPROVAL'")
                .params(clean, user.displayName(), draftId).update();
        if (returned == 0) {
            throw alreadyDecided();
        }
        if (!d.onCase()) {
            events.publishEvent(new SubjectDraftReturned(d.subjectKind(), d.subjectId(), draftId, clean,
                    user.displayName()));
            String message = d.subjectKind().label() + " returned: " + d.caseReference() + ". " + user.displayName()
                    + " commented: " + clean;
            notifications.notify(d.createdById(), message.length() > 500 ? message.substring(0, 499) + "…" : message,
                    d.subjectHref(), true);
            return;
        }
        cases.recordAsSystem(d.caseId(), TimelineKind.APPROVAL, user.displayName(), "Draft response to "
                + d.recipientName() + " returned with comments: " + clean);
        cases.advanceAsSystem(d.caseId(), CaseStatus.DRAFT_RESPONSE, null, user.displayName());
        String message = "Draft returned: " + d.caseReference() + ". " + user.displayName() + " commented: " + clean;
        notifications.notify(d.createdById(), message.length() > 500 ? message.substring(0, 499) + "…" : message,
                "/drafts/" + draftId, true);
    }

    private static RuleViolationException alreadyDecided() {
        return new RuleViolationException(null, "Someone else approved or returned this draft a moment ago."
                + " Nothing has been changed: go back to your approvals to see where it is now");
    }

    // ---------------------------------------------------------------- dispatch

    /** Sends the approved response: a PDF letter to post and/or an email with the letter attached. */
    @Transactional
    public void dispatch(long draftId, boolean letter, boolean email, CurrentUser user) {
        Draft d = draftForStaff(draftId, user);
        if (d.status() != DraftStatus.APPROVED) {
            throw new RuleViolationException("channels", "Only an approved draft can be sent");
        }
        if (!letter && !email) {
            throw new RuleViolationException("channels", "Select how to send the response");
        }
        CaseSummary c = visibleCase(d.caseId(), user);
        Correspondent person = people.correspondent(d.personId()).orElseThrow(() -> new NotFoundException("Person"));
        if (email && (person.email() == null || person.email().isBlank())) {
            throw new RuleViolationException("channels", person.displayName() + " has no email address: send it by letter");
        }
        String text = versionText(draftId, d.approvedVersion());
        Signature signature = signature(d);
        LocalDate today = LocalDate.now(clock);
        byte[] letterPdf = renderLetter(person, c.reference(), text, signature, today);
        Instant now = clock.instant();
        String channels = letter && email ? "LETTER,EMAIL" : letter ? "LETTER" : "EMAIL";
        jdbc.sql("update draft_response set status = 'DISPATCHED', dispatched_at = ?, dispatched_by = ?, dispatch_channels = ?,"
                        + " dispatched_email = ?, letter_pdf = ?, version = version + 1 where id = ?")
                .params(java.sql.Timestamp.from(now), user.displayName(), channels, email ? person.email() : null, letterPdf, draftId)
                .update();
        String summary = firstWords(text);
        String subject = "Your enquiry: " + c.subject() + " (" + c.reference() + ")";
        if (email) {
            String body = "Dear " + salutation(person) + ",\n\n" + text.strip() + "\n\nYours sincerely,\n\n"
                    + signature.name() + "\n" + signature.title() + "\n" + councilName + "\n\nOur reference: "
                    + c.reference() + "\nA copy of this letter is attached.\n";
            outbox.queue(new Outbox.Email(person.email(), null, subject.length() > 300 ? subject.substring(0, 300) : subject,
                    body, List.of(new Outbox.Attachment(fileName(c.reference()), "application/pdf", letterPdf)),
                    "draft:" + draftId));
            events.publishEvent(new ResponseDispatched(d.caseId(), draftId, "EMAIL", person.displayName(), person.id(),
                    person.email(), subject, summary, d.memberId(), d.approvedBy(), user.displayName(), now));
        }
        if (letter) {
            events.publishEvent(new ResponseDispatched(d.caseId(), draftId, "LETTER", person.displayName(), person.id(),
                    null, subject, summary, d.memberId(), d.approvedBy(), user.displayName(), now));
        }
        String how = letter && email ? "by letter (printed for posting) and by email to " + person.email()
                : letter ? "by letter (printed for posting)" : "by email to " + person.email();
        cases.record(d.caseId(), TimelineKind.DISPATCH, "Response sent to " + person.displayName() + " " + how
                + ", approved by " + d.approvedBy() + " (version " + d.approvedVersion() + ").", false, user);
        cases.advance(d.caseId(), CaseStatus.RESPONSE_SENT, null, user);
    }

    /** The letter as sent (the stored PDF), or a preview of the current text before it is sent. */
    public Letter letter(long draftId, CurrentUser user) {
        Draft d = draftForReader(draftId, user);
        if (!d.onCase()) {
            throw new NotFoundException("Letter");
        }
        if (d.status() == DraftStatus.DISPATCHED) {
            byte[] stored = jdbc.sql("select letter_pdf from draft_response where id = ?").param(draftId)
                    .query(byte[].class).single();
            return new Letter(fileName(d.caseReference()), stored);
        }
        Correspondent person = people.correspondent(d.personId()).orElseThrow(() -> new NotFoundException("Person"));
        int version = d.approvedVersion() != null ? d.approvedVersion() : d.currentVersion();
        byte[] preview = renderLetter(person, d.caseReference(), versionText(draftId, version), signature(d),
                LocalDate.now(clock));
        return new Letter("preview-" + fileName(d.caseReference()), preview);
    }

    public record Letter(String fileName, byte[] content) {}

    record Signature(String name, String title) {}

    private Signature signature(Draft d) {
        Long memberId = d.memberId();
        if (memberId == null) {
            memberId = cases.summaryAsSystem(d.caseId()).map(CaseSummary::memberId).orElse(null);
        }
        if (memberId != null) {
            Optional<Signatory> s = signatories.signatory(memberId);
            if (s.isPresent()) {
                return new Signature(s.get().name(), title(s.get()));
            }
        }
        return new Signature(d.approvedBy() == null ? "The Mayor's Office" : d.approvedBy(), OFFICE_SIGNATORY_TITLE);
    }

    /** How an update sent by the office on a case is signed: its member, or the Mayor's Office. */
    Signature officeSignature(Long memberId) {
        Optional<Signatory> s = memberId == null ? Optional.empty() : signatories.signatory(memberId);
        return s.map(x -> new Signature(x.name(), title(x))).orElse(new Signature("The Mayor's Office", councilName));
    }

    String councilName() {
        return councilName;
    }

    byte[] renderLetter(Correspondent person, String reference, String text, Signature signature, LocalDate date) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : text.strip().split("\\R\\s*\\R")) {
            if (!block.isBlank()) {
                paragraphs.add(List.of(block.strip().split("\\R")));
            }
        }
        List<String> address = new ArrayList<>();
        address.add(person.displayName());
        address.addAll(addressLines(person));
        Map<String, Object> vars = new HashMap<>();
        vars.put("councilName", councilName);
        vars.put("officeAddress", officeAddress);
        vars.put("address", address);
        vars.put("date", date.format(LETTER_DATE));
        vars.put("reference", reference);
        vars.put("salutation", salutation(person));
        vars.put("paragraphs", paragraphs);
        vars.put("signatoryName", signature.name());
        vars.put("signatoryTitle", signature.title());
        return pdf.render("pdf/letter", vars);
    }

    private static String fileName(String reference) {
        return reference + "-response.pdf";
    }

    private static String firstWords(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }

    // ---------------------------------------------------------------- reading

    public List<DraftRow> caseDrafts(long caseId, CurrentUser user) {
        visibleCase(caseId, user);
        return jdbc.sql(DRAFT_COLUMNS + " where case_id = ? order by id desc limit 50").param(caseId)
                .query(DraftService::draftRow).list().stream()
                .map(d -> new DraftRow(d.id(), d.recipientName(), d.status(), d.currentVersion(), d.createdBy(),
                        d.createdAt(), "/drafts/" + d.id()))
                .toList();
    }

    public CaseRef caseRef(long caseId, CurrentUser user) {
        return caseRef(visibleCase(caseId, user));
    }

    public DraftDetail draft(long draftId, CurrentUser user) {
        Draft d = draftForStaff(draftId, user);
        CaseSummary c = visibleCase(d.caseId(), user);
        String text = versionText(draftId, d.currentVersion());
        boolean editable = d.status() == DraftStatus.DRAFT || d.status() == DraftStatus.RETURNED;
        String approver = d.memberId() != null ? c.member() : c.memberId() != null ? c.member() : "Head of office";
        Correspondent person = people.correspondent(d.personId()).orElse(null);
        List<StandardLine> lines = List.of();
        if (editable && person != null) {
            Map<String, String> values = mergeValues(c, person);
            lines = templates.active(Kind.STANDARD_LINE).stream()
                    .map(t -> new StandardLine(t.id(), t.name(), MergeFields.merge(t.body(), values).text()))
                    .toList();
        }
        return new DraftDetail(d.id(), caseRef(c), d.recipientName(), d.status(), d.currentVersion(), text,
                MergeFields.placeholders(text), approver, d.returnComments(), d.returnedBy(), d.approvedBy(),
                d.approvedAt(), d.dispatchedBy(), d.dispatchedAt(), channelsLabel(d.dispatchChannels()),
                person == null ? null : person.email(), editable, editable,
                d.status() == DraftStatus.APPROVED, d.status() == DraftStatus.DISPATCHED,
                versions(draftId, "/drafts/" + draftId + "/versions/"), lines);
    }

    public VersionDetail version(long draftId, int number, CurrentUser user) {
        Draft d = draftForReader(draftId, user);
        CaseRef ref = d.onCase()
                ? caseRef(cases.summary(d.caseId(), user).or(() -> cases.summaryAsSystem(d.caseId()))
                        .orElseThrow(() -> new NotFoundException("Case")))
                : new CaseRef(0, d.caseReference(), d.caseSubject());
        record V(int number, String author, Instant createdAt, String note, String text) {}
        V v = jdbc.sql("select number, author, created_at, note, text from draft_version where draft_id = ? and number = ?")
                .params(draftId, number)
                .query((rs, n) -> new V(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("Version"));
        String previous = number > 1 ? versionText(draftId, number - 1) : "";
        return new VersionDetail(ref, draftId, v.number(),
                v.author(), v.createdAt(), v.note(), v.text(), TextDiff.lines(previous, v.text()), number == 1);
    }

    @Override
    public List<ApprovalRow> awaitingApproval(CurrentUser user, int limit) {
        Where where = approvableWhere(user);
        if (where == null) {
            return List.of();
        }
        Map<Long, String> memberNames = new HashMap<>();
        return jdbc.sql(DRAFT_COLUMNS + " where status = 'AWAITING_APPROVAL' and (" + where.sql()
                        + ") order by submitted_at, id limit " + Math.max(1, Math.min(limit, 100)))
                .params(where.params()).query(DraftService::draftRow).list().stream()
                .map(d -> new ApprovalRow(d.id(), d.caseId(), d.caseReference(), d.caseSubject(), d.recipientName(),
                        d.memberId() == null ? "The Mayor's Office" : memberNames.computeIfAbsent(d.memberId(),
                                id -> signatories.signatory(id).map(Signatory::name).orElse("")),
                        d.createdBy(), d.submittedAt(), "/approvals/" + d.id()))
                .toList();
    }

    @Override
    public long awaitingApprovalCount(CurrentUser user) {
        Where where = approvableWhere(user);
        if (where == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from draft_response where status = 'AWAITING_APPROVAL' and (" + where.sql() + ")")
                .params(where.params()).query(Long.class).single();
    }

    private record Where(String sql, List<Object> params) {}

    private Where approvableWhere(CurrentUser user) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (user.hasRole(Role.MEMBER) && user.memberId() != null) {
            parts.add("member_id = ?");
            params.add(user.memberId());
        }
        if (user.hasRole(Role.MEMBER) || user.hasRole(Role.HEAD_OF_OFFICE)) {
            for (Long memberId : delegations.membersDelegatingTo(user.id(), LocalDate.now(clock))) {
                parts.add("member_id = ?");
                params.add(memberId);
            }
        }
        if (user.hasRole(Role.HEAD_OF_OFFICE)) {
            parts.add("member_id is null");
        }
        return parts.isEmpty() ? null : new Where(String.join(" or ", parts), params);
    }

    // ---------------------------------------------------------------- helpers

    private CaseSummary visibleCase(long caseId, CurrentUser user) {
        return cases.summary(caseId, user).orElseThrow(() -> new NotFoundException("Case"));
    }

    static void requireStaff(CurrentUser user) {
        if (!(user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.CABINET_SUPPORT_OFFICER)
                || user.hasRole(Role.HEAD_OF_OFFICE))) {
            throw new NotFoundException("Case");
        }
    }

    private Correspondent recipient(CaseSummary c, long personId) {
        boolean onCase = c.people().stream().map(PersonSummary::id).anyMatch(id -> id == personId);
        if (!onCase) {
            throw new RuleViolationException("personId", "Select one of the people on the case");
        }
        return people.correspondent(personId).orElseThrow(() -> new RuleViolationException("personId",
                "Select one of the people on the case"));
    }

    static String checkText(String text) {
        String clean = text == null ? "" : text.replace("\r\n", "\n").strip();
        if (clean.length() > MAX_TEXT) {
            throw new RuleViolationException("text", "The response must be " + MAX_TEXT + " characters or fewer");
        }
        return clean;
    }

    Optional<Draft> find(long draftId) {
        return jdbc.sql(DRAFT_COLUMNS + " where id = ?").param(draftId).query(DraftService::draftRow).optional();
    }

    /** A draft on a case the (staff) user may see. */
    private Draft draftForStaff(long draftId, CurrentUser user) {
        requireStaff(user);
        Draft d = find(draftId).filter(Draft::onCase).orElseThrow(() -> new NotFoundException("Draft"));
        visibleCase(d.caseId(), user);
        return d;
    }

    /** A draft the user may approve or return today; anyone else is told it does not exist. */
    Draft draftForApprover(long draftId, CurrentUser user) {
        Draft d = find(draftId).orElseThrow(() -> new NotFoundException("Draft"));
        boolean delegated = d.memberId() != null && delegations.isDelegate(user.id(), d.memberId(), LocalDate.now(clock));
        if (!ApprovalRules.mayApprove(user, d.memberId(), delegated)) {
            throw new NotFoundException("Draft");
        }
        return d;
    }

    /** Staff who may see the case, or the draft's approver. */
    private Draft draftForReader(long draftId, CurrentUser user) {
        Draft d = find(draftId).orElseThrow(() -> new NotFoundException("Draft"));
        boolean staff = user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
        if (staff && d.onCase() && cases.summary(d.caseId(), user).isPresent()) {
            return d;
        }
        return draftForApprover(draftId, user);
    }

    int newVersion(Draft d, String text, CurrentUser user, String note) {
        int next = d.currentVersion() + 1;
        int updated = jdbc.sql("update draft_response set current_version = ?, version = version + 1"
                        + " where id = ? and current_version = ?")
                .params(next, d.id(), d.currentVersion()).update();
        if (updated == 0) {
            throw new ConcurrentEditException("draft", d.currentVersion());
        }
        addVersion(d.id(), next, text, user.id(), user.displayName(), note);
        return next;
    }

    void addVersion(long draftId, int number, String text, long authorId, String author, String note) {
        jdbc.sql("insert into draft_version (draft_id, number, text, author_id, author, note) values (?, ?, ?, ?, ?, ?)")
                .params(draftId, number, text, authorId, author, note).update();
    }

    String versionText(long draftId, int number) {
        return jdbc.sql("select text from draft_version where draft_id = ? and number = ?").params(draftId, number)
                .query(String.class).optional().orElse("");
    }

    private List<VersionRow> versions(long draftId, String hrefPrefix) {
        return jdbc.sql("select number, author, created_at, note from draft_version where draft_id = ? order by number desc limit 200")
                .param(draftId)
                .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), hrefPrefix + rs.getInt(1)))
                .list();
    }

    private static CaseRef caseRef(CaseSummary c) {
        return new CaseRef(c.id(), c.reference(), c.subject());
    }

    private static String channelsLabel(String channels) {
        if (channels == null) {
            return null;
        }
        return switch (channels) {
            case "LETTER" -> "Letter (printed for posting)";
            case "EMAIL" -> "Email";
            default -> "Letter (printed for posting) and email";
        };
    }

    private static Draft draftRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long member = rs.getLong(4);
        Long memberId = rs.wasNull() ? null : member;
        int approved = rs.getInt(12);
        Integer approvedVersion = rs.wasNull() ? null : approved;
        return new Draft(rs.getLong(1), rs.getLong(2), rs.getLong(3), memberId, DraftStatus.valueOf(rs.getString(5)),
                rs.getInt(6), rs.getLong(7), rs.getString(8), instant(rs, 9), rs.getString(10), rs.getString(11),
                approvedVersion, rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21), instant(rs, 22),
                rs.getString(24) == null ? null : SubjectKind.valueOf(rs.getString(24)),
                rs.getString(24) == null ? null : rs.getLong(25), rs.getString(26), rs.getString(27));
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Everyone who wrote a version of the draft, in the order they first did. */
    List<String> contributors(long draftId) {
        return jdbc.sql("select author from draft_version where draft_id = ? group by author order by min(number) limit 50")
                .param(draftId).query(String.class).list();
    }

    /**
     * The users who may approve a draft for this member today (their own accounts and their delegates), or the
     * heads of office for a draft with no member. Throws when there is no one.
     */
    Set<Long> approvers(Long memberId, String memberName) {
        Set<Long> approvers = new LinkedHashSet<>();
        if (memberId == null) {
            signatories.usersWithRole(Role.HEAD_OF_OFFICE).forEach(u -> approvers.add(u.userId()));
        } else {
            signatories.usersOfMember(memberId).forEach(u -> approvers.add(u.userId()));
            approvers.addAll(delegations.delegatesOf(memberId, LocalDate.now(clock)));
        }
        if (approvers.isEmpty()) {
            throw new RuleViolationException(null, "No one can approve this draft: " + memberName
                    + " has no user account. Ask an administrator to add one.");
        }
        return approvers;
    }

    /** The staff user, for notifications that name them. */
    Optional<StaffUser> staffUser(long id) {
        return signatories.user(id);
    }

    @Override
    public long awaitingMemberApprovalCount(long memberId) {
        return jdbc.sql("select count(*) from draft_response where status = 'AWAITING_APPROVAL' and member_id = :member")
                .param("member", memberId).query(Long.class).single();
    }

    @Override
    @Transactional
    public int reassignAwaitingApproval(long fromMemberId, Long toMemberId) {
        return jdbc.sql("""
                update draft_response set member_id = :to, version = version + 1
                 where status = 'AWAITING_APPROVAL' and member_id = :from""")
                .param("from", fromMemberId).param("to", toMemberId).update();
    }
}
