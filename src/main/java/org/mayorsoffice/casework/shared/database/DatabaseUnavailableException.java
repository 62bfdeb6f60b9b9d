package org.mayorsoffice.casework.shared.database;

/** Start-up cannot reach the configured PostgreSQL database. */
public class DatabaseUnavailableException extends RuntimeException {

    private final String url;
    private final String reason;

    public DatabaseUnavailableException(String url, String reason) {
        super("Cannot use the PostgreSQL database at " + url + ": " + reason, null, false, false);
        this.url = url;
        this.reason = reason;
    }

    public String url() {
        return url;
    }

    public String reason() {
        return reason;
    }
}
