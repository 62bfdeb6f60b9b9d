package org.mayorsoffice.casework.correspondence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseVisibilityRule;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.cases.CaseDesk.NewCase;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;
import org.mayorsoffice.casework.correspondence.CorrespondenceStats;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.AttachmentRow;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.ItemDetail;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.ItemRow;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The register: logging items, the triage inbox and distributing each incoming item once (attach to a
 * case, open a new case, or file as no action). Items on cases apply the case's confidentiality: an item
 * on a case the user may not see is "not found".
 */
@Service
@Transactional(readOnly = true)
public class CorrespondenceService implements CorrespondenceStats {

    public static final int PAGE_SIZE = 25;
    static final int MAX_FILES = 10;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    /** A file to keep with an item, as uploaded or as found in an email. */
    public record NewFile(String name, byte[] bytes) {}

    /** An item as logged by hand (or by the demo data). */
    public record NewItem(Direction direction, Channel channel, LocalDate occurredOn, String senderName,
            String senderEmail, String senderAddress, Long personId, String recipient, Long memberId, String subject,
            String body, List<NewFile> files) {}

    /** What the register may be filtered by; null means any. */
    public record Filters(Direction direction, Channel channel, Status status) {}

    /** A case opened from an item; {@code personId} or {@code addWriter} says who it is about. */
    public record CaseFromItem(Long caseTypeId, String subject, String description, Long personId, boolean addWriter,
            Long memberId, LocalDate receivedOn) {}

    private final JdbcClient jdbc;
    private final CaseDesk caseDesk;
    private final PeopleApi people;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DataSize maxSize;

    CorrespondenceService(JdbcClient jdbc, CaseDesk caseDesk, PeopleApi people, MemberDirectory members,
            ApplicationEventPublisher events, Clock clock, @Value("${casework.attachments.max-size:10MB}") DataSize maxSize) {
        this.members = members;
        this.jdbc = jdbc;
        this.caseDesk = caseDesk;
        this.people = people;
        this.events = events;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    // ----- logging -----

    /** Logs an item by hand; incoming items go to the triage inbox. Returns its id. */
    @Transactional
    public long log(NewItem item, CurrentUser user) {
        validate(item);
        Long personId = item.personId();
        if (personId != null && people.summary(personId).isEmpty()) {
            throw new RuleViolationException("personId", "Select the person from the directory");
        }
        if (personId == null && !blank(item.senderEmail()) && item.direction() == Direction.IN) {
            personId = people.findByEmail(item.senderEmail().strip()).stream().findFirst().map(PersonSummary::id).orElse(null);
        }
        List<CorrespondenceFiles.Checked> checked = new ArrayList<>();
        for (NewFile file : item.files()) {
            checked.add(checkFile(file));
        }
        Status status = item.direction() == Direction.IN ? Status.IN_TRIAGE : Status.SENT;
        long id = insert(item.direction(), item.channel(), status, item.occurredOn(), clean(item.senderName()),
                clean(item.senderEmail()), clean(item.senderAddress()), personId, clean(item.recipient()), item.memberId(),
                item.subject().strip(), clean(item.body()), null, "MANUAL", user.displayName()).orElseThrow();
        for (int i = 0; i < checked.size(); i++) {
            saveFile(id, checked.get(i), item.files().get(i).bytes());
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "correspondence.logged", "correspondence", id)
                .change("direction", null, item.direction()).change("channel", null, item.channel()).build());
        return id;
    }

    private void validate(NewItem item) {
        if (item.direction() == null) {
            throw new RuleViolationException("direction", "Select whether it came in or went out");
        }
        if (item.channel() == null) {
            throw new RuleViolationException("channel", "Select how it came in or went out");
        }
        if (item.occurredOn() == null) {
            throw new RuleViolationException("occurredOn", "Enter the date");
        }
        if (item.occurredOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("occurredOn", "The date must be today or in the past");
        }
        if (blank(item.subject())) {
            throw new RuleViolationException("subject", "Enter the subject");
        }
        if (item.subject().strip().length() > 300) {
            throw new RuleViolationException("subject", "Subject must be 300 characters or fewer");
        }
        if (item.direction() == Direction.IN && blank(item.senderName()) && blank(item.senderEmail())
                && blank(item.senderAddress())) {
            throw new RuleViolationException("senderName", "Enter who it is from");
        }
        if (!blank(item.senderEmail()) && !EMAIL.matcher(item.senderEmail().strip()).matches()) {
            throw new RuleViolationException("senderEmail", "Enter an email address in the correct format, like name@example.com");
        }
        if (item.direction() == Direction.OUT && blank(item.recipient())) {
            throw new RuleViolationException("recipient", "Enter who it was sent to");
        }
        if (item.files().size() > MAX_FILES) {
            throw new RuleViolationException("files", "Attach " + MAX_FILES + " files or fewer");
        }
    }

