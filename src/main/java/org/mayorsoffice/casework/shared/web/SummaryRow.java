package org.mayorsoffice.casework.shared.web;

/** One row of a GOV.UK summary list; href and actionLabel are optional. */
public record SummaryRow(String key, String value, String href, String actionLabel) {

    public static SummaryRow of(String key, String value) {
        return new SummaryRow(key, value == null || value.isBlank() ? "Not recorded" : value, null, null);
    }
}
