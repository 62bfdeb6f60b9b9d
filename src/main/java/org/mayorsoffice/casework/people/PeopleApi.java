package org.mayorsoffice.casework.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other modules may ask the people directory. Records merged away are never returned. */
public interface PeopleApi {

    /** The most search results a caller may ask for. */
    int MAX_SEARCH_RESULTS = 50;

    /** A person or organisation as other modules show them; postcode, email and ward may be null. */
    record PersonSummary(long id, String displayName, String postcode, String email, String wardName) {}

    /** The person, or the record they were merged into; empty when there is no such person. */
    Optional<PersonSummary> summary(long id);

    /**
     * Several people in one query, in the order asked, each replaced by the record it was merged into
     * (so the list may be shorter than the ids); unknown ids are left out.
     */
    List<PersonSummary> summaries(Collection<Long> ids);

    /**
     * People whose name contains the text (any part of first, last or organisation name), or whose
     * email, postcode (whole or district, e.g. "E1") or phone number matches; sorted by name.
     * {@code limit} is capped at {@link #MAX_SEARCH_RESULTS}.
     */
    List<PersonSummary> search(String text, int limit);

    /** How to address a letter to someone: the salutation name ("Ms Smith") and address lines (blank ones left out). */
    record Correspondent(long id, String displayName, String salutation, List<String> addressLines, String postcode,
            String email) {}

    /** The person (or the record they were merged into) as a letter or email addressee. */
    Optional<Correspondent> correspondent(long id);

    /** Unmerged people with exactly this email address (case-insensitive), oldest record first, at most 5. */
    List<PersonSummary> findByEmail(String email);

    /**
     * Adds a resident to the directory from a piece of correspondence (name as written, optional email);
     * returns the new id. The name is split at its last space into first and last name.
     */
    long addFromCorrespondence(String name, String email, String actor);

    /**
     * Other people in the directory who work for the same organisation as this person (same organisation
     * name, ignoring case), by name; at most {@code limit} (capped at {@link #MAX_SEARCH_RESULTS}).
     */
    List<PersonSummary> colleagues(long personId, int limit);

    // --- Added for resident updates (acknowledgements and holding replies). ---

    /**
     * How the person asked to be contacted: {@code method} is EMAIL, PHONE, LETTER or NO_PREFERENCE, with its
     * label; {@code language} is their preferred language as recorded (null when none).
     */
    record ContactPreferences(String method, String methodLabel, String language) {}

    /** The person's (or the record they were merged into) contact preferences; empty when there is no such person. */
    Optional<ContactPreferences> contactPreferences(long id);
}
