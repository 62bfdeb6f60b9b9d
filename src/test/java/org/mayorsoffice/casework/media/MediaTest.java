package org.mayorsoffice.casework.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.media.internal.MediaService;
import org.mayorsoffice.casework.media.internal.MediaViews.Kind;
import org.mayorsoffice.casework.media.internal.MediaViews.MediaRow;
import org.mayorsoffice.casework.media.internal.MediaViews.NewMedia;
import org.mayorsoffice.casework.media.internal.MediaViews.Status;
import org.mayorsoffice.casework.responses.ApprovalQueue;
import org.mayorsoffice.casework.responses.ResponseFixtures;
import org.mayorsoffice.casework.responses.ResponseFixtures.CaseFixture;
import org.mayorsoffice.casework.responses.internal.DelegationService;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Media requests and press releases against the real database: deadlines in hours, the statement approved only by
 * the member concerned or their delegate through the shared Approvals queue, the approved text kept as the record,
 * and the media-sensitive flag on cases with its notification and tag.
 */
class MediaTest extends WebTest {

    @Autowired
    MediaService media;

    @Autowired
    DraftService drafts;

    @Autowired
    ApprovalQueue queue;

    @Autowired
    DelegationService delegations;

    @Autowired
    CaseDesk caseDesk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseService caseService;

    @Autowired
    UserAccountService accounts;

    ResponseFixtures fixtures;
    CurrentUser support;
    CurrentUser deputy;
    long deputyMemberId;

    @BeforeEach
    void setUp() {
        fixtures = new ResponseFixtures(jdbc, caseService, accounts);
        support = fixtures.user("support");
        deputy = fixtures.deputy();
        deputyMemberId = fixtures.memberId("Daniel Okafor");
    }

    // ------------------------------------------------------------ deadline arithmetic (pure)

