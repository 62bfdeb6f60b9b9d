package org.mayorsoffice.casework.responses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.Signatories;
import org.mayorsoffice.casework.identity.Signatories.StaffUser;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member lets a deputy (a user who signs in as another member) or the head of office approve drafts
 * for them over a date range, both days included.
 */
@Service
@Transactional(readOnly = true)
public class DelegationService {

    public record DelegationRow(long id, String delegate, LocalDate startsOn, LocalDate endsOn, String state,
            String stateColour, boolean canEnd) {}

    private final JdbcClient jdbc;
    private final Signatories signatories;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DelegationService(JdbcClient jdbc, Signatories signatories, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.signatories = signatories;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the user holds a delegation from this member covering the day. */
    public boolean isDelegate(long userId, long memberId, LocalDate day) {
        return jdbc.sql("select count(*) from approval_delegation where delegate_user_id = ? and member_id = ?"
                        + " and starts_on <= ? and ends_on >= ? and ended_early_at is null")
                .params(userId, memberId, day, day).query(Long.class).single() > 0;
    }

    /** The members who have delegated to this user for the day. */
    public List<Long> membersDelegatingTo(long userId, LocalDate day) {
        return jdbc.sql("select distinct member_id from approval_delegation where delegate_user_id = ?"
                        + " and starts_on <= ? and ends_on >= ? and ended_early_at is null limit 50")
                .params(userId, day, day).query(Long.class).list();
    }

    /** Users holding a delegation from the member for the day. */
    public List<Long> delegatesOf(long memberId, LocalDate day) {
        return jdbc.sql("select distinct delegate_user_id from approval_delegation where member_id = ?"
                        + " and starts_on <= ? and ends_on >= ? and ended_early_at is null limit 50")
                .params(memberId, day, day).query(Long.class).list();
    }

    /** Users a member may delegate to: other members' users and the head of office. */
    public List<Option> delegateOptions(CurrentUser member) {
        java.util.Map<Long, String> options = new java.util.LinkedHashMap<>();
        for (StaffUser u : signatories.usersWithRole(Role.MEMBER)) {
            if (u.memberId() != null && !u.memberId().equals(member.memberId()) && u.userId() != member.id()) {
                options.put(u.userId(), u.displayName() + " (member)");
            }
        }
        for (StaffUser u : signatories.usersWithRole(Role.HEAD_OF_OFFICE)) {
            if (u.userId() != member.id()) {
                options.putIfAbsent(u.userId(), u.displayName() + " (head of office)");
            }
        }
        return options.entrySet().stream().map(e -> Option.of(e.getKey(), e.getValue())).toList();
    }

    public List<DelegationRow> delegations(CurrentUser member) {
        if (member.memberId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select d.id, u.display_name, d.starts_on, d.ends_on, d.ended_early_at from approval_delegation d"
                        + " join app_user u on u.id = d.delegate_user_id where d.member_id = ?"
                        + " order by d.ends_on desc, d.id desc limit 50")
                .param(member.memberId())
                .query((rs, n) -> {
                    LocalDate from = rs.getObject(3, LocalDate.class);
                    LocalDate to = rs.getObject(4, LocalDate.class);
                    boolean ended = rs.getTimestamp(5) != null;
                    String state = ended ? "Ended early" : to.isBefore(today) ? "Finished" : from.isAfter(today) ? "Planned" : "Active";
                    String colour = switch (state) {
                        case "Active" -> "green";
                        case "Planned" -> "blue";
                        default -> "grey";
                    };
                    return new DelegationRow(rs.getLong(1), rs.getString(2), from, to, state, colour,
                            !ended && !to.isBefore(today));
                })
                .list();
    }

    @Transactional
    public long add(CurrentUser member, Long delegateUserId, LocalDate from, LocalDate to) {
        if (member.memberId() == null || !member.hasRole(Role.MEMBER)) {
            throw new RuleViolationException(null, "Only a member can delegate their approvals");
        }
        if (delegateUserId == null) {
            throw new RuleViolationException("delegateUserId", "Select who may approve for you");
        }
        boolean allowed = delegateOptions(member).stream().anyMatch(o -> o.value().equals(delegateUserId.toString()));
        if (!allowed) {
            throw new RuleViolationException("delegateUserId", "Select a deputy or the head of office from the list");
        }
        LocalDate today = LocalDate.now(clock);
        if (from.isBefore(today)) {
            throw new RuleViolationException("startsOn", "Start date must be today or in the future");
        }
        if (to.isBefore(from)) {
            throw new RuleViolationException("endsOn", "End date must be the same as or after the start date");
        }
        if (to.isAfter(from.plusYears(1))) {
            throw new RuleViolationException("endsOn", "A delegation can last at most one year");
        }
        long id = jdbc.sql("insert into approval_delegation (member_id, delegate_user_id, starts_on, ends_on, created_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(member.memberId(), delegateUserId, from, to, member.displayName()).query(Long.class).single();
        events.publishEvent(AuditEntry.of(member.getUsername(), "approval-delegation.created", "approval_delegation", id)
                .change("delegateUserId", null, delegateUserId)
                .change("startsOn", null, from)
                .change("endsOn", null, to)
                .build());
        return id;
    }

    @Transactional
    public void end(CurrentUser member, long id) {
        LocalDate today = LocalDate.now(clock);
        int updated = jdbc.sql("update approval_delegation set ended_early_at = now() where id = ? and member_id = ?"
                        + " and ended_early_at is null and ends_on >= ?")
                .params(id, member.memberId() == null ? -1L : member.memberId(), today).update();
        if (updated == 0) {
            throw new NotFoundException("Delegation");
        }
        events.publishEvent(AuditEntry.of(member.getUsername(), "approval-delegation.ended", "approval_delegation", id)
                .change("endedEarly", false, true).build());
    }
}
