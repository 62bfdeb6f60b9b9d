package org.mayorsoffice.casework.reports.internal;

import java.util.List;

/**
 * One dashboard table, the same for the page, CSV and XLSX. Cells are typed: {@code String},
 * {@code Long}, {@code Double} (a percentage 0-100 or a median), {@code java.time.LocalDate}, or null.
 *
 * @param key the name in its export URL ({@code /reports/{key}.csv})
 * @param barColumn the numeric column drawn as a bar on the page, or -1
 */
public record ReportTable(String key, String title, List<String> headers, List<Integer> numericColumns,
        List<List<Object>> rows, int barColumn) {

    /** The largest value in the bar column (at least 1), for bar widths. */
    public double barMax() {
        double max = 1;
        if (barColumn >= 0) {
            for (List<Object> row : rows) {
                if (row.get(barColumn) instanceof Number n) {
                    max = Math.max(max, n.doubleValue());
                }
            }
        }
        return max;
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    /** A cell as page text: percentages and medians to one decimal place, dates as d MMM yyyy. */
    public static String text(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Double d) {
            return String.format(java.util.Locale.UK, "%.1f", d);
        }
        if (cell instanceof java.time.LocalDate date) {
            return date.format(DAY);
        }
        return cell.toString();
    }

    /** The page's rows as text, for the table fragment. */
    public List<List<String>> textRows() {
        return rows.stream().map(r -> r.stream().map(ReportTable::text).toList()).toList();
    }

    /** The bar width of each row as a percentage rounded to 5 (0-100; CSS classes app-bar--0 to app-bar--100). */
    public List<Integer> barWidths() {
        double max = barMax();
        return rows.stream().map(r -> barColumn >= 0 && r.get(barColumn) instanceof Number n
                ? 5 * (int) Math.round(20 * n.doubleValue() / max) : 0).toList();
    }

    /** The GOV.UK class of column {@code i}'s header (numeric columns right-aligned). */
    public String headerClass(int i) {
        return numericColumns.contains(i) ? "govuk-table__header govuk-table__header--numeric" : "govuk-table__header";
    }

    /** The GOV.UK class of a cell in column {@code i}. */
    public String cellClass(int i) {
        return numericColumns.contains(i) ? "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell";
    }
}
