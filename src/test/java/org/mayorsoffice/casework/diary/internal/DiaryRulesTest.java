package org.mayorsoffice.casework.diary.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.diary.internal.CalendarFeedService.FeedEvent;
import org.mayorsoffice.casework.diary.internal.Clashes.Slot;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/** The diary's pure rules: clashes, typed times, briefing files and the iCalendar text. */
class DiaryRulesTest {

    private static Slot slot(long id, long member, String start, String end, boolean confirmed) {
        LocalDate day = LocalDate.of(2027, 3, 15);
        return new Slot(id, member, DiaryTimes.at(day, LocalTime.parse(start)), DiaryTimes.at(day, LocalTime.parse(end)), confirmed);
    }

    @Test
    void overlappingConfirmedEngagementsOfTheSameMemberClash() {
        var clashes = Clashes.find(List.of(
                slot(1, 1, "10:00", "11:00", true),
                slot(2, 1, "10:30", "11:30", true),   // overlaps 1
                slot(3, 1, "11:30", "12:00", true),   // touches 2: no clash
                slot(4, 1, "09:00", "13:00", false),  // tentative: never clashes
                slot(5, 2, "10:00", "11:00", true),   // another member
                slot(6, 1, "14:00", "17:00", true),
                slot(7, 1, "15:00", "15:30", true))); // inside 6
        assertThat(clashes).containsExactlyInAnyOrder(1L, 2L, 6L, 7L);
    }

    @Test
    void timesAreReadAsPeopleTypeThem() {
        assertThat(DiaryTimes.parseTime("10:00")).isEqualTo(LocalTime.of(10, 0));
        assertThat(DiaryTimes.parseTime("9.30")).isEqualTo(LocalTime.of(9, 30));
        assertThat(DiaryTimes.parseTime("14")).isEqualTo(LocalTime.of(14, 0));
        assertThat(DiaryTimes.parseTime("2:30pm")).isEqualTo(LocalTime.of(14, 30));
        assertThat(DiaryTimes.parseTime("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(DiaryTimes.parseTime("12pm")).isEqualTo(LocalTime.NOON);
        assertThat(DiaryTimes.parseTime("25:00")).isNull();
        assertThat(DiaryTimes.parseTime("13pm")).isNull();
        assertThat(DiaryTimes.parseTime("ten")).isNull();
    }

    @Test
    void briefingFilesAreJudgedByTheirContent() {
        assertThat(BriefingFiles.check("note.pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)).contentType())
                .isEqualTo("application/pdf");
        assertThat(BriefingFiles.check("../../etc/lines.txt", "Q&A lines".getBytes(StandardCharsets.UTF_8)).fileName())
                .isEqualTo("lines.txt");
        assertThatThrownBy(() -> BriefingFiles.check("note.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RuleViolationException.class).hasMessage(BriefingFiles.WRONG_TYPE);
        assertThatThrownBy(() -> BriefingFiles.check("run.exe", "%PDF-".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> BriefingFiles.check("empty.txt", new byte[0])).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void theFeedParsesAndKeepsLondonTimesEitherSideOfTheClockChange() throws Exception {
        // British Summer Time ends at 02:00 on Sunday 25 October 2026.
        Instant beforeChange = DiaryTimes.at(LocalDate.of(2026, 10, 24), LocalTime.of(10, 0));
        Instant afterChange = DiaryTimes.at(LocalDate.of(2026, 10, 26), LocalTime.of(10, 0));
        String ics = CalendarFeedService.render("Aisha Rahman", List.of(
                new FeedEvent(1, "Saturday surgery", EngagementKind.SURGERY, beforeChange, beforeChange.plusSeconds(3600), "Idea Store",
                        EngagementStatus.CONFIRMED, null, 0, beforeChange),
                new FeedEvent(2, "Monday cabinet, with a comma; and \"quotes\"", EngagementKind.COUNCIL_MEETING, afterChange,
                        afterChange.plusSeconds(5400), null, EngagementStatus.TENTATIVE, "Item 1\nItem 2", 3, afterChange)),
                "http://localhost:8080", Instant.parse("2026-11-23T12:00:00Z"));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        assertThat(start(events.get(0))).isEqualTo(Instant.parse("2026-10-24T09:00:00Z")); // BST: UTC+1
        assertThat(start(events.get(1))).isEqualTo(Instant.parse("2026-10-26T10:00:00Z")); // GMT
        assertThat(start(events.get(0)).atZone(DiaryTimes.LONDON).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(start(events.get(1)).atZone(DiaryTimes.LONDON).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("Monday cabinet, with a comma; and \"quotes\"");
        assertThat(events.get(1).getStatus().getValue()).isEqualTo("TENTATIVE");
        assertThat(events.get(0).getUid().orElseThrow().getValue()).isEqualTo("engagement-1@casework.mayorsoffice");
    }

    static Instant start(VEvent event) {
        Temporal t = event.getStartDate().orElseThrow().getDate();
        return t instanceof ZonedDateTime z ? z.toInstant() : Instant.from(t);
    }
}
