package org.mayorsoffice.casework.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.diary.internal.BriefingService;
import org.mayorsoffice.casework.diary.internal.CalendarFeedService;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryQueries;
import org.mayorsoffice.casework.diary.internal.DiaryService;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementRow;
import org.mayorsoffice.casework.diary.internal.EngagementCommand;
import org.mayorsoffice.casework.diary.internal.SurgeryService;
import org.mayorsoffice.casework.diary.internal.SurgeryService.NewSurgery;
import org.mayorsoffice.casework.diary.internal.SurgeryService.Resident;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.notifications.internal.OutboxWorker;
import org.mayorsoffice.casework.support.TestMail;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Diaries through the real application and database: clashes, privacy, change notices, feed, briefings, surgeries. */
class DiaryTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Autowired
    DiaryService diary;

    @Autowired
    DiaryQueries queries;

    @Autowired
    BriefingService briefings;

    @Autowired
    SurgeryService surgeries;

    @Autowired
    CalendarFeedService feeds;

    @Autowired
    OutboxWorker outbox;

    private CurrentUser as(String username) {
        return accounts.loadUserByUsername(username);
    }

    private RequestPostProcessor signedIn(String username) {
        return user(as(username));
    }

    private long mayor() {
        return jdbc.queryForObject("select id from member where office = 'MAYOR' order by id limit 1", Long.class);
    }

    private long member(String name) {
        return jdbc.queryForObject("select id from member where full_name = ?", Long.class, name);
    }

    private long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private long engagement(long member, String title, LocalDate day, String start, String end, EngagementStatus status,
            boolean isPrivate) {
        return diary.create(new EngagementCommand(member, title, EngagementKind.EXTERNAL_MEETING, day, LocalTime.parse(start),
                LocalTime.parse(end), "Committee Room 1", null, null, status, isPrivate, null, null, List.of(), null), as("support"));
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void overlappingConfirmedEngagementsAreFlaggedAsClashes() throws Exception {
        long member = member("Tomasz Nowak");
        LocalDate day = LocalDate.of(2027, 3, 16);
        long a = engagement(member, unique("Climate summit"), day, "10:00", "11:00", EngagementStatus.CONFIRMED, false);
        long b = engagement(member, unique("Recycling depot visit"), day, "10:30", "11:30", EngagementStatus.CONFIRMED, false);
        long c = engagement(member, unique("Tree planting"), day, "10:45", "11:15", EngagementStatus.TENTATIVE, false);
        long d = engagement(member, unique("Lunch"), day, "11:30", "12:30", EngagementStatus.CONFIRMED, false);

        List<EngagementRow> rows = queries.memberDiary(member, "day", day, as("support")).days().get(0).engagements();
        assertThat(rows).filteredOn(EngagementRow::clash).extracting(EngagementRow::id).containsExactlyInAnyOrder(a, b);
        assertThat(rows).extracting(EngagementRow::id).contains(c, d);

        mvc.perform(get("/diary/members/{id}", member).param("view", "week").param("date", day.toString()).with(signedIn("support")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 confirmed engagements overlap another")));
        mvc.perform(get("/diary/engagements/{id}", a).with(signedIn("support")))
                .andExpect(content().string(containsString("This clashes with")));

        // Adding a third confirmed engagement in the same slot warns the office in the success message.
        mvc.perform(post("/diary/engagements").with(signedIn("support")).with(csrf())
                        .param("memberId", String.valueOf(member)).param("title", "Press call").param("kind", "MEDIA")
                        .param("dateDay", "16").param("dateMonth", "3").param("dateYear", "2027")
                        .param("startTime", "10:15").param("endTime", "10:45").param("status", "CONFIRMED").param("privacy", "OPEN"))
                .andExpect(status().isFound())
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("success"))).contains("It clashes with"));
    }

    @Test
    void privateEngagementsShowOnlyAsBusyToThoseNotEntitled() throws Exception {
        long mayor = mayor();
        LocalDate day = LocalDate.of(2027, 3, 17);
        String title = unique("Hospital appointment");
        long id = engagement(mayor, title, day, "15:00", "16:00", EngagementStatus.CONFIRMED, true);

        for (String reader : List.of("caseworker", "coordinator")) {
            mvc.perform(get("/diary/members/{id}", mayor).param("date", day.toString()).with(signedIn(reader)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Busy")))
                    .andExpect(content().string(not(containsString(title))))
                    .andExpect(content().string(not(containsString("/diary/engagements/" + id + "\""))));
            mvc.perform(get("/diary").param("date", day.toString()).with(signedIn(reader)))
                    .andExpect(content().string(not(containsString(title))));
            mvc.perform(get("/diary/engagements/{id}", id).with(signedIn(reader))).andExpect(status().isNotFound());
        }
        for (String entitled : List.of("support", "head", "mayor")) {
            mvc.perform(get("/diary/members/{id}", mayor).param("date", day.toString()).with(signedIn(entitled)))
                    .andExpect(content().string(containsString(title)));
            mvc.perform(get("/diary/engagements/{id}", id).with(signedIn(entitled))).andExpect(status().isOk());
        }
        // A member sees only their own diary.
        mvc.perform(get("/diary/members/{id}", member("Priya Sharma")).with(signedIn("mayor"))).andExpect(status().isNotFound());
        mvc.perform(get("/diary").with(signedIn("mayor"))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/diary/members/" + mayor));
        // Caseworkers may look but not change.
        mvc.perform(get("/diary/engagements/new").with(signedIn("caseworker"))).andExpect(status().isForbidden());
    }

    @Test
    void movingAConfirmedEngagementTellsTheMemberAndOfficeAttendeesWhatChanged() throws Exception {
        long mayor = mayor();
        long mayorUser = userId("mayor");
        long head = userId("head");
        String title = unique("Meeting with the Police Borough Commander");
        long id = diary.create(new EngagementCommand(mayor, title, EngagementKind.EXTERNAL_MEETING, LocalDate.of(2027, 3, 18),
                LocalTime.of(9, 0), LocalTime.of(10, 0), "Mayor's Office", null, null, EngagementStatus.CONFIRMED, false, null, null,
                List.of(head), null), as("support"));
        assertThat(messages(mayorUser, title)).anySatisfy(m -> assertThat(m).startsWith("Added to your diary: " + title));

        long version = jdbc.queryForObject("select version from engagement where id = ?", Long.class, id);
        mvc.perform(post("/diary/engagements/{id}", id).with(signedIn("support")).with(csrf())
                        .param("memberId", String.valueOf(mayor)).param("title", title).param("kind", "EXTERNAL_MEETING")
                        .param("dateDay", "19").param("dateMonth", "3").param("dateYear", "2027")
                        .param("startTime", "14:00").param("endTime", "15:00").param("location", "Lime Street police station")
                        .param("status", "CONFIRMED").param("privacy", "OPEN").param("officeAttendeeIds", String.valueOf(head))
                        .param("version", String.valueOf(version)))
                .andExpect(status().isFound());

        String moved = "Moved: " + title + ", now Fri 19 Mar, 14:00 to 15:00 (was Thu 18 Mar, 09:00 to 10:00);"
                + " now at Lime Street police station (was Mayor's Office)";
        assertThat(messages(mayorUser, title)).contains(moved);
        assertThat(messages(head, title)).contains(moved);
        assertThat(messages(userId("support"), title)).as("not the person who moved it").isEmpty();
        assertThat(jdbc.queryForObject("select link from notification where user_id = ? and message = ?", String.class, mayorUser, moved))
                .isEqualTo("/diary/engagements/" + id);

        outbox.deliverDue();
        assertThat(TestMail.receivedBy("mayor@council.example.org"))
                .anySatisfy(m -> assertThat(m.getSubject()).contains("Moved: " + title));

        // Cancelling it tells them too; changing only the agenda does not.
        diary.changeStatus(id, EngagementStatus.CANCELLED, as("support"));
        assertThat(messages(mayorUser, title)).anySatisfy(m -> assertThat(m).startsWith("Cancelled: " + title));
        int before = messages(mayorUser, title).size();
        diary.changeStatus(id, EngagementStatus.CANCELLED, as("support"));
        assertThat(messages(mayorUser, title)).hasSize(before);
    }

    private List<String> messages(long userId, String containing) {
        return jdbc.queryForList("select message from notification where user_id = ? and position(? in message) > 0 order by id",
                String.class, userId, containing);
    }

    @Test
    void theCalendarFeedIsValidICalendarAndARevokedTokenStopsWorking() throws Exception {
        long member = member("Fatima Begum");
        LocalDate day = queries.today().plusDays(3);
        String title = unique("Health and Wellbeing Board");
        engagement(member, title, day, "10:00", "11:00", EngagementStatus.CONFIRMED, true);

        MockHttpServletResponse issued = mvc.perform(post("/diary/members/{id}/feed", member).with(signedIn("support")).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse();
        String feedUrl = String.valueOf(mvc.perform(post("/diary/members/{id}/feed", member).with(signedIn("support")).with(csrf()))
                .andReturn().getFlashMap().get("feedUrl"));
        String token = feedUrl.substring(feedUrl.lastIndexOf('/') + 1);
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(issued.getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from diary_feed_token where token_hash = ?", Long.class, token)).isZero();

        String ics = mvc.perform(get("/diary/feed/{token}", token))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentType()).startsWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        assertThat(ics).contains(title); // the member's own feed shows private engagements in full

        mvc.perform(post("/diary/members/{id}/feed/revoke", member).with(signedIn("support")).with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/diary/feed/{token}", token)).andExpect(status().isNotFound());
        mvc.perform(get("/diary/feed/{token}", "not-a-real-token-but-long-enough-to-look-like-one")).andExpect(status().isNotFound());
        // Only the diary's keepers and the member may manage the subscription.
        mvc.perform(get("/diary/members/{id}/feed", member).with(signedIn("mayor"))).andExpect(status().isNotFound());
    }

    @Test
    void briefingsAreDueWorkingDaysBeforeTheEngagement() throws Exception {
        long mayor = mayor();
        // Tuesday 29 December 2026: 28 December is the Boxing Day substitute and 25 December Christmas Day.
        assertThat(briefings.defaultDueOn(LocalDate.of(2026, 12, 29))).isEqualTo(LocalDate.of(2026, 12, 22));
        // Wednesday 29 December 2027: Christmas Day and Boxing Day fall at a weekend, so 27 and 28 December are holidays.
        long id = engagement(mayor, unique("New Year message recording"), LocalDate.of(2027, 12, 29), "10:00", "11:00",
                EngagementStatus.CONFIRMED, false);
        assertThat(briefings.defaultDueOn(LocalDate.of(2027, 12, 29))).isEqualTo(LocalDate.of(2027, 12, 22));
        assertThat(briefings.defaultDueOn(LocalDate.of(2027, 1, 5))).isEqualTo(LocalDate.of(2026, 12, 30)); // 1 January

        mvc.perform(get("/briefings/new").param("engagementId", String.valueOf(id)).with(signedIn("support")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"22\"")))
                .andExpect(content().string(containsString("value=\"2027\"")));
        long briefing = briefings.commission(new BriefingService.NewBriefing(id, null,
                org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind.SPEECH, "New Year message", null,
                userId("support"), null), as("support"));
        assertThat(jdbc.queryForObject("select due_on from briefing where id = ?", LocalDate.class, briefing))
                .isEqualTo(LocalDate.of(2027, 12, 22));

        // A due date after the engagement is refused with a message on the field.
        mvc.perform(post("/briefings").with(signedIn("support")).with(csrf())
                        .param("engagementId", String.valueOf(id)).param("kind", "SPEECH").param("title", "Too late")
                        .param("authorId", String.valueOf(userId("support")))
                        .param("dueOnDay", "30").param("dueOnMonth", "12").param("dueOnYear", "2027"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Due date must be on or before the day of the engagement")));
    }

    @Test
    void briefingsDueListsWhatIsDueAndHighlightsEngagementsWithoutAReadyBriefing() throws Exception {
        long mayor = mayor();
        LocalDate soon = queries.today().plusDays(1);
        String unbriefed = unique("Unbriefed visit");
        engagement(mayor, unbriefed, soon, "07:00", "07:30", EngagementStatus.CONFIRMED, false);
        String briefed = unique("Briefed visit");
        long b = engagement(mayor, briefed, soon, "07:30", "08:00", EngagementStatus.CONFIRMED, false);
        long note = briefings.commission(new BriefingService.NewBriefing(b, null,
                org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind.BRIEFING_NOTE, unique("Note"), null,
                userId("support"), soon), as("support"));
        var due = briefings.due(as("support"));
        assertThat(due.unbriefed()).extracting(EngagementRow::title).contains(unbriefed, briefed);
        assertThat(due.briefings()).extracting(r -> r.id()).contains(note);

        jdbc.update("update briefing set status = 'READY' where id = ?", note);
        // A tentative engagement is listed too but never clashes; a confirmed one overlapping the unbriefed visit makes
        // both clashes (the rule of the diary pages).
        String tentative = unique("Tentative visit");
        engagement(mayor, tentative, soon, "07:10", "07:20", EngagementStatus.TENTATIVE, false);
        String overlapping = unique("Overlapping visit");
        engagement(mayor, overlapping, soon, "07:15", "07:25", EngagementStatus.CONFIRMED, false);
        due = briefings.due(as("support"));
        assertThat(due.unbriefed()).extracting(EngagementRow::title).contains(unbriefed, tentative, overlapping)
                .doesNotContain(briefed);
        assertThat(due.unbriefed()).filteredOn(r -> r.title().equals(unbriefed) || r.title().equals(overlapping))
                .extracting(EngagementRow::clash).containsExactly(true, true);
        assertThat(due.unbriefed()).filteredOn(r -> r.title().equals(tentative)).extracting(EngagementRow::clash)
                .containsExactly(false);
        assertThat(due.unbriefedTotal()).isGreaterThanOrEqualTo(3);
        String html = mvc.perform(get("/briefings/due").with(signedIn("support"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(unbriefed, tentative, overlapping, "Clash").doesNotContain(briefed);
    }

    /**
     * Every page of "Briefings due" through one of its pagers ({@code param}: page or finish), following "Next
     * {@code what}" from the first page; every later page must offer "Previous {@code what}".
     */
    private String everyPageOfBriefingsDue(String param, String what) throws Exception {
        StringBuilder pages = new StringBuilder();
        for (int page = 1; ; page++) {
            assertThat(page).isLessThan(20);
            String html = mvc.perform(get("/briefings/due").param(param, String.valueOf(page)).with(signedIn("support")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (page > 1) {
                assertThat(html).contains("Previous " + what);
            }
            pages.append(html);
            if (!html.contains("Next " + what)) {
                return pages.toString();
            }
        }
    }

    @Test
    void engagementsWithoutABriefingArePagedFiftyAtATimeAndNoneIsLostBetweenPages() throws Exception {
        long mayor = mayor();
        // A week ahead (inside the 10 working days), after what other tests list for the next days.
        LocalDate soon = queries.today().plusDays(7);
        String batch = unique("Paged visit");
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalTime start = LocalTime.of(5, 0).plusMinutes(5L * i);
            titles.add(batch + " #" + i + ".");
            engagement(mayor, titles.get(i), soon, start.toString(), start.plusMinutes(5).toString(),
                    EngagementStatus.TENTATIVE, false);
        }
        String first = mvc.perform(get("/briefings/due").with(signedIn("support"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).containsPattern("Showing 1 to 50 of [0-9]+ engagements, soonest first.")
                .contains("href=\"/briefings/due?page=2&amp;finish=1\"", "Next engagements").doesNotContain("Previous engagements");
        String all = everyPageOfBriefingsDue("page", "engagements");
        assertThat(all).contains("href=\"/briefings/due?page=1&amp;finish=1\"");
        for (String title : titles) {
            assertThat(all.split(java.util.regex.Pattern.quote(title), -1)).as(title).hasSize(2);
        }
        // An edited address shows the first page, not an error.
        mvc.perform(get("/briefings/due").param("page", "abc").with(signedIn("support"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing 1 to 50")));
        mvc.perform(get("/briefings/due").param("page", "9999").with(signedIn("support"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Previous engagements")));
    }

    @Test
    void briefingsToFinishArePagedFiftyAtATimeAndNoneIsLostBetweenPages() throws Exception {
        long mayor = mayor();
        String batch = unique("Topic note");
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            titles.add(batch + " #" + i + ".");
            briefings.commission(new BriefingService.NewBriefing(null, mayor,
                    org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind.BRIEFING_NOTE, titles.get(i), "Housing",
                    userId("support"), queries.today().plusDays(7)), as("support"));
        }
        String first = mvc.perform(get("/briefings/due").with(signedIn("support"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Next briefings", "href=\"/briefings/due?page=1&amp;finish=2\"").doesNotContain("Previous briefings");
        String all = everyPageOfBriefingsDue("finish", "briefings");
        for (String title : titles) {
            assertThat(all.split(java.util.regex.Pattern.quote(title), -1)).as(title).hasSize(2);
        }
        mvc.perform(get("/briefings/due").param("finish", "9999").with(signedIn("support"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("No more briefings are due.")));
    }

    @Test
    void aSlotCanBeBookedOnceAndAnAttendanceBecomesACaseInOneStep() throws Exception {
        long mayor = mayor();
        LocalDate yesterday = queries.today().minusDays(1);
        long surgery = surgeries.schedule(new NewSurgery(mayor, "Idea Store Bow", yesterday, LocalTime.of(10, 0),
                LocalTime.of(11, 0), 20), as("support"));
        List<Long> slots = jdbc.queryForList("select id from surgery_slot where surgery_id = ? order by starts_at", Long.class, surgery);
        assertThat(slots).hasSize(3); // 10:00, 10:20, 10:40
        assertThat(jdbc.queryForObject("select count(*) from engagement e join surgery s on s.engagement_id = e.id where s.id = ?"
                + " and e.kind = 'SURGERY' and e.status = 'CONFIRMED'", Long.class, surgery)).isEqualTo(1);

        mvc.perform(post("/surgeries/{id}/bookings", surgery).with(signedIn("support")).with(csrf())
                        .param("slotId", String.valueOf(slots.get(0))).param("name", "Kemal Journey").param("email", "kemal@example.org"))
                .andExpect(status().isFound());
        long person = jdbc.queryForObject("select person_id from surgery_attendance where slot_id = ?", Long.class, slots.get(0));

        // The same slot again: a clear message, not an error page.
        mvc.perform(post("/surgeries/{id}/bookings", surgery).with(signedIn("support")).with(csrf())
                        .param("slotId", String.valueOf(slots.get(0))).param("name", "Second Person"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(SurgeryService.SLOT_TAKEN)));
        // The database refuses it whatever the code path.
        long other = jdbc.queryForObject("select id from person where merged_into_id is null order by id limit 1", Long.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "insert into surgery_attendance (surgery_id, slot_id, person_id, created_by) values (?, ?, ?, 'test')",
                surgery, slots.get(0), other)).isInstanceOf(DuplicateKeyException.class);

        long walkIn = surgeries.walkIn(surgery, new Resident(other, null, null), "Rent arrears after benefit change", as("support"));
        assertThat(walkIn).isPositive();

        long attendance = jdbc.queryForObject("select id from surgery_attendance where slot_id = ?", Long.class, slots.get(0));
        String caseType = jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", String.class);
        String location = mvc.perform(post("/surgeries/{id}/attendances/{a}/case", surgery, attendance).with(signedIn("support")).with(csrf())
                        .param("caseTypeId", caseType).param("subject", "Overcrowding in a one-bed flat"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/cases/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long caseId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var opened = jdbc.queryForMap("select channel, member_id, received_on, subject from casework_case where id = ?", caseId);
        assertThat(opened.get("channel")).isEqualTo("SURGERY");
        assertThat(((Number) opened.get("member_id")).longValue()).isEqualTo(mayor);
        assertThat(opened.get("subject")).isEqualTo("Overcrowding in a one-bed flat");
        assertThat(jdbc.queryForList("select person_id from case_person where case_id = ?", Long.class, caseId)).containsExactly(person);
        assertThat(jdbc.queryForObject("select case_id from surgery_attendance where id = ?", Long.class, attendance)).isEqualTo(caseId);

        // Not twice.
        mvc.perform(post("/surgeries/{id}/attendances/{a}/case", surgery, attendance).with(signedIn("support")).with(csrf())
                        .param("caseTypeId", caseType).param("subject", "Again"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A case has already been opened for this attendance")));
    }

    @Test
    void acceptingAnInvitationPutsItInTheDiaryAndDecliningRecordsTheReply() throws Exception {
        long mayor = mayor();
        String title = unique("Opening of the Bow Common lido");
        String location = mvc.perform(post("/invitations").with(signedIn("support")).with(csrf())
                        .param("memberId", String.valueOf(mayor)).param("inviter", "Friends of Bow Common").param("title", title)
                        .param("kind", "EVENT").param("dateDay", "22").param("dateMonth", "3").param("dateYear", "2027")
                        .param("startTime", "11am").param("endTime", "12:30")
                        .param("replyByDay", "1").param("replyByMonth", "3").param("replyByYear", "2027"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        long invitation = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/invitations").with(signedIn("support"))).andExpect(status().isOk());

        mvc.perform(post("/invitations/{id}/decision", invitation).with(signedIn("support")).with(csrf())
                        .param("decision", "ACCEPT").param("version", "0"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/diary/engagements/*"));
        var e = jdbc.queryForMap("select e.status, e.title, e.starts_at at time zone 'Europe/London' as starts from engagement e"
                + " join invitation i on i.engagement_id = e.id where i.id = ?", invitation);
        assertThat(e.get("status")).isEqualTo("CONFIRMED");
        assertThat(e.get("title")).isEqualTo(title);
        assertThat(e.get("starts").toString()).startsWith("2027-03-22 11:00");

        String declined = unique("Gala dinner");
        long other = jdbc.queryForObject("insert into invitation (member_id, inviter, title, kind, starts_at, ends_at, received_on, status,"
                + " created_by) values (?, 'A charity', ?, 'EVENT', now() + interval '30 days', now() + interval '31 days', current_date,"
                + " 'AWAITING_DECISION', 'test') returning id", Long.class, mayor, declined);
        mvc.perform(post("/invitations/{id}/decision", other).with(signedIn("support")).with(csrf())
                        .param("decision", "DECLINE").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the reply sent")));
        mvc.perform(post("/invitations/{id}/decision", other).with(signedIn("support")).with(csrf())
                        .param("decision", "DECLINE").param("replyNote", "The Mayor sends her apologies.").param("version", "0"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select status from invitation where id = ?", String.class, other)).isEqualTo("DECLINED");
    }

    @Test
    void theMemberSeesTheirWeekWithBriefingStatusOnTheirHomePage() throws Exception {
        long mayor = mayor();
        String title = unique("School governors breakfast");
        long id = engagement(mayor, title, queries.today().plusDays(2), "07:00", "07:45", EngagementStatus.CONFIRMED, false);
        briefings.commission(new BriefingService.NewBriefing(id, null,
                org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind.BRIEFING_NOTE, "Governors", null, userId("support"),
                queries.today()), as("support"));
        mvc.perform(get("/home/member").with(signedIn("mayor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My week")))
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("0 of 1 briefing ready")))
                .andExpect(content().string(containsString("/diary/engagements/" + id + "/pack")));
        byte[] pdf = mvc.perform(get("/diary/engagements/{id}/pack", id).with(signedIn("mayor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
