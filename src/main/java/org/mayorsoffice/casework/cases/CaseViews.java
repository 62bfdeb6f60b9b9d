package org.mayorsoffice.casework.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;

/** Read models the case pages show, assembled inside transactions. */
public final class CaseViews {

    /*
     * Dates written out here once per row, with formatters made once: the template's #temporals.format builds its
     * formatter from the pattern on every call, and the case lists and a long timeline call it hundreds of times a page.
     */
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private CaseViews() {}

    /** How close a case is to its deadline, as a tag. */
    public record Deadline(LocalDate dueOn, String label, String colour, boolean overdue, boolean dueSoon) {

        /** The due date as the case lists write it: "21 Nov 2026". */
        public String dueOnShort() {
            return dueOn == null ? "" : SHORT_DATE.format(dueOn);
        }
    }

    public record CaseRow(long id, String reference, String subject, String type, String ward, String portfolio,
            CaseStatus status, String statusLabel, String statusColour, String allocatedTo, LocalDate receivedOn,
            Deadline deadline, Confidentiality confidentiality, String priority, boolean mediaSensitive) {

        /** "Received 7 Nov 2026". */
        public String receivedLabel() {
            return receivedOn == null ? "" : "Received " + SHORT_DATE.format(receivedOn);
        }
    }

    public record TimelineEntry(Instant occurredAt, String actor, String kind, String body, boolean internal) {

        /** Who and when, in London time: "Jane Smith, 6 December 2026, 4:51pm". */
        public String byline() {
            return actor + ", " + WHEN.format(occurredAt);
        }
    }

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
