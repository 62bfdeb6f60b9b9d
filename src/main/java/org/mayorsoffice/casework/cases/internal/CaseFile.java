package org.mayorsoffice.casework.cases.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/**
 * A case: one resident's (or organisation's) matter handled by the office. References to other
 * modules' records are plain ids, so loading a case never drags in anything else.
 */
@Entity
@Table(name = "casework_case")
class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "case_type_id")
    private long caseTypeId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String subject;
    private String description;

    @Column(name = "topic_id")
    private Long topicId;

    @Column(name = "portfolio_id")
    private Long portfolioId;

    @Column(name = "ward_id")
    private Long wardId;

    @Column(name = "member_id")
    private Long memberId;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis")
    private LawfulBasis lawfulBasis;

    @Column(name = "special_category")
    private boolean specialCategory;

    @Column(name = "received_on")
    private LocalDate receivedOn;

    @Column(name = "internal_due_on")
    private LocalDate internalDueOn;

    @Column(name = "external_due_on")
    private LocalDate externalDueOn;

    @Column(name = "paused_since")
    private LocalDate pausedSince;

    @Column(name = "allocated_to_id")
    private Long allocatedToId;

    @Column(name = "allocated_at")
    private Instant allocatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_by")
    private String createdBy;

    @Version
    private long version;

    protected CaseFile() {}

    CaseFile(String reference, CaseType type, Channel channel, String subject, String description, LocalDate receivedOn,
            WorkingDayCalendar calendar, String createdBy) {
        this.reference = reference;
        this.caseTypeId = type.getId();
        this.channel = channel;
        this.subject = subject;
        this.description = description;
        this.receivedOn = receivedOn;
        this.internalDueOn = calendar.addWorkingDays(receivedOn, type.getInternalTargetDays());
        this.externalDueOn = calendar.addWorkingDays(receivedOn, type.getExternalTargetDays());
        this.status = CaseStatus.NEW;
        this.createdBy = createdBy;
    }

    /** Moves the case on, refusing moves the lifecycle does not allow; pauses and restarts the deadline clock. */
    void moveTo(CaseStatus next, Outcome closingOutcome, LocalDate today, Instant now, WorkingDayCalendar calendar) {
        if (!status.canMoveTo(next)) {
            throw new RuleViolationException("status", "A case that is " + status.label().toLowerCase()
                    + " cannot move to " + next.label().toLowerCase() + ". It can move to: " + describe(status) + ".");
        }
        if (next == CaseStatus.CLOSED && closingOutcome == null) {
            throw new RuleViolationException("outcome", "Select the outcome to close the case");
        }
        if (status.pausesClock() && pausedSince != null) {
            int paused = Math.max(0, calendar.workingDaysBetween(pausedSince, today));
            internalDueOn = calendar.addWorkingDays(internalDueOn, paused);
            externalDueOn = calendar.addWorkingDays(externalDueOn, paused);
            pausedSince = null;
        }
        if (next.pausesClock()) {
            pausedSince = today;
        }
        if (next == CaseStatus.CLOSED) {
            outcome = closingOutcome;
            closedAt = now;
        } else {
            outcome = null;
            closedAt = null;
        }
        status = next;
    }

    /** A duplicate closes whatever its status, pointing at the case that carries on. */
    void closeAsDuplicate(Instant now) {
        if (!status.isOpen()) {
            throw new RuleViolationException("kind", "This case is already closed");
        }
        status = CaseStatus.CLOSED;
        outcome = Outcome.NO_FURTHER_ACTION;
        closedAt = now;
        pausedSince = null;
    }

    void allocateTo(long userId, Instant now) {
        allocatedToId = userId;
        allocatedAt = now;
        if (status == CaseStatus.NEW) {
            status = CaseStatus.ALLOCATED;
        }
    }

    void extendDeadline(LocalDate newExternalDue) {
        externalDueOn = newExternalDue;
        if (internalDueOn.isAfter(newExternalDue)) {
            internalDueOn = newExternalDue;
        }
    }

    private static String describe(CaseStatus from) {
        return String.join(", ", from.nextChoices().stream().map(s -> s.label().toLowerCase()).toList());
    }

    void updateDetails(String subject, String description, Long topicId, Long portfolioId, Long wardId, Long memberId,
            Priority priority, Confidentiality confidentiality, LawfulBasis lawfulBasis, boolean specialCategory) {
        this.subject = subject;
        this.description = description;
        this.topicId = topicId;
        this.portfolioId = portfolioId;
        this.wardId = wardId;
        this.memberId = memberId;
        this.priority = priority;
        this.confidentiality = confidentiality;
        this.lawfulBasis = lawfulBasis;
        this.specialCategory = specialCategory;
    }

    Long getId() { return id; }
    String getReference() { return reference; }
    long getCaseTypeId() { return caseTypeId; }
    Channel getChannel() { return channel; }
    String getSubject() { return subject; }
    String getDescription() { return description; }
    Long getTopicId() { return topicId; }
    Long getPortfolioId() { return portfolioId; }
    Long getWardId() { return wardId; }
    Long getMemberId() { return memberId; }
    Priority getPriority() { return priority; }
    CaseStatus getStatus() { return status; }
    Outcome getOutcome() { return outcome; }
    Confidentiality getConfidentiality() { return confidentiality; }
    LawfulBasis getLawfulBasis() { return lawfulBasis; }
    boolean isSpecialCategory() { return specialCategory; }
    LocalDate getReceivedOn() { return receivedOn; }
    LocalDate getInternalDueOn() { return internalDueOn; }
    LocalDate getExternalDueOn() { return externalDueOn; }
    LocalDate getPausedSince() { return pausedSince; }
    Long getAllocatedToId() { return allocatedToId; }
    long getVersion() { return version; }
}
