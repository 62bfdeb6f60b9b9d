package org.mayorsoffice.casework.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;

/** Read models the case pages show, assembled inside transactions. */
public final class CaseViews {

    private CaseViews() {}

    /** How close a case is to its deadline, as a tag. */
    public record Deadline(LocalDate dueOn, String label, String colour, boolean overdue, boolean dueSoon) {}

    public record CaseRow(long id, String reference, String subject, String type, String ward, String portfolio,
            CaseStatus status, String statusLabel, String statusColour, String allocatedTo, LocalDate receivedOn,
            Deadline deadline, Confidentiality confidentiality, String priority, boolean mediaSensitive) {}

    public record TimelineEntry(Instant occurredAt, String actor, String kind, String body, boolean internal) {}

    public record ActionRow(long id, long caseId, String caseReference, String description, LocalDate dueOn,
            String assignee, boolean overdue, boolean done) {}

    public record CaseDetail(long id, String reference, String subject, String description, long caseTypeId,
            String type, String channel, String topic, Long topicId, String portfolio, Long portfolioId, String ward,
            Long wardId, String member, Long memberId, String priority, String priorityCode, CaseStatus status,
            String outcome, Confidentiality confidentiality, String lawfulBasis, String lawfulBasisCode,
            boolean specialCategory, LocalDate receivedOn, LocalDate internalDueOn, Deadline deadline,
            LocalDate pausedSince, Long allocatedToId, String allocatedTo, String createdBy, long version,
            List<PersonSummary> people, List<TimelineEntry> timeline, List<ActionRow> actions,
            Set<CaseStatus> nextStatuses, List<LinkRow> links, List<String> tags, boolean mediaSensitive, boolean legalHold,
            String legalHoldReason, boolean personalToMember) {}

    /** Another case linked to this one; {@code label} says how ("Duplicate of", "Related"). */
    public record LinkRow(long caseId, String reference, String subject, String label) {}

    public record BoardRow(long userId, String name, long open, long overdue, long dueThisWeek, long allocatedLastWeek) {}

    public record CaseCounts(long open, long unallocated, long overdue, long dueThisWeek, long awaitingApproval) {}
}
