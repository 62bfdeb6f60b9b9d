package org.mayorsoffice.casework.diary.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which confirmed engagements of the same member overlap in time. Pure: no Spring, no database.
 * Touching engagements (one ends at 11:00, the next starts at 11:00) do not clash.
 */
public final class Clashes {

    /** What the rule needs to know about an engagement. */
    public record Slot(long id, long memberId, Instant start, Instant end, boolean confirmed) {}

    private Clashes() {}

    /** The ids of engagements that overlap another confirmed engagement of the same member. */
    public static Set<Long> find(Collection<Slot> slots) {
        List<Slot> confirmed = new ArrayList<>(slots.stream().filter(Slot::confirmed).toList());
        confirmed.sort(Comparator.comparing(Slot::memberId).thenComparing(Slot::start));
        Set<Long> clashing = new HashSet<>();
        for (int i = 0; i < confirmed.size(); i++) {
            Slot a = confirmed.get(i);
            for (int j = i + 1; j < confirmed.size(); j++) {
                Slot b = confirmed.get(j);
                if (b.memberId() != a.memberId() || !b.start().isBefore(a.end())) {
                    break; // sorted by start: nothing later can overlap a
                }
                if (overlap(a, b)) {
                    clashing.add(a.id());
                    clashing.add(b.id());
                }
            }
        }
        return clashing;
    }

    public static boolean overlap(Slot a, Slot b) {
        return a.memberId() == b.memberId() && a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }
}
