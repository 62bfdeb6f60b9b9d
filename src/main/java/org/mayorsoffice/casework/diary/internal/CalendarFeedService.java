package org.mayorsoffice.casework.diary.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.diary.internal.DiaryViews.FeedStatus;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member's private iCalendar (RFC 5545) subscription: a long random token in the URL, kept only
 * as a SHA-256 hash, revocable. Times are written in UTC, so calendar apps place them right on both
 * sides of the BST/GMT change.
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeedService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DiaryDirectory directory;
    private final DiaryQueries queries;
    private final ApplicationEventPublisher events;
    private final int pastDays;
    private final int futureDays;
    private final String baseUrl;

    CalendarFeedService(JdbcClient jdbc, DiaryDirectory directory, DiaryQueries queries, ApplicationEventPublisher events,
            @Value("${casework.diary.feed.past-days:60}") int pastDays,
            @Value("${casework.diary.feed.future-days:400}") int futureDays,
            @Value("${casework.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.queries = queries;
        this.events = events;
        this.pastDays = pastDays;
        this.futureDays = futureDays;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String feedUrl(String token) {
        return baseUrl + "/diary/feed/" + token;
    }

    public FeedStatus status(long memberId, CurrentUser user) {
        check(memberId, user);
        Optional<Instant> created = jdbc.sql("select created_at from diary_feed_token where member_id = ? and revoked_at is null")
                .param(memberId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        return new FeedStatus(memberId, directory.memberName(memberId), created.isPresent(), created.orElse(null));
    }

    /** Makes a new subscription token (revoking any earlier one) and returns it; it is shown only once. */
    @Transactional
    public String issue(long memberId, CurrentUser user) {
        check(memberId, user);
        revokeActive(memberId);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into diary_feed_token (member_id, token_hash, created_by) values (?, ?, ?)")
                .params(memberId, hash(token), user.getUsername()).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "diary.feed-issued", "member", memberId).build());
        return token;
    }

    @Transactional
    public void revoke(long memberId, CurrentUser user) {
        check(memberId, user);
        revokeActive(memberId);
        events.publishEvent(AuditEntry.of(user.getUsername(), "diary.feed-revoked", "member", memberId).build());
    }

    private void revokeActive(long memberId) {
        jdbc.sql("update diary_feed_token set revoked_at = now() where member_id = ? and revoked_at is null").param(memberId).update();
    }

    private void check(long memberId, CurrentUser user) {
        if (!(DiaryAccess.keeps(user) || DiaryAccess.ownDiary(user, memberId)) || !directory.isMember(memberId)) {
            throw new NotFoundException("Diary");
        }
    }

    /** The calendar for a token; "not found" for an unknown or revoked one. */
    public String feed(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw new NotFoundException("Calendar");
        }
        long memberId = jdbc.sql("select member_id from diary_feed_token where token_hash = ? and revoked_at is null")
                .param(hash(token)).query(Long.class).optional().orElseThrow(() -> new NotFoundException("Calendar"));
        LocalDate today = queries.today();
        List<FeedEvent> rows = jdbc.sql("""
                        select e.id, e.title, e.kind, e.starts_at, e.ends_at, e.location, e.status, e.agenda, e.version,
                            e.created_at
                        from engagement e where e.member_id = ? and e.starts_at >= ? and e.starts_at < ?
                        order by e.starts_at, e.id limit 2000""")
                .params(memberId, DiaryService.ts(DiaryTimes.at(today.minusDays(pastDays), java.time.LocalTime.MIDNIGHT)),
                        DiaryService.ts(DiaryTimes.at(today.plusDays(futureDays), java.time.LocalTime.MIDNIGHT)))
                .query((rs, n) -> new FeedEvent(rs.getLong(1), rs.getString(2), DiaryEnums.EngagementKind.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        DiaryEnums.EngagementStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getLong(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
        return render(directory.memberName(memberId), rows, baseUrl, Instant.now());
    }

    /** One engagement as the feed shows it (the member's own feed: private engagements in full). */
    record FeedEvent(long id, String title, DiaryEnums.EngagementKind kind, Instant start, Instant end, String location,
            DiaryEnums.EngagementStatus status, String agenda, long version, Instant createdAt) {}

    /** The iCalendar text: one VEVENT per engagement, times in UTC, a stable UID and SEQUENCE from the version. */
    static String render(String member, List<FeedEvent> rows, String baseUrl, Instant now) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Mayor's Office//Casework diary//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new net.fortuna.ical4j.model.property.XProperty("X-WR-CALNAME", "Diary: " + member));
        for (FeedEvent r : rows) {
            VEvent event = new VEvent(r.start(), r.end(), r.title());
            event.add(new Uid("engagement-" + r.id() + "@casework.mayorsoffice"));
            event.add(new DtStamp(now));
            event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, r.version())));
            event.add(switch (r.status()) {
                case CONFIRMED -> new Status(Status.VALUE_CONFIRMED);
                case CANCELLED, DECLINED -> new Status(Status.VALUE_CANCELLED);
                default -> new Status(Status.VALUE_TENTATIVE);
            });
            if (r.location() != null) {
                event.add(new Location(r.location()));
            }
            event.add(new Description(r.kind().label() + (r.agenda() == null ? "" : "\n\n" + r.agenda()) + "\n\n" + baseUrl
                    + "/diary/engagements/" + r.id()));
            calendar.add(event);
        }
        return calendar.toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
