package org.mayorsoffice.casework.correspondence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.audit.AuditEntry;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.CampaignDetail;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.CampaignMember;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.CampaignRow;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.ItemRow;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.Suggestion;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.notifications.Outbox;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.PageView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: many people writing about the same thing, grouped and answered with one standard response
 * that the head of office or a member approves, then sent to every writer in one action. A campaign counts
 * as one piece of work.
 */
@Service
@Transactional(readOnly = true)
public class CampaignService {

    /** How alike two subjects must be (pg_trgm similarity, 0..1) to be suggested as one campaign. */
    static final double SIMILARITY = 0.5;
    /** The oldest items in triage the suggestion looks at, and the most groups it offers. */
    static final int SUGGESTION_WINDOW = 300;
    static final int MAX_SUGGESTIONS = 10;
    /** The most writers one campaign page lists (and one send reaches). */
    static final int MAX_MEMBERS = 2000;

    private final JdbcClient jdbc;
    private final CorrespondenceService register;
    private final PeopleApi people;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignService(JdbcClient jdbc, CorrespondenceService register, PeopleApi people, Outbox outbox,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.people = people;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Groups of near-identical items in triage (by subject), biggest first. */
    public List<Suggestion> suggestions() {
        List<long[]> pairs = jdbc.sql("""
                        select a.id as a_id, b.id as b_id
                          from (select id, lower(subject) as s from correspondence_item where status = 'IN_TRIAGE'
                                 order by occurred_on, id limit :window) a
                          join correspondence_item b on b.status = 'IN_TRIAGE' and lower(b.subject) % a.s and b.id > a.id
                         where similarity(lower(b.subject), a.s) >= :threshold
                         limit 5000""")
                .param("window", SUGGESTION_WINDOW).param("threshold", SIMILARITY)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        Map<Long, Long> parent = new HashMap<>();
        for (long[] pair : pairs) {
            union(parent, pair[0], pair[1]);
        }
        Map<Long, List<Long>> groups = new LinkedHashMap<>();
        for (Long id : parent.keySet()) {
            groups.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(id);
        }
        List<List<Long>> sorted = groups.values().stream().filter(g -> g.size() >= 2)
                .sorted(Comparator.<List<Long>>comparingInt(List::size).reversed()).limit(MAX_SUGGESTIONS).toList();
        List<Suggestion> suggestions = new ArrayList<>();
        for (List<Long> group : sorted) {
            List<ItemRow> rows = jdbc.sql("""
                            select i.id, i.direction, i.channel, i.status, i.occurred_on, i.sender_name, i.sender_email,
                                   i.recipient, i.subject, left(i.body, 300) as preview, null as reference, null as confidentiality
                              from correspondence_item i where i.id in (:ids) order by i.occurred_on, i.id""")
                    .param("ids", group).query(CorrespondenceService::row).list();
            suggestions.add(new Suggestion(rows.get(0).subject(), rows));
        }
        return suggestions;
    }

    private static long find(Map<Long, Long> parent, long id) {
        parent.putIfAbsent(id, id);
        long root = id;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    public PageView<CampaignRow> list(int page) {
        long total = jdbc.sql("select count(*) from correspondence_campaign").query(Long.class).single();
        int size = CorrespondenceService.PAGE_SIZE;
        int totalPages = (int) Math.max(1, (total + size - 1) / size);
        int number = Math.max(0, Math.min(page, totalPages - 1));
        List<CampaignRow> rows = jdbc.sql("""
                        select g.id, g.title, g.status, g.created_at,
                               (select count(*) from correspondence_item i where i.campaign_id = g.id and i.direction = 'IN') as writers
                          from correspondence_campaign g order by g.created_at desc, g.id desc limit ? offset ?""")
                .params(size, number * size)
                .query((rs, n) -> new CampaignRow(rs.getLong("id"), rs.getString("title"), label(rs.getString("status")),
                        rs.getLong("writers"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return PageView.of(rows, number, totalPages, total, n -> "/correspondence/campaigns?page=" + n);
    }

    /** Campaigns still taking writers (their response not yet sent), newest first, for "add to a campaign". */
    public List<Option> openCampaignOptions() {
        return jdbc.sql("select id, title from correspondence_campaign where status <> 'SENT' order by created_at desc, id desc limit 50")
                .query((rs, n) -> Option.of(rs.getLong(1), rs.getString(2))).list();
    }

    private static String label(String status) {
        return switch (status) {
            case "APPROVED" -> "Response approved";
            case "SENT" -> "Response sent";
            default -> "Drafting the response";
        };
    }

    public CampaignDetail detail(long id) {
        var campaign = jdbc.sql("select * from correspondence_campaign where id = ?").param(id)
                .query((rs, n) -> new CampaignDetail(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getString("response_subject"), rs.getString("response_text"), rs.getString("approved_by"),
                        ts(rs.getTimestamp("approved_at")), rs.getString("sent_by"), ts(rs.getTimestamp("sent_at")),
                        rs.getString("created_by"), ts(rs.getTimestamp("created_at")), rs.getLong("version"), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("Campaign"));
        List<CampaignMember> members = jdbc.sql("""
                        select i.id, i.sender_name, i.sender_email, i.person_id, i.subject, i.occurred_on,
                               (select r.id from correspondence_item r where r.reply_to_item_id = i.id and r.campaign_id = i.campaign_id
                                 order by r.id limit 1) as reply_id
                          from correspondence_item i
                         where i.campaign_id = ? and i.direction = 'IN'
                         order by i.occurred_on, i.id limit ?""")
                .params(id, MAX_MEMBERS)
                .query((rs, n) -> new CampaignMember(rs.getLong("id"),
                        CorrespondenceService.blank(rs.getString("sender_name")) ? "Name not recorded" : rs.getString("sender_name"),
                        rs.getString("sender_email"), (Long) rs.getObject("person_id"), rs.getString("subject"),
                        rs.getObject("occurred_on", LocalDate.class), CorrespondenceService.blank(rs.getString("sender_email")),
                        (Long) rs.getObject("reply_id")))
                .list();
        return new CampaignDetail(campaign.id(), campaign.title(), campaign.status(), campaign.responseSubject(),
                campaign.responseText(), campaign.approvedBy(), campaign.approvedAt(), campaign.sentBy(), campaign.sentAt(),
                campaign.createdBy(), campaign.createdAt(), campaign.version(), members);
    }

    private static java.time.Instant ts(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A new campaign holding the selected items in triage; returns its id. */
    @Transactional
    public long create(String title, Collection<Long> itemIds, CurrentUser user) {
        if (itemIds == null || itemIds.isEmpty()) {
            throw new RuleViolationException("itemIds", "Select the items that belong to the campaign");
        }
        if (CorrespondenceService.blank(title)) {
            throw new RuleViolationException("title", "Enter a name for the campaign");
        }
        if (title.strip().length() > 200) {
            throw new RuleViolationException("title", "Name must be 200 characters or fewer");
        }
        long id = jdbc.sql("insert into correspondence_campaign (title, created_by) values (?, ?) returning id")
                .params(title.strip(), user.displayName()).query(Long.class).single();
        int added = addItems(id, itemIds, user);
        if (added == 0) {
            throw new RuleViolationException("itemIds", "The selected items have already been distributed. Nothing was changed.");
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "correspondence.campaign-created", "campaign", id)
                .change("items", null, added).build());
        return id;
    }

    /** Adds the selected items in triage to a campaign whose response has not been sent; returns how many were added. */
    @Transactional
    public int add(long campaignId, Collection<Long> itemIds, CurrentUser user) {
        if (itemIds == null || itemIds.isEmpty()) {
            throw new RuleViolationException("itemIds", "Select the items to add to the campaign");
        }
        String status = jdbc.sql("select status from correspondence_campaign where id = ? for update").param(campaignId)
                .query(String.class).optional().orElseThrow(() -> new RuleViolationException("campaignId", "Select a campaign"));
        if ("SENT".equals(status)) {
            throw new RuleViolationException("campaignId", "That campaign's response has already been sent: start a new campaign");
        }
        int added = addItems(campaignId, itemIds, user);
        if (added == 0) {
            throw new RuleViolationException("itemIds", "The selected items have already been distributed. Nothing was changed.");
        }
        return added;
    }

    private int addItems(long campaignId, Collection<Long> itemIds, CurrentUser user) {
        return jdbc.sql("""
                        update correspondence_item set status = 'CAMPAIGN', campaign_id = :campaign, distributed_by = :by,
                               distributed_at = now()
                         where id in (:ids) and status = 'IN_TRIAGE'""")
                .param("campaign", campaignId).param("ids", List.copyOf(itemIds)).param("by", user.displayName()).update();
    }

    /** Changes the standard response; a change after approval withdraws the approval. Refused once sent. */
    @Transactional
    public void updateResponse(long id, String subject, String text, long version, CurrentUser user) {
        CampaignDetail campaign = detail(id);
        if (campaign.sent()) {
            throw new RuleViolationException(null, "The response has already been sent, so it can no longer be changed");
        }
        if (CorrespondenceService.blank(subject)) {
            throw new RuleViolationException("responseSubject", "Enter the subject of the response");
        }
        if (subject.strip().length() > 300) {
            throw new RuleViolationException("responseSubject", "Subject must be 300 characters or fewer");
        }
        if (CorrespondenceService.blank(text)) {
            throw new RuleViolationException("responseText", "Enter the standard response");
        }
        if (text.strip().length() > 20_000) {
            throw new RuleViolationException("responseText", "Response must be 20,000 characters or fewer");
        }
        int updated = jdbc.sql("""
                        update correspondence_campaign set response_subject = ?, response_text = ?, status = 'DRAFTING',
                               approved_by = null, approved_at = null, version = version + 1
                         where id = ? and version = ? and status <> 'SENT'""")
                .params(subject.strip(), text.strip(), id, version).update();
        if (updated == 0) {
            throw new ConcurrentEditException("campaign", currentVersion(id));
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "correspondence.campaign-response-changed", "campaign", id)
                .change("approval", campaign.approved() ? "approved" : null, campaign.approved() ? "withdrawn" : null).build());
    }

    private long currentVersion(long id) {
        return jdbc.sql("select version from correspondence_campaign where id = ?").param(id).query(Long.class).single();
    }

    /** Approval by the head of office or a member, of the response as it stands at {@code version}. */
    @Transactional
    public void approve(long id, long version, CurrentUser user) {
        if (!user.hasRole(Role.HEAD_OF_OFFICE) && !user.hasRole(Role.MEMBER)) {
            throw new RuleViolationException(null, "Only the head of office or a member may approve the standard response");
        }
        CampaignDetail campaign = detail(id);
        if (CorrespondenceService.blank(campaign.responseText())) {
            throw new RuleViolationException(null, "Write the standard response before it is approved");
        }
        if (!campaign.drafting()) {
            throw new RuleViolationException(null, campaign.sent() ? "The response has already been sent"
                    : "The response is already approved");
        }
        int updated = jdbc.sql("""
                        update correspondence_campaign set status = 'APPROVED', approved_by = ?, approved_at = now(),
                               version = version + 1
                         where id = ? and version = ? and status = 'DRAFTING'""")
                .params(user.displayName(), id, version).update();
        if (updated == 0) {
            throw new RuleViolationException(null, "The response was changed while you were reading it. Read it again before approving.");
        }
        events.publishEvent(AuditEntry.of(user.getUsername(), "correspondence.campaign-approved", "campaign", id).build());
    }

    /** What one send did. */
    public record Sent(int emails, int letters) {}

    /**
     * Sends the approved response to every writer with an email address (one email each, "Dear ..."), recording an
     * outgoing item per writer; writers without an email address are left for a posted letter. Once only.
     */
    @Transactional
    public Sent send(long id, CurrentUser user) {
        CampaignDetail campaign = detail(id);
        int updated = jdbc.sql("update correspondence_campaign set status = 'SENT', sent_by = ?, sent_at = now(),"
                        + " version = version + 1 where id = ? and status = 'APPROVED'")
                .params(user.displayName(), id).update();
        if (updated == 0) {
            throw new RuleViolationException(null, campaign.sent() ? "The response has already been sent to every writer"
                    : "The standard response must be approved before it is sent");
        }
        int emails = 0;
        LocalDate today = LocalDate.now(clock);
        java.util.Set<String> addresses = new java.util.HashSet<>();
        for (CampaignMember member : campaign.members()) {
            if (member.needsLetter() || !addresses.add(member.email().strip().toLowerCase(java.util.Locale.ROOT))) {
                continue; // no address (a posted letter), or someone who wrote more than once: one email each
            }
            String salutation = salutation(member);
            String body = "Dear " + salutation + ",\n\n" + campaign.responseText() + "\n";
            outbox.queue(Outbox.Email.of(member.email(), campaign.responseSubject(), body, "campaign:" + id));
            long replyId = register.insert(Direction.OUT, Channel.EMAIL, Status.SENT, today, null, null, null,
                    member.personId(), member.writer() + " <" + member.email() + ">", null, campaign.responseSubject(), body,
                    null, "CAMPAIGN", user.displayName()).orElseThrow();
            jdbc.sql("update correspondence_item set campaign_id = ?, reply_to_item_id = ?, approved_by = ?, dispatched_by = ?"
                            + " where id = ?")
                    .params(id, member.itemId(), campaign.approvedBy(), user.displayName(), replyId).update();
            emails++;
        }
        int letters = campaign.needingLetters().size();
        events.publishEvent(AuditEntry.of(user.getUsername(), "correspondence.campaign-sent", "campaign", id)
                .change("emails", null, emails).change("letters", null, letters).build());
        return new Sent(emails, letters);
    }

    private String salutation(CampaignMember member) {
        if (member.personId() != null) {
            var correspondent = people.correspondent(member.personId());
            if (correspondent.isPresent() && !CorrespondenceService.blank(correspondent.get().salutation())) {
                return correspondent.get().salutation();
            }
        }
        return "Name not recorded".equals(member.writer()) ? "Sir or Madam" : member.writer();
    }
}
