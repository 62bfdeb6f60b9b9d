package org.mayorsoffice.casework.people.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;

/** Records the people pages show and accept; assembled inside transactions. */
public final class PersonViews {

    private PersonViews() {}

    /** What a user enters for a person, as typed (the service trims and normalises). */
    public record PersonData(PersonKind kind, String title, String firstName, String lastName, String organisationName,
            String email, String phone, String mobile, String addressLine1, String addressLine2, String town,
            String postcode, Long wardId, PreferredContact preferredContact, String preferredLanguage,
            String accessibilityNotes, boolean consentToShare, LocalDate consentDate, ConsentMethod consentMethod) {}

    /** One line of a list: never carries sensitive notes. */
    public record PersonRow(long id, String displayName, String kind, String postcode, String email, String wardName) {}

    public record PersonDetail(long id, PersonKind kind, String title, String firstName, String lastName,
            String organisationName, String displayName, String email, String phone, String mobile, String addressLine1,
            String addressLine2, String town, String postcode, Long wardId, String wardName,
            PreferredContact preferredContact, String preferredLanguage, String accessibilityNotes,
            boolean consentToShare, LocalDate consentDate, ConsentMethod consentMethod, Long mergedIntoId,
            Instant createdAt, String createdBy, long version) {

        public boolean merged() {
            return mergedIntoId != null;
        }
    }

    /** A new person's id, and the ward suggested from their postcode when none was chosen (else null). */
    public record Created(long id, String displayName, String suggestedWardName) {}

    /** A merge done: the names of the fields filled in on the kept record from the duplicate. */
    public record Merged(String keptName, String mergedName, java.util.List<String> filledFields) {}
}
