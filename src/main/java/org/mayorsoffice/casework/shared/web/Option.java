package org.mayorsoffice.casework.shared.web;

/** One choice in a select, radios or checkboxes fragment. */
public record Option(String value, String label) {

    public static Option of(Object value, String label) {
        return new Option(value == null ? "" : value.toString(), label);
    }
}
