package org.mayorsoffice.casework.cases.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.CaseViews.CaseDetail;
import org.mayorsoffice.casework.cases.CaseViews.CaseRow;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CaseDeskService implements CaseDesk {

    private static final Pattern REFERENCE = Pattern.compile("MO-[0-9]{4}-[0-9]{5,}");

    private final CaseService cases;
    private final CaseQueries queries;
    private final JdbcClient jdbc;
    private final AttachmentService attachments;

    private final org.springframework.context.ApplicationEventPublisher events;

    CaseDeskService(CaseService cases, CaseQueries queries, JdbcClient jdbc, AttachmentService attachments,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.attachments = attachments;
        this.cases = cases;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** Background jobs act as the system: they see every case, and the timeline names the job. */
    static CurrentUser system(String actor) {
        return new CurrentUser(0, "system", actor == null || actor.isBlank() ? "System" : actor, null,
                EnumSet.of(Role.HEAD_OF_OFFICE), null, true, null, false);
    }

    @Override
    public Optional<CaseSummary> summary(long caseId, CurrentUser user) {
        try {
            return Optional.of(summaryOf(queries.detail(caseId, user)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<CaseSummary> summaryAsSystem(long caseId) {
        boolean exists = jdbc.sql("select count(*) from casework_case where id = ?").param(caseId).query(Long.class).single() > 0;
        return exists ? Optional.of(summaryOf(queries.detailAsSystem(caseId))) : Optional.empty();
    }

    private static CaseSummary summaryOf(CaseDetail d) {
        return new CaseSummary(d.id(), d.reference(), d.subject(), d.description(), d.type(), d.status(), d.memberId(),
                d.member(), d.portfolioId(), d.portfolio(), d.allocatedToId(), d.allocatedTo(), d.confidentiality(),
                d.receivedOn(), d.deadline().dueOn(), d.people());
    }

    @Override
    public Optional<Long> idByReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference.strip().toUpperCase()).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from casework_case where reference = ?").param(reference.strip().toUpperCase())
                .query(Long.class).optional();
    }

    @Override
    public List<CaseRow> search(String text, CurrentUser user, int limit) {
        return queries.search(text, user, limit);
    }

    @Override
    @Transactional
    public long open(NewCase command, CurrentUser user) {
        if (command.subject() == null || command.subject().isBlank()) {
            throw new RuleViolationException("subject", "Enter the subject of the case");
        }
        if (command.subject().strip().length() > 200) {
            throw new RuleViolationException("subject", "Subject must be 200 characters or fewer");
        }
        return cases.open(new OpenCase(command.caseTypeId(), command.channel(), command.subject(), command.description(),
                command.topicId(), null, command.wardId(), command.memberId(),
                command.priority() == null ? Priority.NORMAL : command.priority(), Confidentiality.STANDARD,
                LawfulBasis.PUBLIC_TASK, false, command.receivedOn(),
                command.personId() == null ? List.of() : List.of(command.personId())), user);
    }

    @Override
    @Transactional
    public void record(long caseId, TimelineKind kind, String body, boolean internal, CurrentUser user) {
        cases.visibleCase(caseId, user);
        cases.timelineEntry(caseId, user, kind.name(), body, internal);
    }

    @Override
    @Transactional
    public void recordAsSystem(long caseId, TimelineKind kind, String actor, String body) {
        CurrentUser system = system(actor);
        cases.visibleCase(caseId, system);
        cases.timelineEntry(caseId, system, kind.name(), body, false);
    }

    @Override
    @Transactional
    public boolean advance(long caseId, CaseStatus target, String note, CurrentUser user) {
        CaseStatus current = cases.visibleCase(caseId, user).getStatus();
        List<CaseStatus> path = current.pathTo(target);
        for (CaseStatus step : path) {
            cases.changeStatus(caseId, step, null, step == target ? note : null, user);
        }
        return !path.isEmpty();
    }

    @Override
    @Transactional
    public boolean advanceAsSystem(long caseId, CaseStatus target, String note, String actor) {
        return advance(caseId, target, note, system(actor));
    }

    @Override
    @Transactional
    public long attach(long caseId, String fileName, byte[] bytes, String description, CurrentUser user) {
        return attachments.upload(caseId, fileName, bytes, description, user);
    }

    @Override
    public List<Option> caseTypeOptions() {
        return queries.caseTypeOptions();
    }

    @Override
    public List<Option> topicOptions() {
        return queries.topicOptions();
    }

    @Override
    public List<CaseRow> recentCasesFor(Long wardId, Long topicId, java.util.Collection<Long> personIds, CurrentUser user,
            int limit) {
        return queries.recentFor(wardId, topicId, personIds, user, limit);
    }

    @Override
    @Transactional
    public void setMediaSensitive(long caseId, boolean sensitive, CurrentUser user) {
        if (!(user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.CABINET_SUPPORT_OFFICER)
                || user.hasRole(Role.HEAD_OF_OFFICE))) {
            throw new NotFoundException("Case");
        }
        CaseFile file = cases.visibleCase(caseId, user);
        int changed = jdbc.sql("update casework_case set media_sensitive = ? where id = ? and media_sensitive <> ?")
                .params(sensitive, caseId, sensitive).update();
        if (changed == 0) {
            return;
        }
        cases.timelineEntry(caseId, user, "NOTE", sensitive
                ? "Flagged as media-sensitive: the communications contact has been told."
                : "No longer flagged as media-sensitive.", true);
        events.publishEvent(new org.mayorsoffice.casework.cases.CaseMediaSensitivityChanged(caseId,
                file.getReference(), sensitive, user.id(), user.displayName()));
    }

    @Override
    public MemberCaseload memberCaseload(long memberId) {
        return jdbc.sql("""
                select count(*) filter (where status <> 'CLOSED'),
                       count(*) filter (where status = 'CLOSED' and personal_to_member)
                  from casework_case where member_id = :member""")
                .param("member", memberId).query((rs, n) -> new MemberCaseload(rs.getLong(1), rs.getLong(2))).single();
    }

    @Override
    @Transactional
    public List<String> reassignOpenCases(long fromMemberId, Long toMemberId, String note, String actor) {
        List<Long> ids = jdbc.sql("""
                select id from casework_case where member_id = :from and status <> 'CLOSED' order by reference""")
                .param("from", fromMemberId).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("update casework_case set member_id = :to, version = version + 1 where id in (:ids)")
                .param("to", toMemberId).param("ids", ids).update();
        for (long id : ids) {
            recordAsSystem(id, TimelineKind.NOTE, actor, note);
        }
        return jdbc.sql("select reference from casework_case where id in (:ids) order by reference")
                .param("ids", ids).query(String.class).list();
    }

    @Override
    public List<Long> closedPersonalCaseIds(long memberId, int limit) {
        return jdbc.sql("""
                select id from casework_case where member_id = :member and status = 'CLOSED' and personal_to_member
                 order by closed_at, id limit :limit""")
                .param("member", memberId).param("limit", Math.min(Math.max(limit, 0), 1000)).query(Long.class).list();
    }
}
