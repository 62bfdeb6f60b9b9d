package org.mayorsoffice.casework.shared.validation;

/**
 * A business rule refused the input. {@code field} names the form field to mark (or null for an
 * error about the whole form); the message is written for the user.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;

    public RuleViolationException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
