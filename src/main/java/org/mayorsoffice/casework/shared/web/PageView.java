package org.mayorsoffice.casework.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A page of rows plus what the GOV.UK pagination fragment needs. {@code number} is 0-based;
 * item numbers are 1-based labels.
 */
public record PageView<T>(List<T> rows, int number, int totalPages, long totalElements, List<Item> items,
        String previousHref, String nextHref) {

    /** Hard ceiling on rows per page for every list in the application. */
    public static final int MAX_PAGE_SIZE = 100;

    public record Item(int number, String href, boolean current, boolean ellipsis) {}

    public static int clampSize(int requested, int fallback) {
        if (requested <= 0) {
            return fallback;
        }
        return Math.min(requested, MAX_PAGE_SIZE);
    }

    public static <T> PageView<T> of(List<T> rows, int number, int totalPages, long totalElements, IntFunction<String> href) {
        List<Item> items = new ArrayList<>();
        int last = totalPages - 1;
        boolean gap = false;
        for (int i = 0; i <= last; i++) {
            if (i == 0 || i == last || Math.abs(i - number) <= 1) {
                items.add(new Item(i + 1, href.apply(i), i == number, false));
                gap = false;
            } else if (!gap) {
                items.add(new Item(0, null, false, true));
                gap = true;
            }
        }
        return new PageView<>(List.copyOf(rows), number, totalPages, totalElements, items,
                number > 0 ? href.apply(number - 1) : null, number < last ? href.apply(number + 1) : null);
    }

    public boolean hasPrevious() {
        return previousHref != null;
    }

    public boolean hasNext() {
        return nextHref != null;
    }
}