    @Test
    void deadlinesAreCountedInHoursAndTimesOfDayInLondon() {
        Instant now = Instant.parse("2026-11-23T14:10:00Z");
        assertThat(MediaDeadline.inHours(now, 3)).isEqualTo(Instant.parse("2026-11-23T17:10:00Z"));
        assertThatThrownBy(() -> MediaDeadline.inHours(now, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaDeadline.inHours(now, 169)).isInstanceOf(IllegalArgumentException.class);

        // 5:30pm in London is 17:30 GMT in winter and 16:30 UTC in British Summer Time.
        assertThat(MediaDeadline.at(LocalDate.of(2026, 11, 23), LocalTime.of(17, 30))).isEqualTo(Instant.parse("2026-11-23T17:30:00Z"));
        assertThat(MediaDeadline.at(LocalDate.of(2026, 7, 1), LocalTime.of(17, 30))).isEqualTo(Instant.parse("2026-07-01T16:30:00Z"));

        assertThat(MediaDeadline.parseTime("17:30")).isEqualTo(LocalTime.of(17, 30));
        assertThat(MediaDeadline.parseTime("5.30pm")).isEqualTo(LocalTime.of(17, 30));
        assertThat(MediaDeadline.parseTime("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(MediaDeadline.parseTime("9")).isEqualTo(LocalTime.of(9, 0));
        assertThat(MediaDeadline.parseTime("25:00")).isNull();
        assertThat(MediaDeadline.parseTime("13pm")).isNull();
        assertThat(MediaDeadline.parseTime("teatime")).isNull();

        assertThat(MediaDeadline.remaining(now, now.plus(Duration.ofMinutes(179)))).isEqualTo("2 hours 59 minutes left");
        assertThat(MediaDeadline.remaining(now, now.plus(Duration.ofHours(3)))).isEqualTo("3 hours left");
        assertThat(MediaDeadline.remaining(now, now.plus(Duration.ofMinutes(45)))).isEqualTo("45 minutes left");
        assertThat(MediaDeadline.remaining(now, now.plus(Duration.ofDays(3)))).isEqualTo("3 days left");
        assertThat(MediaDeadline.remaining(now, now.minus(Duration.ofMinutes(65)))).isEqualTo("Overdue by 1 hour 5 minutes");
        assertThat(MediaDeadline.dueWithin(now, now.plus(Duration.ofHours(4)), 4)).isTrue();
        assertThat(MediaDeadline.dueWithin(now, now.plus(Duration.ofHours(5)), 4)).isFalse();
    }

    // ------------------------------------------------------------ requests and approval

    private long request(String title, int hours, Long memberId) {
        return media.create(new NewMedia(Kind.REQUEST, title, "What is the council doing about it?", "Jo Reporter",
                "jo.reporter@standard.example", "Evening Standard", Instant.now().plus(Duration.ofHours(hours)), memberId,
                null, null), support);
    }

    private String mediaStatus(long id) {
        return jdbc.queryForObject("select status from media_request where id = ?", String.class, id);
    }

    private long draftId(String kind, long subjectId) {
        return jdbc.queryForObject("select id from draft_response where subject_kind = ? and subject_id = ?", Long.class,
                kind, subjectId);
    }

    @Test
    void theMediaViewListsOpenRequestsNearestDeadlineFirstAndTheJournalistIsInTheDirectory() {
        long later = request("Bin collections " + System.nanoTime(), 30, deputyMemberId);
        long sooner = request("Tower block cladding " + System.nanoTime(), 2, deputyMemberId);

        var open = media.open().stream().map(MediaRow::id).filter(id -> id == later || id == sooner).toList();
        assertThat(open).containsExactly(sooner, later);
        MediaRow row = media.open().stream().filter(r -> r.id() == sooner).findFirst().orElseThrow();
        assertThat(row.urgent()).isTrue();
        assertThat(row.remaining()).matches("1 hour 59 minutes left|2 hours left");
        assertThat(jdbc.queryForObject("select count(*) from person where id = (select journalist_id from media_request where id = ?)"
                + " and email = 'jo.reporter@standard.example'", Long.class, sooner)).isEqualTo(1);
    }

    @Test
    void onlyTheMemberConcernedOrTheirDelegateMayApproveTheStatementAndTheApprovedTextIsKept() {
        long id = request("Housing repairs backlog " + System.nanoTime(), 3, deputyMemberId);
        media.saveStatement(id, "First thoughts", false, support);
        assertThat(mediaStatus(id)).isEqualTo("DRAFTING");
        media.saveStatement(id, "\"We are clearing the backlog,\" said the Deputy Mayor.", true, fixtures.user("coordinator"));
        assertThat(mediaStatus(id)).isEqualTo("AWAITING_APPROVAL");
        long draftId = draftId("MEDIA_REQUEST", id);

        // It is in the member's Approvals queue, not the Mayor's; the Mayor, a caseworker and a support officer may not approve.
        assertThat(queue.awaitingApproval(deputy, 100)).anyMatch(r -> r.draftId() == draftId
                && r.caseReference().equals("MEDIA-" + id) && r.href().equals("/approvals/" + draftId));
        assertThat(queue.awaitingApproval(fixtures.user("mayor"), 100)).noneMatch(r -> r.draftId() == draftId);
        for (CurrentUser other : new CurrentUser[] {fixtures.user("mayor"), fixtures.user("caseworker"), support}) {
            assertThatThrownBy(() -> drafts.approve(draftId, null, other)).isInstanceOf(NotFoundException.class);
        }
        // Nor may the head of office, until the member delegates to them.
        CurrentUser head = fixtures.user("head");
        assertThatThrownBy(() -> drafts.approve(draftId, null, head)).isInstanceOf(NotFoundException.class);
        delegations.add(deputy, fixtures.userId("head"), LocalDate.now(), LocalDate.now().plusDays(2));
        try {
            assertThat(queue.awaitingApproval(head, 100)).anyMatch(r -> r.draftId() == draftId);
            // Editing while changing is not allowed while it waits for approval.
            assertThatThrownBy(() -> media.saveStatement(id, "Change", false, support)).isInstanceOf(RuleViolationException.class);

            drafts.approve(draftId, "\"We are clearing the backlog,\" said Daniel Okafor.", head);
        } finally {
            jdbc.update("delete from approval_delegation where member_id = ?", deputyMemberId);
        }
        assertThat(mediaStatus(id)).isEqualTo("APPROVED");
        var detail = media.detail(id, support);
        assertThat(detail.finalText()).isEqualTo("\"We are clearing the backlog,\" said Daniel Okafor.");
        assertThat(detail.approvedBy()).isEqualTo("Helen Marsh");
        assertThat(detail.contributors()).isEqualTo("Grace Obi, Tom Reilly, Helen Marsh");

        media.markSent(id, support);
        assertThat(mediaStatus(id)).isEqualTo("SENT");
        assertThat(fixtures.draftStatus(draftId)).isEqualTo("DISPATCHED");
        assertThat(media.open()).noneMatch(r -> r.id() == id);
    }

    @Test
    void aReturnedStatementGoesBackToDraftingWithTheComments() throws Exception {
        long id = request("Street lighting " + System.nanoTime(), 6, deputyMemberId);
        media.saveStatement(id, "Draft quote", true, support);
        long draftId = draftId("MEDIA_REQUEST", id);
        drafts.returnDraft(draftId, "Mention the new contractor", deputy);
        assertThat(mediaStatus(id)).isEqualTo("DRAFTING");
        assertThat(media.draft(id).orElseThrow().returnComments()).isEqualTo("Mention the new contractor");
        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ? and message like ?", Long.class,
                support.id(), "Media statement returned: MEDIA-" + id + "%")).isEqualTo(1);

        // The approval page shows the journalist's question, not a case; a letter preview does not exist.
        media.saveStatement(id, "Draft quote naming the new contractor", true, support);
        String page = mvc.perform(get("/approvals/" + draftId).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(deputy)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Statement for Evening Standard", "What is the council doing about it?", "Jo Reporter")
                .doesNotContain("Preview the letter");
        mvc.perform(get("/drafts/" + draftId).with(as(Role.HEAD_OF_OFFICE))).andExpect(status().isNotFound());
    }

    @Test
    void aPressReleaseIsApprovedByTheQuotedMember() {
        long id = media.create(new NewMedia(Kind.PRESS_RELEASE, "New youth centre opens", null, null, null, null, null,
                deputyMemberId, null, null), support);
        assertThat(MediaService.reference(Kind.PRESS_RELEASE, id)).isEqualTo("PR-" + id);
        media.saveStatement(id, "The Deputy Mayor opened the centre today.", true, support);
        long draftId = draftId("PRESS_RELEASE", id);
        drafts.approve(draftId, null, deputy);
        assertThat(media.detail(id, support).status()).isEqualTo(Status.APPROVED);
        assertThat(media.detail(id, support).finalText()).isEqualTo("The Deputy Mayor opened the centre today.");
    }

    @Test
    void theFormAnswersBadInputWithAnErrorSummaryAndKeepsWhatWasTyped() throws Exception {
        String page = mvc.perform(post("/media").with(as(Role.CABINET_SUPPORT_OFFICER)).with(csrf())
                        .param("kind", "REQUEST").param("journalistName", "Jo Reporter").param("dueInHours", "500"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("govuk-error-summary", "Enter what the request is about",
                "Hours must be a whole number from 1 to 168", "Enter the outlet the journalist writes for", "value=\"Jo Reporter\"");
        mvc.perform(get("/media").with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
        mvc.perform(get("/media").with(as(Role.CABINET_SUPPORT_OFFICER))).andExpect(status().isOk());
    }

    // ------------------------------------------------------------ monitoring

    @Autowired
    org.mayorsoffice.casework.media.internal.CoverageService coverage;

    @Test
    void coverageIsLoggedWithToneAndPortfolioAndLinkedCases() {
        long portfolioId = jdbc.queryForObject("select id from portfolio where name = 'Housing'", Long.class);
        CaseFixture c = fixtures.inProgressCase(null, "Leaking roof");
        var before = coverage.tones(portfolioId);
        coverage.log(new org.mayorsoffice.casework.media.internal.MediaViews.NewCoverage("BBC London", LocalDate.now(),
                "Tenants wait months for repairs", "https://bbc.example/repairs",
                org.mayorsoffice.casework.media.internal.MediaViews.Tone.NEGATIVE, portfolioId, null, c.reference()), support);

        assertThat(coverage.tones(portfolioId).negative()).isEqualTo(before.negative() + 1);
        assertThat(coverage.recent(portfolioId, support)).first().satisfies(r -> {
            assertThat(r.headline()).isEqualTo("Tenants wait months for repairs");
            assertThat(r.portfolio()).isEqualTo("Housing");
            assertThat(r.cases()).extracting(x -> x.reference()).containsExactly(c.reference());
        });
        assertThatThrownBy(() -> coverage.log(new org.mayorsoffice.casework.media.internal.MediaViews.NewCoverage("BBC London",
                LocalDate.now(), "Headline", null, org.mayorsoffice.casework.media.internal.MediaViews.Tone.NEUTRAL, null, null,
                "MO-1999-99999"), support)).isInstanceOf(RuleViolationException.class).hasMessageContaining("MO-1999-99999");
    }

    // ------------------------------------------------------------ media-sensitive cases

    @Test
    void flaggingACaseMediaSensitiveNotifiesTheCommunicationsTeamAndTagsTheCase() throws Exception {
        CaseFixture c = fixtures.inProgressCase(null, "Rats in the estate bins");
        CurrentUser caseworker = fixtures.user("caseworker");
        long before = jdbc.queryForObject("select count(*) from notification where user_id = ?", Long.class, support.id());

        caseDesk.setMediaSensitive(c.caseId(), true, caseworker);
        caseDesk.setMediaSensitive(c.caseId(), true, caseworker); // no change, no second notification

        assertThat(jdbc.queryForObject("select count(*) from notification where user_id = ?", Long.class, support.id()))
                .isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select message from notification where user_id = ? order by id desc limit 1",
                String.class, support.id())).isEqualTo("Case " + c.reference() + " flagged as media-sensitive by Amira Khan.");
        assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and body like 'Flagged as media-sensitive%'",
                Long.class, c.caseId())).isEqualTo(1);

        String casePage = mvc.perform(get("/cases/" + c.caseId()).with(as(Role.HEAD_OF_OFFICE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("Media-sensitive", "Remove the media-sensitive flag");
        String myCases = mvc.perform(get("/cases/mine?sort=reference").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(caseworker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(myCases).contains(c.reference(), "Media-sensitive");

        caseDesk.setMediaSensitive(c.caseId(), false, caseworker);
        assertThat(jdbc.queryForObject("select media_sensitive from casework_case where id = ?", Boolean.class, c.caseId())).isFalse();
        // A member (no casework role) may not flag cases.
        assertThatThrownBy(() -> caseDesk.setMediaSensitive(c.caseId(), true, fixtures.user("mayor")))
                .isInstanceOf(NotFoundException.class);
    }
}
