package org.mayorsoffice.casework.diary.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The office's clock face: Europe/London wall time, and how times are typed and shown. Pure. */
public final class DiaryTimes {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Pattern TIME = Pattern.compile("^\\s*([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?\\s*(am|pm)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private DiaryTimes() {}

    /** "10:00", "9.30", "14", "2pm", "2:30pm" as a time of day; null when it is not one. */
    public static LocalTime parseTime(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3) == null ? null : m.group(3).toLowerCase(Locale.ROOT);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + ("pm".equals(half) ? 12 : 0);
        }
        return LocalTime.of(hour, minute);
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, LONDON).toInstant();
    }

    public static ZonedDateTime london(Instant instant) {
        return instant.atZone(LONDON);
    }

    public static String time(Instant instant) {
        return hhmm(london(instant).toLocalTime());
    }

    public static String day(Instant instant) {
        return DAY.format(london(instant));
    }

    public static String longDay(LocalDate day) {
        return LONG_DAY.format(day);
    }

    /** "Tue 24 Nov, 10:00 to 11:00" (or with the end day when it ends on another day). */
    public static String when(Instant start, Instant end) {
        ZonedDateTime s = london(start);
        ZonedDateTime e = london(end);
        String endText = s.toLocalDate().equals(e.toLocalDate()) ? HH_MM.format(e) : DAY.format(e) + ", " + HH_MM.format(e);
        return DAY.format(s) + ", " + HH_MM.format(s) + " to " + endText;
    }

    /** "09:05", written out directly rather than through a formatter: the office diary week shows 500 of them. */
    public static String hhmm(LocalTime time) {
        if (time == null) {
            return "";
        }
        int h = time.getHour();
        int m = time.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10)});
    }
}
