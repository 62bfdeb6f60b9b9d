package org.mayorsoffice.casework.diary.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;

/** A new or changed engagement, as typed (London wall time). {@code version} is null for a new one. */
public record EngagementCommand(Long memberId, String title, EngagementKind kind, LocalDate date, LocalTime startTime,
        LocalTime endTime, String location, String externalAttendees, String agenda, EngagementStatus status,
        boolean isPrivate, Long wardId, Long topicId, List<Long> officeAttendeeIds, Long version) {}