    CorrespondenceFiles.Checked checkFile(NewFile file) {
        if (file.bytes() == null || file.bytes().length == 0) {
            throw new RuleViolationException("files", "The selected file is empty");
        }
        if (file.bytes().length > maxSize.toBytes()) {
            throw new RuleViolationException("files", "The selected file must be smaller than " + maxSize.toMegabytes() + "MB");
        }
        return CorrespondenceFiles.check(file.name(), file.bytes());
    }

    boolean fitsSizeLimit(byte[] bytes) {
        return bytes.length > 0 && bytes.length <= maxSize.toBytes();
    }

    void saveFile(long itemId, CorrespondenceFiles.Checked checked, byte[] bytes) {
        jdbc.sql("insert into correspondence_attachment (item_id, file_name, content_type, size_bytes, sha256, content)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(itemId, checked.fileName(), checked.type().contentType, (long) bytes.length,
                        CorrespondenceFiles.sha256(bytes), bytes)
                .update();
    }

    /** Inserts an item; empty when its Message-ID is already in the register. */
    Optional<Long> insert(Direction direction, Channel channel, Status status, LocalDate occurredOn, String senderName,
            String senderEmail, String senderAddress, Long personId, String recipient, Long memberId, String subject,
            String body, String messageId, String source, String loggedBy) {
        return jdbc.sql("""
                        insert into correspondence_item (direction, channel, status, occurred_on, sender_name, sender_email,
                            sender_address, person_id, recipient, member_id, subject, body, message_id, source, logged_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (message_id) where message_id is not null do nothing
                        returning id""")
                .params(direction.name(), channel.name(), status.name(), occurredOn, limit(senderName, 200),
                        limit(senderEmail, 320), limit(senderAddress, 500), personId, limit(recipient, 400), memberId,
                        limit(subject, 300), limit(body, 100_000), messageId, source, limit(loggedBy, 200))
                .query(Long.class).optional();
    }

    // ----- reading -----

    private static final String ROW_SELECT = """
            select i.id, i.direction, i.channel, i.status, i.occurred_on, i.sender_name, i.sender_email, i.recipient,
                   i.subject, left(i.body, 300) as preview, c.reference, c.confidentiality
              from correspondence_item i
              left join casework_case c on c.id = i.case_id
            """;

    /**
     * The register, newest first, 25 to a page. An item on a case the user may not see is left out
     * altogether (not even counted), by the cases module's confidentiality rule.
     */
    public PageView<ItemRow> register(Filters filters, int page, CurrentUser user) {
        Map<String, Object> params = new HashMap<>(CaseVisibilityRule.params(user));
        StringBuilder where = new StringBuilder(" where (i.case_id is null or exists (select 1 from casework_case v"
                + " where v.id = i.case_id and " + CaseVisibilityRule.clause("v") + "))");
        StringBuilder query = new StringBuilder();
        if (filters.direction() != null) {
            where.append(" and i.direction = :direction");
            params.put("direction", filters.direction().name());
            query.append("&direction=").append(filters.direction().name());
        }
        if (filters.channel() != null) {
            where.append(" and i.channel = :channel");
            params.put("channel", filters.channel().name());
            query.append("&channel=").append(filters.channel().name());
        }
        if (filters.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", filters.status().name());
            query.append("&status=").append(filters.status().name());
        }
        return page(where.toString(), " order by i.occurred_on desc, i.id desc", params, page, "/correspondence?page=%d" + query);
    }

