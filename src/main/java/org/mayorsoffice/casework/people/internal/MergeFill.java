package org.mayorsoffice.casework.people.internal;

import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;

/**
 * What the kept record looks like after a duplicate is merged into it. The kept record wins
 * wherever it has a value; its blanks are filled from the duplicate, except that an address is
 * taken only as a whole (when the kept record has no address at all, so two addresses are never
 * mixed) and consent only as a whole (when the kept record has none). Sensitive notes from both
 * are kept, one after the other, when they fit the 2,000-character limit.
 */
public final class MergeFill {

    static final int NOTES_LIMIT = 2000;

    private MergeFill() {}

    public static PersonData fill(PersonData kept, PersonData duplicate) {
        boolean keptHasAddress = kept.addressLine1() != null || kept.addressLine2() != null || kept.town() != null
                || kept.postcode() != null;
        boolean takeAddress = !keptHasAddress;
        boolean takeConsent = !kept.consentToShare() && duplicate.consentToShare();
        return new PersonData(
                kept.kind(),
                or(kept.title(), duplicate.title()),
                or(kept.firstName(), duplicate.firstName()),
                or(kept.lastName(), duplicate.lastName()),
                or(kept.organisationName(), duplicate.organisationName()),
                or(kept.email(), duplicate.email()),
                or(kept.phone(), duplicate.phone()),
                or(kept.mobile(), duplicate.mobile()),
                takeAddress ? duplicate.addressLine1() : kept.addressLine1(),
                takeAddress ? duplicate.addressLine2() : kept.addressLine2(),
                takeAddress ? duplicate.town() : kept.town(),
                takeAddress ? duplicate.postcode() : kept.postcode(),
                kept.wardId() != null ? kept.wardId() : duplicate.wardId(),
                kept.preferredContact() == null || kept.preferredContact() == PreferredContact.NO_PREFERENCE
                        ? (duplicate.preferredContact() == null ? PreferredContact.NO_PREFERENCE : duplicate.preferredContact())
                        : kept.preferredContact(),
                or(kept.preferredLanguage(), duplicate.preferredLanguage()),
                notes(kept.accessibilityNotes(), duplicate.accessibilityNotes()),
                kept.consentToShare() || duplicate.consentToShare(),
                takeConsent ? duplicate.consentDate() : kept.consentDate(),
                takeConsent ? duplicate.consentMethod() : kept.consentMethod());
    }

    private static String notes(String kept, String duplicate) {
        if (kept == null) {
            return duplicate;
        }
        if (duplicate == null || kept.contains(duplicate)) {
            return kept;
        }
        String combined = kept + "\n\n" + duplicate;
        return combined.length() <= NOTES_LIMIT ? combined : kept;
    }

    private static String or(String kept, String duplicate) {
        return kept != null ? kept : duplicate;
    }
}
