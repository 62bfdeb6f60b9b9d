package org.mayorsoffice.casework.diary;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;

/** What other modules (home pages) may show from the diary. */
public interface DiaryApi {

    /**
     * One engagement in "My week": {@code when} is e.g. "Tue 24 Nov, 10:00 to 11:00";
     * {@code briefingStatus} e.g. "2 of 3 briefings ready" or "No briefings";
     * {@code packHref} the meeting pack PDF (null when the user may not download it).
     */
    record WeekEngagement(long id, String title, String when, String location, String status, String statusColour,
            String briefingStatus, boolean briefingsReady, boolean clash, String href, String packHref) {}

    /** A follow-up action from meeting notes, owned by the user. */
    record DiaryAction(long id, long engagementId, String engagementTitle, String description, LocalDate dueOn,
            boolean overdue) {}

    /**
     * The engagements of the user's own member diary from today for seven days (not cancelled or declined),
     * in time order; empty when the user is not a member.
     */
    List<WeekEngagement> myWeek(CurrentUser user);

    /** The user's open diary actions, soonest first; at most {@code limit} (capped at 50). */
    List<DiaryAction> myActions(CurrentUser user, int limit);

    /** The reporting feed's engagement columns (stable names). */
    List<String> FEED_ENGAGEMENT_COLUMNS = List.of("id", "member", "title", "kind", "status", "starts_at", "ends_at",
            "ward", "topic", "private");

    /**
     * Every engagement for the reporting feed, oldest first, streamed in {@link #FEED_ENGAGEMENT_COLUMNS} order
     * (times as {@code OffsetDateTime}). A private engagement's title reads "Busy" and its ward and topic are left
     * out, as in the office-wide diary. Call inside a read-only transaction.
     */
    void forEachFeedEngagement(java.util.function.Consumer<List<Object>> sink);

    // --- Added for the change of office-holder (search module's handover). ---

    /** An engagement still to come in a member's diary, with its number of briefings. */
    record FutureEngagement(long id, String title, java.time.Instant startsAt, long briefings) {}

    /** The member's engagements from now on (not cancelled or declined), soonest first; at most {@code limit} (capped at 500). */
    List<FutureEngagement> futureEngagements(long memberId, int limit);

    /** Moves the member's future engagements (not cancelled or declined) and their briefings to another member; returns how many. */
    int moveFutureEngagements(long fromMemberId, long toMemberId);
}