    /** Incoming items not yet distributed, oldest first. */
    public PageView<ItemRow> triage(int page) {
        return page(" where i.status = 'IN_TRIAGE'", " order by i.occurred_on, i.id", Map.of(), page,
                "/correspondence/triage?page=%d");
    }

    public long triageCount() {
        return jdbc.sql("select count(*) from correspondence_item where status = 'IN_TRIAGE'").query(Long.class).single();
    }

    private PageView<ItemRow> page(String where, String orderBy, Map<String, Object> params, int page, String href) {
        long total = jdbc.sql("select count(*) from correspondence_item i" + where).params(params).query(Long.class).single();
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.max(0, Math.min(page, totalPages - 1));
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", PAGE_SIZE);
        all.put("offset", number * PAGE_SIZE);
        List<ItemRow> rows = jdbc.sql(ROW_SELECT + where + orderBy + " limit :limit offset :offset").params(all)
                .query(CorrespondenceService::row).list();
        return PageView.of(rows, number, totalPages, total, n -> href.formatted(n));
    }

    /** A row of a list whose query has already left out items on cases the user may not see. */
    static ItemRow row(ResultSet rs, int n) throws SQLException {
        boolean hidden = false;
        Direction direction = Direction.valueOf(rs.getString("direction"));
        String who = direction == Direction.IN ? correspondent(rs.getString("sender_name"), rs.getString("sender_email"))
                : rs.getString("recipient");
        return new ItemRow(rs.getLong("id"), direction, Channel.valueOf(rs.getString("channel")),
                Status.valueOf(rs.getString("status")), rs.getObject("occurred_on", LocalDate.class),
                hidden ? "Restricted" : who, hidden ? "Correspondence on a restricted case" : rs.getString("subject"),
                rs.getString("reference"), hidden, hidden ? null : rs.getString("preview"));
    }

    static String correspondent(String name, String email) {
        if (!blank(name) && !blank(email)) {
            return name + " <" + email + ">";
        }
        return !blank(name) ? name : !blank(email) ? email : "Not recorded";
    }

    /** The item, if the user may see it: one on a case the user may not see is "not found" (and the attempt audited). */
    public ItemDetail detail(long id, CurrentUser user) {
        ItemDetail item = load(id);
        if (item.caseId() != null && caseDesk.summary(item.caseId(), user).isEmpty()) {
            throw new NotFoundException("Correspondence");
        }
        return item;
    }

