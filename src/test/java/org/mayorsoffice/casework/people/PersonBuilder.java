package org.mayorsoffice.casework.people;

import java.time.LocalDate;
import java.util.UUID;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;

/** Test data for the people directory: {@code aResident("Jane", "Smith").email("j@example.org").build()}. */
final class PersonBuilder {

    private PersonKind kind = PersonKind.RESIDENT;
    private String firstName;
    private String lastName;
    private String organisationName;
    private String email;
    private String phone;
    private String addressLine1;
    private String postcode;
    private Long wardId;
    private String notes;
    private boolean consent;
    private LocalDate consentDate;
    private ConsentMethod consentMethod;

    static PersonBuilder aResident(String firstName, String lastName) {
        PersonBuilder b = new PersonBuilder();
        b.firstName = firstName;
        b.lastName = lastName;
        return b;
    }

    static PersonBuilder anOrganisation(String name) {
        PersonBuilder b = new PersonBuilder();
        b.kind = PersonKind.ORGANISATION;
        b.organisationName = name;
        return b;
    }

    /** Letters only (so names survive HTML escaping unchanged), different every call, starting with a capital. */
    static String uniqueName(String prefix) {
        StringBuilder s = new StringBuilder(prefix);
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            s.append((char) ('a' + Character.digit(c, 16)));
        }
        return s.toString();
    }

    /** A valid postcode in a district the demo data never uses, different (almost always) every call. */
    static String uniquePostcode() {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        java.util.Random r = new java.util.Random();
        return "N" + (1 + r.nextInt(9)) + " " + r.nextInt(10) + letters.charAt(r.nextInt(letters.length()))
                + letters.charAt(r.nextInt(letters.length()));
    }

    PersonBuilder email(String email) {
        this.email = email;
        return this;
    }

    PersonBuilder phone(String phone) {
        this.phone = phone;
        return this;
    }

    PersonBuilder address(String line1, String postcode) {
        this.addressLine1 = line1;
        this.postcode = postcode;
        return this;
    }

    PersonBuilder postcode(String postcode) {
        this.postcode = postcode;
        return this;
    }

    PersonBuilder ward(Long wardId) {
        this.wardId = wardId;
        return this;
    }

    PersonBuilder notes(String notes) {
        this.notes = notes;
        return this;
    }

    PersonBuilder consented(LocalDate on, ConsentMethod how) {
        this.consent = true;
        this.consentDate = on;
        this.consentMethod = how;
        return this;
    }

    PersonData build() {
        return new PersonData(kind, null, firstName, lastName, organisationName, email, phone, null, addressLine1, null,
                null, postcode, wardId, PreferredContact.NO_PREFERENCE, null, notes, consent, consentDate, consentMethod);
    }
}
