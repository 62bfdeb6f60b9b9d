package org.mayorsoffice.casework.responses.internal;

import java.util.ArrayList;
import java.util.List;

/** Line-by-line differences between two versions of a draft (longest common subsequence). */
public final class TextDiff {

    public enum Change { SAME, ADDED, REMOVED }

    public record Line(Change change, String text) {

        /** CSS class of the line on the version page. */
        public String cssClass() {
            return switch (change) {
                case SAME -> null;
                case ADDED -> "app-diff__added";
                case REMOVED -> "app-diff__removed";
            };
        }

        public String prefix() {
            return switch (change) {
                case SAME -> "";
                case ADDED -> "Added";
                case REMOVED -> "Removed";
            };
        }
    }

    private TextDiff() {}

    public static List<Line> lines(String before, String after) {
        String[] a = (before == null ? "" : before).split("\\R", -1);
        String[] b = (after == null ? "" : after).split("\\R", -1);
        if ((long) a.length * b.length > 4_000_000L) {
            List<Line> all = new ArrayList<>();
            for (String s : a) {
                all.add(new Line(Change.REMOVED, s));
            }
            for (String s : b) {
                all.add(new Line(Change.ADDED, s));
            }
            return all;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Change.SAME, a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Change.REMOVED, a[i++]));
            } else {
                out.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Change.ADDED, b[j++]));
        }
        return out;
    }
}