    ItemDetail load(long id) {
        ItemDetail item = jdbc.sql("""
                        select i.*, c.reference, c.subject as case_subject, g.title as campaign_title
                          from correspondence_item i
                          left join casework_case c on c.id = i.case_id
                          left join correspondence_campaign g on g.id = i.campaign_id
                         where i.id = ?""")
                .param(id).query((rs, n) -> new ItemDetail(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
                        Channel.valueOf(rs.getString("channel")), Status.valueOf(rs.getString("status")),
                        rs.getObject("occurred_on", LocalDate.class), rs.getString("sender_name"), rs.getString("sender_email"),
                        rs.getString("sender_address"), (Long) rs.getObject("person_id"), null, rs.getString("recipient"),
                        (Long) rs.getObject("member_id"), null, rs.getString("subject"), rs.getString("body"),
                        (Long) rs.getObject("case_id"), rs.getString("reference"), rs.getString("case_subject"),
                        (Long) rs.getObject("campaign_id"), rs.getString("campaign_title"),
                        (Long) rs.getObject("reply_to_item_id"), rs.getString("no_action_reason"),
                        rs.getString("distributed_by"), instant(rs, "distributed_at"), rs.getString("approved_by"),
                        rs.getString("dispatched_by"), rs.getString("source"), rs.getString("logged_by"),
                        instant(rs, "logged_at"), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("Correspondence"));
        String personName = item.personId() == null ? null
                : people.summary(item.personId()).map(PersonSummary::displayName).orElse(null);
        String member = item.memberId() == null ? null : members.memberOptions().stream()
                .filter(o -> o.value().equals(String.valueOf(item.memberId()))).map(Option::label).findFirst().orElse(null);
        List<AttachmentRow> files = jdbc.sql("select id, file_name, size_bytes from correspondence_attachment where item_id = ?"
                        + " order by id limit 50")
                .param(id).query((rs, n) -> new AttachmentRow(rs.getLong("id"), rs.getString("file_name"),
                        CorrespondenceFiles.sizeLabel(rs.getLong("size_bytes"))))
                .list();
        return new ItemDetail(item.id(), item.direction(), item.channel(), item.status(), item.occurredOn(), item.senderName(),
                item.senderEmail(), item.senderAddress(), item.personId(), personName, item.recipient(), item.memberId(),
                member, item.subject(), item.body(), item.caseId(), item.caseReference(), item.caseSubject(),
                item.campaignId(), item.campaignTitle(), item.replyToItemId(), item.noActionReason(), item.distributedBy(),
                item.distributedAt(), item.approvedBy(), item.dispatchedBy(), item.source(), item.loggedBy(), item.loggedAt(),
                files);
    }

    /** An attachment's content, if the user may see its item. */
    public record Download(String fileName, String contentType, byte[] bytes) {}

    public Download download(long attachmentId, CurrentUser user) {
        long itemId = jdbc.sql("select item_id from correspondence_attachment where id = ?").param(attachmentId)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Attachment"));
        detail(itemId, user);
        return jdbc.sql("select file_name, content_type, content from correspondence_attachment where id = ?")
                .param(attachmentId)
                .query((rs, n) -> new Download(rs.getString(1), rs.getString(2), rs.getBytes(3))).single();
    }

    /** People the writer may be: the same email address first, then the same name. */
    public List<PersonSummary> personMatches(ItemDetail item) {
        List<PersonSummary> matches = new ArrayList<>();
        if (item.personId() != null) {
            people.summary(item.personId()).ifPresent(matches::add);
        }
        if (!blank(item.senderEmail())) {
            people.findByEmail(item.senderEmail()).stream().filter(p -> !matches.contains(p)).forEach(matches::add);
        }
        if (!blank(item.senderName()) && matches.isEmpty()) {
            matches.addAll(people.search(item.senderName(), 5));
        }
        return matches.size() > 10 ? matches.subList(0, 10) : matches;
    }

    // ----- distribution -----

    /** Attaches an incoming item in triage to a case the user may see, once. */
    @Transactional
    public CaseSummary attach(long itemId, Long caseId, CurrentUser user) {
        ItemDetail item = lockForDistribution(itemId);
        if (caseId == null) {
            throw new RuleViolationException("caseId", "Select the case to attach it to");
        }
        CaseSummary c = caseDesk.summary(caseId, user)
                .orElseThrow(() -> new RuleViolationException("caseId", "Select the case to attach it to"));
        distribute(item, Status.ATTACHED, "case_id = :case", Map.of("case", caseId), user);
        caseDesk.record(caseId, TimelineKind.CORRESPONDENCE, timelineText(item), false, user);
        return c;
    }

    /** Opens a case from an incoming item in triage (the item becomes its first correspondence); returns the case id. */
    @Transactional
    public long createCase(long itemId, CaseFromItem command, CurrentUser user) {
        ItemDetail item = lockForDistribution(itemId);
        if (command.caseTypeId() == null) {
            throw new RuleViolationException("caseTypeId", "Select the type of case");
        }
        if (blank(command.subject())) {
            throw new RuleViolationException("subject", "Enter the subject of the case");
        }
        if (command.receivedOn() == null) {
            throw new RuleViolationException("receivedOn", "Enter the date the case was received");
        }
        Long personId = command.personId();
        if (command.addWriter()) {
            if (blank(item.senderName())) {
                throw new RuleViolationException("personChoice", "The writer's name is not known: find them in the directory instead");
            }
            personId = people.addFromCorrespondence(item.senderName(), item.senderEmail(), user.getUsername());
        } else if (personId == null || people.summary(personId).isEmpty()) {
            throw new RuleViolationException("personChoice", "Select the person the case is about, or add the writer to the directory");
        }
        long caseId = caseDesk.open(new NewCase(command.caseTypeId(), item.channel().caseChannel(), command.subject().strip(),
                clean(command.description()), personId, command.memberId(), null, null, null, command.receivedOn()), user);
        Map<String, Object> params = new HashMap<>();
        params.put("case", caseId);
        params.put("person", personId);
        distribute(item, Status.NEW_CASE, "case_id = :case, person_id = coalesce(person_id, :person)", params, user);
        caseDesk.record(caseId, TimelineKind.CORRESPONDENCE, timelineText(item), false, user);
        return caseId;
    }

    /** Files an incoming item in triage as needing no action; the reason is required. */
    @Transactional
    public void noAction(long itemId, String reason, CurrentUser user) {
        ItemDetail item = lockForDistribution(itemId);
        if (blank(reason)) {
            throw new RuleViolationException("reason", "Enter why no action is needed");
        }
        if (reason.strip().length() > 1000) {
            throw new RuleViolationException("reason", "Reason must be 1000 characters or fewer");
        }
        distribute(item, Status.NO_ACTION, "no_action_reason = :reason", Map.of("reason", reason.strip()), user);
    }

    /** The item, locked, if it is still in triage; otherwise the clear "already distributed" refusal. */
    ItemDetail lockForDistribution(long itemId) {
        String status = jdbc.sql("select status from correspondence_item where id = ? for update").param(itemId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("Correspondence"));
        ItemDetail item = load(itemId);
        if (!Status.IN_TRIAGE.name().equals(status)) {
            throw alreadyDistributed(item);
        }
        return item;
    }

    void distribute(ItemDetail item, Status to, String set, Map<String, Object> params, CurrentUser user) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("id", item.id());
        all.put("to", to.name());
        all.put("by", user.displayName());
        int updated = jdbc.sql("update correspondence_item set status = :to, " + set + ", distributed_by = :by, distributed_at = now()"
                        + " where id = :id and status = 'IN_TRIAGE'")
                .params(all).update();
        if (updated == 0) {
            throw alreadyDistributed(load(item.id()));
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "correspondence.distributed", "correspondence", item.id())
                .change("status", Status.IN_TRIAGE, to)
                .build());
    }

    /** The refusal when an item has already been distributed, saying where it went and who sent it there. */
    public static RuleViolationException alreadyDistributed(ItemDetail item) {
        String where = switch (item.status()) {
            case ATTACHED, NEW_CASE, THREADED -> " to case " + item.caseReference();
            case NO_ACTION -> " as no action";
            case CAMPAIGN -> " to the campaign \u201c" + item.campaignTitle() + "\u201d";
            default -> "";
        };
        return new RuleViolationException(null, "This item has already been distributed" + where
                + (item.distributedBy() != null ? " by " + item.distributedBy() : "") + ". Nothing was changed.");
    }

    /** The case timeline entry for an item: what it is, from whom, its gist, and where to find it. */
    static String timelineText(ItemDetail item) {
        String from = item.direction() == Direction.IN ? " from " + item.correspondent() + " received "
                : " to " + item.recipient() + " sent ";
        String body = item.body() == null ? "" : item.body().strip();
        if (body.length() > 500) {
            body = body.substring(0, 500) + "\u2026";
        }
        return item.channel().label() + from + DAY.format(item.occurredOn()) + ": " + item.subject()
                + (body.isEmpty() ? "" : "\n" + body) + "\nCorrespondence register: /correspondence/" + item.id();
    }

    // ----- statistics -----

    @Override
    public Counts counts(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select count(*) filter (where direction = 'IN') as incoming,
                               count(*) filter (where direction = 'OUT') as outgoing,
                               count(*) filter (where direction = 'IN' and campaign_id is null)
                                 + count(distinct campaign_id) filter (where direction = 'IN') as pieces,
                               count(distinct campaign_id) filter (where direction = 'IN') as campaigns,
                               (select count(*) from correspondence_item where status = 'IN_TRIAGE') as in_triage
                          from correspondence_item
                         where occurred_on between ? and ?""")
                .params(from, to)
                .query((rs, n) -> new Counts(rs.getLong("incoming"), rs.getLong("outgoing"), rs.getLong("pieces"),
                        rs.getLong("campaigns"), rs.getLong("in_triage")))
                .single();
    }

    // ----- helpers -----

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String clean(String value) {
        return blank(value) ? null : value.strip();
    }

    static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
