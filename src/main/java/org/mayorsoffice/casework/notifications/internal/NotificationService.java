package org.mayorsoffice.casework.notifications.internal;

import java.time.Instant;
import java.util.List;
import org.mayorsoffice.casework.notifications.Notifications;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class NotificationService implements Notifications {

    public record NotificationRow(long id, String message, String link, Instant createdAt, boolean unread) {}

    private static final int PAGE_SIZE = 25;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final String baseUrl;

    NotificationService(JdbcClient jdbc, Outbox outbox, @Value("${casework.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void notify(long userId, String message, String link, boolean email) {
        String text = message.length() > 500 ? message.substring(0, 497) + "..." : message;
        jdbc.sql("insert into notification (user_id, message, link) values (?, ?, ?)").params(userId, text, link).update();
        if (!email) {
            return;
        }
        jdbc.sql("select email from app_user where id = ? and enabled and email is not null").param(userId)
                .query(String.class).optional()
                .ifPresent(address -> outbox.queue(Outbox.Email.of(address, "Casework: " + text,
                        text + (link == null ? "" : "\n\nOpen it: " + baseUrl + link)
                                + "\n\nYou are receiving this because you use the Mayor's Office casework system.",
                        "notification")));
    }

    /** The bell on every page: one indexed count, run without a transaction of its own (it reads one number). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null").param(userId)
                .query(Long.class).single();
    }

    public PageView<NotificationRow> page(long userId, int page) {
        long total = jdbc.sql("select count(*) from notification where user_id = ?").param(userId).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(0, Math.min(page, pages - 1));
        List<NotificationRow> rows = jdbc.sql("select id, message, link, created_at, read_at is null from notification"
                        + " where user_id = ? order by created_at desc, id desc limit ? offset ?")
                .params(userId, PAGE_SIZE, number * PAGE_SIZE)
                .query((rs, n) -> new NotificationRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
        return PageView.of(rows, number, pages, total, i -> "/notifications?page=" + i);
    }

    /** Marks one of the user's notifications read and returns where it points (home when nowhere). */
    @Transactional
    public String open(long userId, long notificationId) {
        jdbc.sql("update notification set read_at = now() where id = ? and user_id = ? and read_at is null")
                .params(notificationId, userId).update();
        return jdbc.sql("select link from notification where id = ? and user_id = ?").params(notificationId, userId)
                .query(String.class).optional().orElse("/notifications");
    }

    @Transactional
    public int markAllRead(long userId) {
        return jdbc.sql("update notification set read_at = now() where user_id = ? and read_at is null").param(userId).update();
    }
}
