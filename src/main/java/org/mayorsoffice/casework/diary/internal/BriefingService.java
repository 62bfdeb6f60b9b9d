package org.mayorsoffice.casework.diary.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingStatus;
import org.mayorsoffice.casework.diary.internal.DiaryViews.BriefingDetail;
import org.mayorsoffice.casework.diary.internal.DiaryViews.BriefingRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.BriefingsDue;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementDetail;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.FileRow;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.shared.pdf.PdfRenderer;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** Briefings: commissioned for an engagement or a topic, tracked to ready, with files; the meeting pack PDF. */
@Service
@Transactional(readOnly = true)
public class BriefingService {

    /** How far ahead "Briefings due" looks, in working days. */
    public static final int DUE_WINDOW = 10;

    /** Engagements without a ready briefing, and briefings to finish, shown on one page of "Briefings due". */
    public static final int DUE_PAGE_SIZE = 50;

    public record NewBriefing(Long engagementId, Long memberId, BriefingKind kind, String title, String topic, Long authorId,
            LocalDate dueOn) {}

    public record StoredFile(String fileName, String contentType, byte[] content) {}

    private final JdbcClient jdbc;
    private final DiaryQueries queries;
    private final DiaryDirectory directory;
    private final WorkingDayCalendar calendar;
    private final CaseDesk cases;
    private final PdfRenderer pdf;
    private final ApplicationEventPublisher events;
    private final int leadDays;
    private final DataSize maxFileSize;

