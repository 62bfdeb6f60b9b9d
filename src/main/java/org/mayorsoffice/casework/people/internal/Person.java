package org.mayorsoffice.casework.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;

/** A correspondent: a resident, an organisation, an MP, a councillor or another body. */
@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private PersonKind kind;

    private String title;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "organisation_name")
    private String organisationName;

    private String email;

    private String phone;

    private String mobile;

    @Column(name = "address_line1")
    private String addressLine1;

    @Column(name = "address_line2")
    private String addressLine2;

    private String town;

    private String postcode;

    /** The organisation module's ward: referred to by id only. */
    @Column(name = "ward_id")
    private Long wardId;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact")
    private PreferredContact preferredContact = PreferredContact.NO_PREFERENCE;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "accessibility_notes")
    private String accessibilityNotes;

    @Column(name = "consent_to_share")
    private boolean consentToShare;

    @Column(name = "consent_date")
    private LocalDate consentDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_method")
    private ConsentMethod consentMethod;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected Person() {}

    Person(String createdBy) {
        this.createdBy = createdBy;
    }

    /** Sets every field users edit; values must already be trimmed and normalised. */
    void update(PersonKind kind, String title, String firstName, String lastName, String organisationName, String email,
            String phone, String mobile, String addressLine1, String addressLine2, String town, String postcode,
            Long wardId, PreferredContact preferredContact, String preferredLanguage, String accessibilityNotes,
            boolean consentToShare, LocalDate consentDate, ConsentMethod consentMethod) {
        this.kind = kind;
        this.title = title;
        this.firstName = firstName;
        this.lastName = lastName;
        this.organisationName = organisationName;
        this.email = email;
        this.phone = phone;
        this.mobile = mobile;
        this.addressLine1 = addressLine1;
        this.addressLine2 = addressLine2;
        this.town = town;
        this.postcode = postcode;
        this.wardId = wardId;
        this.preferredContact = preferredContact;
        this.preferredLanguage = preferredLanguage;
        this.accessibilityNotes = accessibilityNotes;
        this.consentToShare = consentToShare;
        this.consentDate = consentToShare ? consentDate : null;
        this.consentMethod = consentToShare ? consentMethod : null;
    }

    void mergeInto(long keptId) {
        this.mergedIntoId = keptId;
    }

    String displayName() {
        return PersonNames.display(kind, title, firstName, lastName, organisationName);
    }

    Long getId() {
        return id;
    }

    PersonKind getKind() {
        return kind;
    }

    String getTitle() {
        return title;
    }

    String getFirstName() {
        return firstName;
    }

    String getLastName() {
        return lastName;
    }

    String getOrganisationName() {
        return organisationName;
    }

    String getEmail() {
        return email;
    }

    String getPhone() {
        return phone;
    }

    String getMobile() {
        return mobile;
    }

    String getAddressLine1() {
        return addressLine1;
    }

    String getAddressLine2() {
        return addressLine2;
    }

    String getTown() {
        return town;
    }

    String getPostcode() {
        return postcode;
    }

    Long getWardId() {
        return wardId;
    }

    PreferredContact getPreferredContact() {
        return preferredContact;
    }

    String getPreferredLanguage() {
        return preferredLanguage;
    }

    String getAccessibilityNotes() {
        return accessibilityNotes;
    }

    boolean isConsentToShare() {
        return consentToShare;
    }

    LocalDate getConsentDate() {
        return consentDate;
    }

    ConsentMethod getConsentMethod() {
        return consentMethod;
    }

    Long getMergedIntoId() {
        return mergedIntoId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    long getVersion() {
        return version;
    }
}
