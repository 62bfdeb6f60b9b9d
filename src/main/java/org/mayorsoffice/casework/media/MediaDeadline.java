package org.mayorsoffice.casework.media;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media deadlines are often hours away, so they are instants, not dates: "in 3 hours" from now, or a day and a
 * time of day in the office's time zone (London, so British Summer Time is handled). Pure and unit-tested.
 */
public final class MediaDeadline {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/London");

    /** The longest "due in" a form accepts: one week. */
    public static final int MAX_HOURS = 168;

    private static final Pattern TIME = Pattern.compile("^\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private MediaDeadline() {}

    /** {@code hours} whole hours after {@code now}. */
    public static Instant inHours(Instant now, int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be from 1 to " + MAX_HOURS);
        }
        return now.plus(Duration.ofHours(hours));
    }

    /** The day at the time of day, in London. */
    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(OFFICE_ZONE).toInstant();
    }

    /** "17:30", "5.30pm", "5pm", "9" (9am); null when it is not a time of day. */
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
        String half = m.group(3);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /**
     * How long is left, for the Media list: "2 hours 59 minutes left", "45 minutes left", "3 days left",
     * or "Overdue by 1 hour 5 minutes".
     */
    public static String remaining(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        boolean overdue = left.isNegative();
        Duration d = left.abs();
        String text;
        if (d.toHours() >= 48) {
            text = plural(d.toDays(), "day");
        } else if (d.toHours() >= 1) {
            text = plural(d.toHours(), "hour") + (d.toMinutesPart() == 0 ? "" : " " + plural(d.toMinutesPart(), "minute"));
        } else {
            text = plural(Math.max(d.toMinutes(), overdue ? 1 : 0), "minute");
        }
        return overdue ? "Overdue by " + text : text + " left";
    }

    /** Due within the next {@code hours} hours (or already overdue). */
    public static boolean dueWithin(Instant now, Instant deadline, int hours) {
        return !deadline.isAfter(now.plus(Duration.ofHours(hours)));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
