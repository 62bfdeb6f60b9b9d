package org.mayorsoffice.casework.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;

/**
 * The rules a person's record must meet beyond each field's own format: who they are, how to
 * reach them the way they prefer, and a complete record of consent. Pure, so pages can show every
 * problem at once and the service can refuse anything the page missed.
 */
public final class PersonRules {

    /** One broken rule: the form field to mark and the message for the user. */
    public record Problem(String field, String message) {}

    private PersonRules() {}

    public static List<Problem> problems(PersonData data, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (blank(data.lastName()) && blank(data.organisationName())) {
            if (data.kind() != null && data.kind().isOrganisation()) {
                problems.add(new Problem("organisationName", "Enter the name of the organisation"));
            } else {
                problems.add(new Problem("lastName", "Enter a last name, or an organisation name"));
            }
        }
        if (data.kind() != null && data.kind().isOrganisation() && blank(data.organisationName()) && !blank(data.lastName())) {
            problems.add(new Problem("organisationName", "Enter the name of the organisation"));
        }
        PreferredContact contact = data.preferredContact();
        if (contact == PreferredContact.EMAIL && blank(data.email())) {
            problems.add(new Problem("email", "Enter an email address, or choose another way to contact them"));
        }
        if (contact == PreferredContact.PHONE && blank(data.phone()) && blank(data.mobile())) {
            problems.add(new Problem("phone", "Enter a phone or mobile number, or choose another way to contact them"));
        }
        if (contact == PreferredContact.LETTER && (blank(data.addressLine1()) || blank(data.postcode()))) {
            problems.add(new Problem(blank(data.addressLine1()) ? "addressLine1" : "postcode",
                    "Enter the first line of the address and the postcode, or choose another way to contact them"));
        }
        if (data.consentToShare()) {
            if (data.consentDate() == null) {
                problems.add(new Problem("consentDate", "Enter the date consent was given"));
            } else if (data.consentDate().isAfter(today)) {
                problems.add(new Problem("consentDate", "Date consent was given must be today or in the past"));
            }
            if (data.consentMethod() == null) {
                problems.add(new Problem("consentMethod", "Select how consent was given"));
            }
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
