package org.mayorsoffice.casework.reports.internal;

import java.util.List;

/**
 * One dashboard table, the same for the page, CSV and XLSX. Cells are typed: {@code String},
 * {@code Long}, {@code Double} (a percentage 0-100 or a median), {@code java.time.LocalDate}, or null.
 *
 * @param key the name in its export URL ({@code /reports/{key}.csv})
 * @param barColumn the numeric column drawn as a bar on the page, or -1
 * @param bodyHtml the page's table rows, escaped markup built once with the figures (a dashboard has a thousand
 *     cells or more; built here they cost nothing on the views that share the cached figures)
 */
public record ReportTable(String key, String title, List<String> headers, List<Integer> numericColumns,
        List<List<Object>> rows, int barColumn, String bodyHtml) {

    public ReportTable(String key, String title, List<String> headers, List<Integer> numericColumns,
            List<List<Object>> rows, int barColumn) {
        this(key, title, headers, numericColumns, rows, barColumn, bodyHtml(numericColumns, rows, barColumn));
    }

    /**
     * GOV.UK table rows: the first cell a row header, numeric columns right-aligned, and when there is a bar column a
     * last cell with the bar (decorative: the figure is in its own cell).
     */
    private static String bodyHtml(List<Integer> numericColumns, List<List<Object>> rows, int barColumn) {
        double max = barMax(rows, barColumn);
        StringBuilder html = new StringBuilder(rows.size() * 200);
        for (List<Object> row : rows) {
            html.append("<tr class=\"govuk-table__row\">");
            for (int i = 0; i < row.size(); i++) {
                String cell = org.springframework.web.util.HtmlUtils.htmlEscape(text(row.get(i)), "UTF-8");
                if (i == 0) {
                    html.append("<th scope=\"row\" class=\"govuk-table__header\">").append(cell).append("</th>");
                } else {
                    html.append("<td class=\"").append(cellClass(numericColumns, i)).append("\">").append(cell).append("</td>");
                }
            }
            if (barColumn >= 0) {
                html.append("<td class=\"govuk-table__cell app-bar-cell\"><span aria-hidden=\"true\" class=\"app-bar app-bar--")
                        .append(barWidth(row, barColumn, max)).append("\"></span></td>");
            }
            html.append("</tr>\n");
        }
        return html.toString();
    }

    private static double barMax(List<List<Object>> rows, int barColumn) {
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

    private static int barWidth(List<Object> row, int barColumn, double max) {
        return barColumn >= 0 && row.get(barColumn) instanceof Number n ? 5 * (int) Math.round(20 * n.doubleValue() / max) : 0;
    }

    private static String cellClass(List<Integer> numericColumns, int i) {
        return numericColumns.contains(i) ? "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell";
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

    /** The GOV.UK class of column {@code i}'s header (numeric columns right-aligned). */
    public String headerClass(int i) {
        return numericColumns.contains(i) ? "govuk-table__header govuk-table__header--numeric" : "govuk-table__header";
    }
}