    BriefingService(JdbcClient jdbc, DiaryQueries queries, DiaryDirectory directory, WorkingDayCalendar calendar,
            CaseDesk cases, PdfRenderer pdf, ApplicationEventPublisher events,
            @Value("${casework.diary.briefing-lead-days:3}") int leadDays,
            @Value("${casework.diary.max-file-size:10MB}") DataSize maxFileSize) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.directory = directory;
        this.calendar = calendar;
        this.cases = cases;
        this.pdf = pdf;
        this.events = events;
        this.leadDays = leadDays;
        this.maxFileSize = maxFileSize;
    }

    /** The default due date of a briefing for an engagement on that day: the configured working days before it. */
    public LocalDate defaultDueOn(LocalDate engagementDay) {
        return calendar.addWorkingDays(engagementDay, -leadDays);
    }

    /** The due date offered for a new briefing: {@link #defaultDueOn}, or today when that has already passed. */
    public LocalDate suggestedDueOn(LocalDate engagementDay) {
        LocalDate due = defaultDueOn(engagementDay);
        LocalDate today = queries.today();
        return due.isBefore(today) && !today.isAfter(engagementDay) ? today : due;
    }

    public int leadDays() {
        return leadDays;
    }

    public long maxFileBytes() {
        return maxFileSize.toBytes();
    }

    @Transactional
    public long commission(NewBriefing c, CurrentUser user) {
        DiaryService.requireKeeper(user);
        Long memberId = c.memberId();
        LocalDate engagementDay = null;
        if (c.engagementId() != null) {
            EngagementDetail e = queries.detail(c.engagementId(), user);
            memberId = e.memberId();
            engagementDay = e.date();
        }
        if (memberId == null || !directory.isMember(memberId)) {
            throw new RuleViolationException("memberId", "Select the member the briefing is for");
        }
        if (c.kind() == null) {
            throw new RuleViolationException("kind", "Select the type of briefing");
        }
        String title = DiaryService.trim(c.title());
        if (title == null) {
            throw new RuleViolationException("title", "Enter a title");
        }
        if (title.length() > 200) {
            throw new RuleViolationException("title", "Title must be 200 characters or fewer");
        }
        String topic = DiaryService.trim(c.topic());
        if (topic != null && topic.length() > 200) {
            throw new RuleViolationException("topic", "Topic must be 200 characters or fewer");
        }
        if (c.engagementId() == null && topic == null) {
            throw new RuleViolationException("topic", "Enter the topic of the briefing");
        }
        if (c.authorId() == null || !directory.isStaff(c.authorId())) {
            throw new RuleViolationException("authorId", "Select who will write it");
        }
        LocalDate due = c.dueOn() != null ? c.dueOn() : engagementDay != null ? suggestedDueOn(engagementDay) : null;
        if (due == null) {
            throw new RuleViolationException("dueOn", "Enter the date it is due");
        }
        if (engagementDay != null && due.isAfter(engagementDay)) {
            throw new RuleViolationException("dueOn", "Due date must be on or before the day of the engagement");
        }
        int position = c.engagementId() == null ? 0 : jdbc.sql("select coalesce(max(position), 0) + 1 from briefing where engagement_id = ?")
                .param(c.engagementId()).query(Integer.class).single();
        long id = jdbc.sql("""
                        insert into briefing (engagement_id, member_id, kind, title, topic, author_id, due_on, status, position, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, 'COMMISSIONED', ?, ?) returning id""")
                .params(c.engagementId(), memberId, c.kind().name(), title, topic, c.authorId(), due, position, user.getUsername())
                .query(Long.class).single();
        events.publishEvent(AuditEntry.of(user.getUsername(), "briefing.commissioned", "briefing", id)
                .detail(c.kind().label() + ": " + title + ", due " + due).build());
        return id;
    }

    @Transactional
    public void update(long id, BriefingStatus status, String content, long version, CurrentUser user) {
        DiaryService.requireKeeper(user);
        BriefingDetail b = detail(id, user, false);
        if (status == null) {
            throw new RuleViolationException("status", "Select the status");
        }
        String text = DiaryService.trim(content);
        if (text != null && text.length() > 50000) {
            throw new RuleViolationException("content", "The text must be 50,000 characters or fewer");
        }
        int n = jdbc.sql("update briefing set status = ?, content = ?, version = version + 1 where id = ? and version = ?")
                .params(status.name(), text, id, version).update();
        if (n == 0) {
            throw new ConcurrentEditException("briefing", b.version());
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "briefing.changed", "briefing", id)
                .change("status", b.statusCode(), status.name()).build());
    }

    @Transactional
    public void attach(long id, String originalName, byte[] bytes, CurrentUser user) {
        DiaryService.requireKeeper(user);
        detail(id, user, false);
        if (bytes == null || bytes.length == 0) {
            // A chosen file with nothing in it is told apart from no file at all (GOV.UK file upload pattern).
            throw new RuleViolationException("file", originalName == null || originalName.isBlank()
                    ? "Select a file" : "The selected file is empty");
        }
        if (bytes.length > maxFileSize.toBytes()) {
            throw new RuleViolationException("file", "The selected file must be smaller than " + maxFileSize.toMegabytes() + "MB");
        }
        BriefingFiles.Checked checked = BriefingFiles.check(originalName, bytes);
        jdbc.sql("insert into briefing_file (briefing_id, file_name, content_type, size_bytes, content, uploaded_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, checked.fileName(), checked.contentType(), bytes.length, bytes, user.displayName()).update();
        events.publishEvent(AuditEntry.of(user.getUsername(), "briefing.file-attached", "briefing", id)
                .detail(checked.fileName()).build());
    }

    public StoredFile file(long fileId, CurrentUser user) {
        DiaryService.requireKeeper(user);
        return jdbc.sql("select file_name, content_type, content from briefing_file where id = ?").param(fileId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional().orElseThrow(() -> new NotFoundException("File"));
    }

    public BriefingDetail detail(long id, CurrentUser user) {
        return detail(id, user, true);
    }

    private BriefingDetail detail(long id, CurrentUser user, boolean withContext) {
        DiaryService.requireKeeper(user);
        Map<String, Object> b = jdbc.sql("""
                        select b.*, coalesce(u.display_name, b.author_name) as author, m.full_name, e.title as engagement_title,
                            e.starts_at, e.ends_at, e.ward_id, e.topic_id
                        from briefing b join member m on m.id = b.member_id left join app_user u on u.id = b.author_id
                            left join engagement e on e.id = b.engagement_id
                        where b.id = ?""")
                .param(id).query().listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException("Briefing"));
        BriefingStatus status = BriefingStatus.valueOf((String) b.get("status"));
        BriefingKind kind = BriefingKind.valueOf((String) b.get("kind"));
        Long engagementId = b.get("engagement_id") == null ? null : ((Number) b.get("engagement_id")).longValue();
        List<FileRow> files = jdbc.sql("select id, file_name, size_bytes, uploaded_at, uploaded_by from briefing_file"
                        + " where briefing_id = ? order by id limit 50")
                .param(id).query((rs, n) -> new FileRow(rs.getLong(1), rs.getString(2), sizeLabel(rs.getLong(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        List<org.mayorsoffice.casework.cases.CaseViews.CaseRow> related = List.of();
        List<EngagementRow> past = List.of();
        if (withContext && engagementId != null) {
            List<Long> personIds = jdbc.sql("select person_id from engagement_person where engagement_id = ? order by person_id limit 20")
                    .param(engagementId).query(Long.class).list();
            Long wardId = b.get("ward_id") == null ? null : ((Number) b.get("ward_id")).longValue();
            Long topicId = b.get("topic_id") == null ? null : ((Number) b.get("topic_id")).longValue();
            related = cases.recentCasesFor(wardId, topicId, personIds, user, 10);
            past = queries.withPeople(personIds, ((java.sql.Timestamp) b.get("starts_at")).toInstant(), engagementId, 10, user);
        }
        Instant start = b.get("starts_at") == null ? null : ((java.sql.Timestamp) b.get("starts_at")).toInstant();
        Instant end = b.get("ends_at") == null ? null : ((java.sql.Timestamp) b.get("ends_at")).toInstant();
        return new BriefingDetail(id, kind.label(), kind.name(), (String) b.get("title"), (String) b.get("topic"),
                b.get("author_id") == null ? null : ((Number) b.get("author_id")).longValue(), (String) b.get("author"),
                ((java.sql.Date) b.get("due_on")).toLocalDate(), status.label(), status.name(), status.colour(),
                (String) b.get("content"), engagementId, (String) b.get("engagement_title"),
                start == null ? null : DiaryTimes.when(start, end), ((Number) b.get("member_id")).longValue(),
                (String) b.get("full_name"), files, related, past, ((Number) b.get("version")).longValue());
    }

    /**
     * Briefings not yet ready that are due within the next {@link #DUE_WINDOW} working days (or overdue),
     * and engagements in that window that still lack a ready briefing.
     */
    public BriefingsDue due(CurrentUser user) {
        return due(user, 1, 1);
    }

    /**
     * {@link #due(CurrentUser)} with the given pages (from 1) of engagements without a ready briefing and of briefings
     * to finish.
     */
    public BriefingsDue due(CurrentUser user, int page, int finishPage) {
        DiaryService.requireKeeper(user);
        LocalDate today = queries.today();
        LocalDate until = calendar.addWorkingDays(today, DUE_WINDOW);
        int finish = Math.min(Math.max(finishPage, 1), 10_000);
        List<BriefingRow> briefings = jdbc.sql(DiaryQueries.BRIEFING_SELECT + " where b.status <> 'READY' and b.due_on <= ?"
                        + " order by b.due_on, b.id limit ? offset ?")
                .params(until, DUE_PAGE_SIZE + 1, (finish - 1) * DUE_PAGE_SIZE).query(queries::briefingRow).list();
        boolean moreBriefings = briefings.size() > DUE_PAGE_SIZE;
        // Only the page shown is read (the database leaves out engagements with a ready briefing), and the total is
        // counted up to DiaryQueries.MAX_ROWS ("at least 500"): a busy office has over a thousand engagements in the
        // window, and reading and counting the briefings of each on every view was the page's cost.
        int unbriefed = queries.unbriefedCount(today, until.plusDays(1));
        int pages = Math.max(1, (unbriefed + DUE_PAGE_SIZE - 1) / DUE_PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<EngagementRow> onPage = queries.unbriefed(today, until.plusDays(1), (shown - 1) * DUE_PAGE_SIZE, DUE_PAGE_SIZE, user);
        return new BriefingsDue(until, moreBriefings ? briefings.subList(0, DUE_PAGE_SIZE) : briefings, finish,
                moreBriefings, onPage, unbriefed, unbriefed >= DiaryQueries.MAX_ROWS, shown, DUE_PAGE_SIZE);
    }

    /** The meeting pack: the engagement's details and agenda, then each briefing's text in order, as one PDF. */
    public byte[] meetingPack(long engagementId, CurrentUser user) {
        EngagementDetail e = queries.detail(engagementId, user);
        if (!DiaryAccess.seesPrivate(user, e.memberId())) {
            throw new NotFoundException("Meeting pack");
        }
        Map<Long, String> contents = new HashMap<>();
        jdbc.sql("select id, content from briefing where engagement_id = ? limit 50").param(engagementId)
                .query(rs -> {
                    contents.put(rs.getLong(1), rs.getString(2));
                });
        List<Map<String, Object>> sections = e.briefings().stream().map(b -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("b", b);
            s.put("paragraphs", paragraphs(contents.get(b.id())));
            return s;
        }).toList();
        Map<String, Object> vars = new HashMap<>();
        vars.put("e", e);
        vars.put("agenda", paragraphs(e.agenda()));
        vars.put("sections", sections);
        vars.put("producedOn", DiaryTimes.longDay(queries.today()));
        byte[] pack = pdf.render("pdf/meeting-pack", vars);
        // Then the briefings' PDF files, in briefing order, so the pack is the one document to read.
        List<Long> order = e.briefings().stream().map(b -> b.id()).toList();
        List<long[]> files = new java.util.ArrayList<>();
        Map<Long, byte[]> bytes = new HashMap<>();
        jdbc.sql("select f.id, f.briefing_id, f.content from briefing_file f join briefing b on b.id = f.briefing_id"
                        + " where b.engagement_id = ? and f.content_type = 'application/pdf' order by f.id limit 20")
                .param(engagementId)
                .query(rs -> {
                    files.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    bytes.put(rs.getLong(1), rs.getBytes(3));
                });
        files.sort(java.util.Comparator.comparingInt((long[] f) -> order.indexOf(f[1])).thenComparingLong(f -> f[0]));
        return pdf.append(pack, files.stream().map(f -> bytes.get(f[0])).toList()).pdf();
    }

    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.strip().split("\\R"));
    }

    static String sizeLabel(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        return String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
