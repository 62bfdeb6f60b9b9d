package org.mayorsoffice.casework.diary.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo diaries (first start): a fortnight of engagements around today for the Mayor and two deputy
 * mayors, one clash and one private engagement, two invitations awaiting a reply, briefings in every
 * state, meeting notes with actions, and a surgery with bookable slots.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class DiaryDemoData implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DiaryDemoData.class);

    /** day offset from the Monday of this week, start, end, title, kind, location, status, private, organisation. */
    private record Item(int day, String start, String end, String title, String kind, String location, String status,
            boolean isPrivate, String organisation) {}

    private static final List<Item> MAYOR = List.of(
            new Item(-7, "09:30", "10:30", "Cabinet briefing", "COUNCIL_MEETING", "Mayor's Office, Town Hall", "CONFIRMED", false, null),
            new Item(-6, "11:00", "12:00", "Meeting with Larkspur Street tenants about damp", "EXTERNAL_MEETING", "Larkspur Street community room", "CONFIRMED", false, "Larkspur Street Tenants' Association"),
            new Item(-5, "18:30", "20:00", "Full Council", "COUNCIL_MEETING", "Council Chamber, Town Hall", "CONFIRMED", false, null),
            new Item(-4, "10:00", "11:00", "Interview with East London Advertiser", "MEDIA", "Mayor's Office, Town Hall", "CONFIRMED", false, null),
            new Item(0, "09:00", "09:45", "Weekly diary meeting with the Head of Office", "INTERNAL_MEETING", "Mayor's Office, Town Hall", "CONFIRMED", false, null),
            new Item(0, "11:00", "12:30", "Visit to Mile End Community Food Bank", "VISIT", "Mile End Community Food Bank, Burdett Road", "CONFIRMED", false, "Mile End Community Food Bank"),
            new Item(0, "15:00", "16:00", "Medical appointment", "INTERNAL_MEETING", null, "CONFIRMED", true, null),
            new Item(1, "10:00", "11:00", "Meeting with Weavers Fields Youth Project", "EXTERNAL_MEETING", "Committee Room 1, Town Hall", "CONFIRMED", false, "Weavers Fields Youth Project"),
            new Item(1, "10:30", "11:30", "Call with the Chief Executive on the budget", "INTERNAL_MEETING", "Mayor's Office, Town Hall", "CONFIRMED", false, null),
            new Item(1, "14:00", "15:00", "Housing repairs performance review", "INTERNAL_MEETING", "Committee Room 2, Town Hall", "TENTATIVE", false, null),
            new Item(2, "19:00", "21:00", "Cabinet", "COUNCIL_MEETING", "Council Chamber, Town Hall", "CONFIRMED", false, null),
            new Item(3, "10:00", "11:30", "Opening of Poplar pensioners' lunch club", "EVENT", "Poplar Baths, East India Dock Road", "CONFIRMED", false, "Poplar Pensioners' Action Group"),
            new Item(3, "16:00", "17:00", "BBC London radio interview", "MEDIA", "BBC Broadcasting House", "REQUESTED", false, null),
            new Item(4, "09:30", "10:30", "Meeting with Island Gardens Residents' Forum", "EXTERNAL_MEETING", "Island Gardens community centre", "CONFIRMED", false, "Island Gardens Residents' Forum"),
            new Item(5, "11:00", "13:00", "Whitechapel market walkabout", "VISIT", "Whitechapel Market", "CONFIRMED", false, "Whitechapel Traders' Partnership (demo)"),
            new Item(7, "09:00", "09:45", "Weekly diary meeting with the Head of Office", "INTERNAL_MEETING", "Mayor's Office, Town Hall", "CONFIRMED", false, null),
            new Item(8, "14:00", "15:30", "Stepney Green parents on school streets", "EXTERNAL_MEETING", "Stepney Green Academy", "CONFIRMED", false, "Stepney Green Parents' Network"),
            new Item(9, "18:00", "19:30", "Bromley-by-Bow community iftar planning", "EVENT", "Kingsley Hall", "TENTATIVE", false, "Bromley-by-Bow Somali Community Association"),
            new Item(10, "10:00", "11:00", "London Councils leaders' meeting", "EXTERNAL_MEETING", "59½ Southwark Street", "CANCELLED", false, null),
            new Item(11, "12:00", "13:00", "Lunch with the Bishop of Stepney", "EXTERNAL_MEETING", null, "CONFIRMED", true, null));

    private static final List<Item> DEPUTY_HOUSING = List.of(
            new Item(-6, "10:00", "11:00", "Housing Scrutiny Sub-Committee", "COUNCIL_MEETING", "Committee Room 3, Town Hall", "CONFIRMED", false, null),
            new Item(0, "14:00", "15:30", "Estate walkabout: Brindley House", "VISIT", "Brindley House, Bethnal Green", "CONFIRMED", false, null),
            new Item(1, "09:30", "10:30", "Meeting with Wapping Riverside Residents' Association", "EXTERNAL_MEETING", "Wapping Library", "CONFIRMED", false, "Wapping Riverside Residents' Association"),
            new Item(2, "19:00", "21:00", "Cabinet", "COUNCIL_MEETING", "Council Chamber, Town Hall", "CONFIRMED", false, null),
            new Item(3, "13:00", "14:00", "Homelessness winter plan briefing", "INTERNAL_MEETING", "Committee Room 1, Town Hall", "CONFIRMED", false, null),
            new Item(8, "11:00", "12:00", "Housing association chief executives' forum", "EXTERNAL_MEETING", "Poplar Harca offices", "TENTATIVE", false, null));

    private static final List<Item> DEPUTY_CHILDREN = List.of(
            new Item(-5, "09:00", "10:00", "Schools Forum", "COUNCIL_MEETING", "Committee Room 2, Town Hall", "CONFIRMED", false, null),
            new Item(0, "16:00", "17:00", "SEND parents' drop-in", "EXTERNAL_MEETING", "Stepney Green Academy", "CONFIRMED", false, "Stepney Green Parents' Network"),
            new Item(2, "19:00", "21:00", "Cabinet", "COUNCIL_MEETING", "Council Chamber, Town Hall", "CONFIRMED", false, null),
            new Item(4, "10:00", "12:00", "Youth service consultation event", "EVENT", "Weavers Fields Youth Project", "CONFIRMED", false, "Weavers Fields Youth Project"),
            new Item(9, "09:30", "10:30", "Meeting with the Director of Children's Services", "INTERNAL_MEETING", "Mulberry Place", "CONFIRMED", false, null));

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DiaryDemoData(JdbcClient jdbc, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from engagement").query(Long.class).single() > 0) {
            return;
        }
        Long mayor = id("select id from member where office = 'MAYOR' order by id limit 1");
        Long housing = id("select id from member where full_name = 'Daniel Okafor'");
        Long children = id("select id from member where full_name = 'Priya Sharma'");
        Long support = id("select id from app_user where username = 'support'");
        Long head = id("select id from app_user where username = 'head'");
        if (mayor == null || support == null) {
            return;
        }
        LocalDate monday = LocalDate.now(clock.withZone(DiaryTimes.LONDON)).with(DayOfWeek.MONDAY);
        List<Long> mayorIds = MAYOR.stream().map(i -> insert(mayor, monday, i, support)).toList();
        if (housing != null) {
            DEPUTY_HOUSING.forEach(i -> insert(housing, monday, i, null));
        }
        if (children != null) {
            DEPUTY_CHILDREN.forEach(i -> insert(children, monday, i, null));
        }

        // Briefings in every state; the food bank visit is fully briefed, the youth project meeting partly.
        Long author = support;
        Long caseworker = id("select id from app_user where username = 'caseworker'");
        briefing(mayorIds.get(1), mayor, "BRIEFING_NOTE", "Damp and mould on Larkspur Street: the history", author, "READY",
                "The association has raised damp in 14 flats since March.\nRepairs have been booked for 9; 5 are outstanding.");
        briefing(mayorIds.get(5), mayor, "BRIEFING_NOTE", "Mile End Community Food Bank: demand this winter", author, "READY",
                "Visits are up 38% on last year. The food bank asks for help with a second storage unit.");
        briefing(mayorIds.get(5), mayor, "SPEAKING_NOTES", "Speaking notes for the volunteers' thank-you", author, "READY",
                "Thank the 60 volunteers.\nMention the council's cost of living fund and how to refer residents.");
        briefing(mayorIds.get(7), mayor, "BRIEFING_NOTE", "Weavers Fields Youth Project: funding and the closure rumours", author, "DRAFTED",
                "Draft: the project's grant runs to March. No decision to close has been taken.");
        briefing(mayorIds.get(7), mayor, "QA_LINES", "Q&A: youth service restructure", caseworker == null ? author : caseworker, "COMMISSIONED", null);
        briefing(mayorIds.get(11), mayor, "SPEECH", "Speech: opening the lunch club", author, "CLEARED",
                "Good morning everyone. It is a pleasure to be at Poplar Baths ...");
        briefing(mayorIds.get(16), mayor, "BACKGROUND_PAPER", "School streets: the evidence so far", author, "COMMISSIONED", null);

        // The earlier meeting's notes, with an action for the support officer.
        jdbc.sql("insert into meeting_note (engagement_id, notes, decisions, updated_by) values (?, ?, ?, 'demo')")
                .params(mayorIds.get(1), "Met 12 residents. Damp worst in numbers 4 to 20. The association wants a single contact in Housing.",
                        "The Mayor asked Housing for a named officer.\nA follow-up visit before Christmas.")
                .update();
        jdbc.sql("insert into diary_action (engagement_id, owner_id, due_on, description, created_by) values (?, ?, ?, ?, 'demo')")
                .params(mayorIds.get(1), support, calendar.addWorkingDays(monday, 2),
                        "Ask Housing for a named officer for Larkspur Street and tell the association").update();
        if (head != null) {
            jdbc.sql("insert into diary_action (engagement_id, owner_id, due_on, description, created_by) values (?, ?, ?, ?, 'demo')")
                    .params(mayorIds.get(1), head, monday.plusDays(10), "Book the follow-up visit before Christmas").update();
        }
        jdbc.sql("insert into engagement_requirement (engagement_id, kind, details, arranged, created_by) values (?, 'ROOM_BOOKING', ?, true, 'demo')")
                .params(mayorIds.get(7), "Committee Room 1 booked with Facilities").update();
        jdbc.sql("insert into engagement_requirement (engagement_id, kind, details, arranged, created_by) values (?, 'TRANSPORT', ?, false, 'demo')")
                .params(mayorIds.get(11), "Car from the Town Hall at 09:30").update();

        // Two invitations awaiting a reply, one decided.
        invitation(mayor, "Reverend Anne Hill, St Dunstan's Church", "Christmas carol service", "EVENT", monday.plusDays(24), "18:00", "19:30",
                "St Dunstan's Church, Stepney High Street", monday.plusDays(3), "AWAITING_DECISION", null,
                "The Mayor is invited to read a lesson.");
        invitation(mayor, "Sunita Shah, Whitechapel Traders' Partnership", "Traders' annual dinner", "EVENT", monday.plusDays(17), "19:00", "22:00",
                "Royal London Hospital canteen", monday.minusDays(1), "AWAITING_DECISION", null, "Speech of 5 minutes after dinner.");
        if (children != null) {
            invitation(children, "Head teacher, Bow School", "Prize-giving", "EVENT", monday.plusDays(12), "14:00", "16:00", "Bow School hall",
                    monday.plusDays(5), "AWAITING_DECISION", null, null);
        }
        invitation(mayor, "Canary Wharf Group", "Winter lights launch", "EVENT", monday.plusDays(4), "17:00", "18:00", "Canada Square",
                monday.minusDays(3), "DECLINED", "The Mayor has Cabinet business that evening and sends her apologies.", null);

        // A surgery this week with bookable slots.
        LocalDate surgeryDay = monday.plusDays(5); // Saturday
        long surgeryEngagement = insert(mayor, monday, new Item(5, "14:00", "16:00", "Surgery at Idea Store Whitechapel", "SURGERY",
                "Idea Store Whitechapel, Meeting Room 2", "CONFIRMED", false, null), null);
        long surgery = jdbc.sql("insert into surgery (member_id, engagement_id, venue, held_on, starts_at, ends_at, slot_minutes, created_by)"
                        + " values (?, ?, 'Idea Store Whitechapel, Meeting Room 2', ?, '14:00', '16:00', 15, 'demo') returning id")
                .params(mayor, surgeryEngagement, surgeryDay).query(Long.class).single();
        for (int k = 0; k < 8; k++) {
            jdbc.sql("insert into surgery_slot (surgery_id, starts_at) values (?, ?)").params(surgery, LocalTime.of(14, 0).plusMinutes(15L * k)).update();
        }
        List<Long> residents = jdbc.sql("select id from person where kind = 'RESIDENT' and merged_into_id is null order by id limit 3")
                .query(Long.class).list();
        List<Long> slots = jdbc.sql("select id from surgery_slot where surgery_id = ? order by starts_at").param(surgery).query(Long.class).list();
        for (int k = 0; k < residents.size(); k++) {
            jdbc.sql("insert into surgery_attendance (surgery_id, slot_id, person_id, created_by) values (?, ?, ?, 'demo')")
                    .params(surgery, slots.get(k * 2), residents.get(k)).update();
        }
        log.info("Loaded demo diaries: engagements, invitations, briefings and a surgery");
    }

    private long insert(long member, LocalDate monday, Item i, Long officeAttendee) {
        LocalDate day = monday.plusDays(i.day());
        long id = jdbc.sql("""
                        insert into engagement (member_id, title, kind, starts_at, ends_at, location, status, private, created_by,
                            agenda, external_attendees, ward_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, (select id from ward where name = ?)) returning id""")
                .params(member, i.title(), i.kind(), DiaryService.ts(DiaryTimes.at(day, LocalTime.parse(i.start()))),
                        DiaryService.ts(DiaryTimes.at(day, LocalTime.parse(i.end()))), i.location(), i.status(), i.isPrivate(),
                        i.kind().equals("EXTERNAL_MEETING") ? "Welcome and introductions\nThe issues the group raises\nNext steps" : null,
                        i.organisation(), ward(i.organisation()))
                .query(Long.class).single();
        if (i.organisation() != null) {
            jdbc.sql("insert into engagement_person (engagement_id, person_id) select ?, id from person where organisation_name = ?"
                            + " and merged_into_id is null order by id limit 1")
                    .params(id, i.organisation()).update();
        }
        if (officeAttendee != null && !i.isPrivate() && i.kind().matches("EXTERNAL_MEETING|VISIT|EVENT")) {
            jdbc.sql("insert into engagement_office_attendee (engagement_id, user_id) values (?, ?)").params(id, officeAttendee).update();
        }
        return id;
    }

    private static String ward(String organisation) {
        if (organisation == null) {
            return null;
        }
        for (String w : List.of("Mile End", "Poplar", "Whitechapel", "Stepney Green", "Island Gardens", "Weavers", "Bow East")) {
            if (organisation.contains(w.split(" ")[0])) {
                return w;
            }
        }
        return null;
    }

    private void briefing(long engagement, long member, String kind, String title, long author, String status, String content) {
        LocalDate engagementDay = jdbc.sql("select (starts_at at time zone 'Europe/London')::date from engagement where id = ?")
                .param(engagement).query(LocalDate.class).single();
        jdbc.sql("""
                        insert into briefing (engagement_id, member_id, kind, title, author_id, due_on, status, content, position, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, (select count(*) + 1 from briefing where engagement_id = ?), 'demo')""")
                .params(engagement, member, kind, title, author, calendar.addWorkingDays(engagementDay, -3), status, content, engagement)
                .update();
    }

    private void invitation(long member, String inviter, String title, String kind, LocalDate day, String start, String end,
            String location, LocalDate replyBy, String status, String reply, String details) {
        jdbc.sql("""
                        insert into invitation (member_id, inviter, title, details, kind, starts_at, ends_at, location, reply_by,
                            received_on, status, reply_note, decided_at, decided_by, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, case when ? then 'Grace Obi' end, 'demo')""")
                .params(member, inviter, title, details, kind, DiaryService.ts(DiaryTimes.at(day, LocalTime.parse(start))),
                        DiaryService.ts(DiaryTimes.at(day, LocalTime.parse(end))), location, replyBy, replyBy.minusDays(7), status, reply,
                        !"AWAITING_DECISION".equals(status), !"AWAITING_DECISION".equals(status))
                .update();
    }

    private Long id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(null);
    }
}
