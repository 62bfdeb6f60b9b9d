package org.mayorsoffice.casework.cases;

import java.util.Optional;

/**
 * Something another module still has open on a case that should stop the case closing: members' enquiries still
 * waiting for a directorate's response (they would go on being chased about a closed case). Every bean of this type
 * is asked before a case is closed (by a status change or as a duplicate), in the closing transaction; an answer
 * refuses the close with that message, which says what to do first.
 */
public interface CaseClosingCheck {

    /** Why the case cannot be closed yet, written for the person closing it; empty when nothing stops it. */
    Optional<String> whyNotClose(long caseId, String caseReference);
}
