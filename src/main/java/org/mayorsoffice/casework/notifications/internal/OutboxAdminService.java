package org.mayorsoffice.casework.notifications.internal;

import java.time.Instant;
import java.util.List;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an administrator sees of outgoing email: what is waiting, what went, what failed. */
@Service
@Transactional(readOnly = true)
public class OutboxAdminService {

    public record OutboxRow(long id, String to, String subject, String status, int attempts, Instant createdAt,
            Instant sentAt, Instant nextAttemptAt, String lastError) {}

    public record OutboxCounts(long pending, long failed, long sentToday) {}

    private static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OutboxAdminService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public OutboxCounts counts() {
        return jdbc.sql("select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),"
                        + " count(*) filter (where status = 'SENT' and sent_at >= current_date) from outbox_email"
                        + " where status <> 'SENT' or sent_at >= current_date")
                .query((rs, n) -> new OutboxCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    public PageView<OutboxRow> page(String status, int page) {
        String filter = status == null ? "" : " where status = :status";
        var count = jdbc.sql("select count(*) from outbox_email" + filter);
        if (status != null) {
            count = count.param("status", status);
        }
        long total = count.query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(0, Math.min(page, pages - 1));
        var query = jdbc.sql("select id, to_address, subject, status, attempts, created_at, sent_at, next_attempt_at, last_error"
                + " from outbox_email" + filter + " order by created_at desc, id desc limit :limit offset :offset");
        if (status != null) {
            query = query.param("status", status);
        }
        List<OutboxRow> rows = query.param("limit", PAGE_SIZE).param("offset", number * PAGE_SIZE)
                .query((rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
        String statusParam = status == null ? "" : "status=" + status + "&";
        return PageView.of(rows, number, pages, total, i -> "/admin/outbox?" + statusParam + "page=" + i);
    }

    /** Puts a failed or waiting email back at the front of the queue. */
    @Transactional
    public void retry(long id, String actor) {
        int updated = jdbc.sql("update outbox_email set status = 'PENDING', next_attempt_at = now(),"
                        + " attempts = case when status = 'FAILED' then 0 else attempts end where id = ? and status <> 'SENT'")
                .param(id).update();
        if (updated == 0) {
            throw new NotFoundException("Waiting or failed email");
        }
        events.publishEvent(AuditEntry.of(actor, "email.retry-requested", "outbox_email", id).build());
    }
}
