package org.mayorsoffice.casework.shared.validation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The record does not exist, or the user may not know that it exists: both answer 404, and the audit
 * module records every such answer as an {@code access.denied} attempt (who, which route, which id).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what) {
        super(what + " not found", null, false, false);
        this.what = what;
    }

    /** The kind of record asked for, e.g. "Case". */
    public String what() {
        return what;
    }
}
