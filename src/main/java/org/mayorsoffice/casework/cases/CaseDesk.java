package org.mayorsoffice.casework.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.shared.web.Option;

/**
 * What other modules (correspondence, enquiries, draft responses) may do with a case. Methods taking a
 * {@link CurrentUser} apply case confidentiality (a case the user may not see is "not found", and the
 * attempt is audited); the {@code AsSystem} methods are for background jobs (mail intake, chasers).
 */
public interface CaseDesk {

    /** What another module needs to show or act on a case; {@code member} is the member it is handled for. */
    record CaseSummary(long id, String reference, String subject, String description, String type, CaseStatus status,
            Long memberId, String member, Long portfolioId, String portfolio, Long allocatedToId, String allocatedTo,
            Confidentiality confidentiality, LocalDate receivedOn, LocalDate dueOn, List<PersonSummary> people) {}

    /** A new case opened from something else (an incoming letter or email, a surgery attendance). */
    record NewCase(long caseTypeId, Channel channel, String subject, String description, Long personId, Long memberId,
            Long topicId, Long wardId, Priority priority, LocalDate receivedOn) {}

    /** Kinds of timeline entry other modules may write. */
    enum TimelineKind { NOTE, CORRESPONDENCE, ENQUIRY, DRAFT, APPROVAL, DISPATCH }

    /** The case if the user may see it (the view of a restricted or sensitive case is audited). */
    Optional<CaseSummary> summary(long caseId, CurrentUser user);

    Optional<CaseSummary> summaryAsSystem(long caseId);

    /** The id of the case with this reference ({@code MO-2026-00042}), whoever may see it; for threading replies. */
    Optional<Long> idByReference(String reference);

    /**
     * Open cases the user may see whose reference, subject or person's name matches the text, most recent
     * first; at most {@code limit} (capped at 20).
     */
    List<CaseViews.CaseRow> search(String text, CurrentUser user, int limit);

    /** Opens a case as the user would from the new-case form; returns its id. */
    long open(NewCase command, CurrentUser user);

    /** Writes an entry on the case's timeline as the user. */
    void record(long caseId, TimelineKind kind, String body, boolean internal, CurrentUser user);

    void recordAsSystem(long caseId, TimelineKind kind, String actor, String body);

    /**
     * Moves the case towards {@code target} along the shortest allowed path through the lifecycle (e.g.
     * Allocated, then In progress, then Awaiting directorate); no change when it is already there or
     * when there is no such path. Returns whether the status changed.
     */
    boolean advance(long caseId, CaseStatus target, String note, CurrentUser user);

    boolean advanceAsSystem(long caseId, CaseStatus target, String note, String actor);

    /**
     * Stores a file on the case (checked by content and size exactly as the case's own upload page checks
     * it), on the timeline and in the audit trail; refusals throw {@code RuleViolationException} on field
     * {@code file} and store nothing.
     */
    long attach(long caseId, String fileName, byte[] bytes, String description, CurrentUser user);

    /** Active case types, for forms that open cases. */
    List<Option> caseTypeOptions();

    /** Active topics, for forms that open cases. */
    List<Option> topicOptions();

    // --- Added for the diary (briefing context). Kept separate from the methods above. ---

    /**
     * Cases the user may see that concern any of the people, or the ward, or the topic: open ones and
     * those closed in the last 90 days, most recently received first; at most {@code limit} (capped at 20).
     * Null or empty criteria are ignored; with no criteria at all the list is empty.
     */
    List<CaseViews.CaseRow> recentCasesFor(Long wardId, Long topicId, java.util.Collection<Long> personIds,
            CurrentUser user, int limit);

    // --- Added for the media module. ---

    /**
     * Flags the case as media-sensitive, or takes the flag off (a timeline entry; no change when it is already
     * so). Publishes {@link CaseMediaSensitivityChanged} when it changes. Staff who may see the case only.
     */
    void setMediaSensitive(long caseId, boolean sensitive, CurrentUser user);

    // --- Added for the change of office-holder (search module's handover). ---

    /** A member's casework: open cases handled for them, and closed cases held for them personally. */
    record MemberCaseload(long open, long closedPersonal) {}

    MemberCaseload memberCaseload(long memberId);

    /**
     * Moves every open case handled for one member to another ({@code toMemberId} null: to the office, for the
     * head of office), with a timeline entry on each; returns the references moved, in order.
     */
    List<String> reassignOpenCases(long fromMemberId, Long toMemberId, String note, String actor);

    /** Ids of closed cases marked personal to the member, oldest first; at most {@code limit} (capped at 1000). */
    List<Long> closedPersonalCaseIds(long memberId, int limit);
}
