package org.mayorsoffice.casework.cases;

/**
 * A case was flagged as media-sensitive (or the flag was taken off). Published in the changing transaction;
 * the media module tells the communications contact.
 */
public record CaseMediaSensitivityChanged(long caseId, String reference, boolean sensitive, long changedById,
        String changedBy) {}
