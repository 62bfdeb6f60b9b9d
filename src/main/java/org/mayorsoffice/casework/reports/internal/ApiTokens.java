package org.mayorsoffice.casework.reports.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for the reporting feed: created by an administrator (the token is returned once; only its SHA-256
 * hash is stored), revoked by an administrator, and checked on every feed request.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

    public record TokenRow(long id, String name, String createdBy, Instant createdAt, Instant revokedAt,
            Instant lastUsedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The newest 200 tokens. */
    public List<TokenRow> list() {
        return jdbc.sql("select id, name, created_by, created_at, revoked_at, last_used_at from api_token"
                        + " order by created_at desc, id desc limit 200")
                .query((rs, n) -> new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getString("created_by"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .list();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Creates a token and returns it: the only time it can be seen. */
    @Transactional
    public String create(String name, String actor) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new RuleViolationException("name", "Enter a name for the token, for example Power BI office dashboard");
        }
        if (trimmed.length() > 100) {
            throw new RuleViolationException("name", "Name must be 100 characters or fewer");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into api_token (name, token_hash, created_by) values (:name, :hash, :actor) returning id")
                .param("name", trimmed).param("hash", hash(token)).param("actor", actor)
                .query(Long.class).single();
        events.publishEvent(AuditEntry.of(actor, "api-token.created", "api_token", id).change("name", null, trimmed).build());
        return token;
    }

    @Transactional
    public String revoke(long id, String actor) {
        String name = jdbc.sql("select name from api_token where id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("API token"));
        int changed = jdbc.sql("update api_token set revoked_at = now(), revoked_by = :actor where id = :id and revoked_at is null")
                .param("actor", actor).param("id", id).update();
        if (changed > 0) {
            events.publishEvent(AuditEntry.of(actor, "api-token.revoked", "api_token", id).build());
        }
        return name;
    }

    /** Whether an {@code Authorization} header carries a live token; if so its last use is recorded. */
    @Transactional
    public boolean authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty() || token.length() > 200) {
            return false;
        }
        return jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash and revoked_at is null")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("hash", hash(token))
                .update() == 1;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
