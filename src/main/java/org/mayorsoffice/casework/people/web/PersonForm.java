package org.mayorsoffice.casework.people.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonDetail;
import org.mayorsoffice.casework.people.internal.Postcodes;

/** Adding a person or changing one. Duplicate fields are used only when adding. */
public class PersonForm {

    static final String[] FIELDS = {"kind", "title", "firstName", "lastName", "organisationName", "email", "phone", "mobile",
        "addressLine1", "addressLine2", "town", "postcode", "wardId", "preferredContact", "preferredLanguage",
        "accessibilityNotes", "consentToShare", "consentDateDay", "consentDateMonth", "consentDateYear", "consentMethod",
        "confirmNotDuplicate", "duplicateWarningShown", "version"};

    private static final String PHONE_PATTERN = "^\\s*$|^\\s*[+0-9 ()-]{6,30}\\s*$";


    @NotNull(message = "Select who they are")
    private PersonKind kind;

    @Size(max = 20, message = "Title must be 20 characters or fewer")
    private String title;

    @Size(max = 100, message = "First name must be 100 characters or fewer")
    private String firstName;

    @Size(max = 100, message = "Last name must be 100 characters or fewer")
    private String lastName;

    @Size(max = 200, message = "Organisation name must be 200 characters or fewer")
    private String organisationName;

    @Email(message = "Enter an email address in the correct format, like name@example.org")
    @Size(max = 320, message = "Email address must be 320 characters or fewer")
    private String email;

    @Pattern(regexp = PHONE_PATTERN, message = "Enter a phone number, like 020 7946 0123 or +44 20 7946 0123")
    private String phone;

    @Pattern(regexp = PHONE_PATTERN, message = "Enter a mobile number, like 07700 900123")
    private String mobile;

    @Size(max = 200, message = "Address line 1 must be 200 characters or fewer")
    private String addressLine1;

    @Size(max = 200, message = "Address line 2 must be 200 characters or fewer")
    private String addressLine2;

    @Size(max = 100, message = "Town or city must be 100 characters or fewer")
    private String town;

    @Pattern(regexp = Postcodes.FORM_PATTERN, message = "Enter a real postcode, like E1 6AN")
    private String postcode;

    private Long wardId;

    private PreferredContact preferredContact = PreferredContact.NO_PREFERENCE;

    @Size(max = 100, message = "Preferred language must be 100 characters or fewer")
    private String preferredLanguage;

    @Size(max = 2000, message = "Accessibility and vulnerability notes must be 2,000 characters or fewer")
    private String accessibilityNotes;

    private boolean consentToShare;

    private String consentDateDay;

    private String consentDateMonth;

    private String consentDateYear;

    private ConsentMethod consentMethod;

    private boolean confirmNotDuplicate;

    private boolean duplicateWarningShown;

    private long version;

    static PersonForm of(PersonDetail p) {
        PersonForm form = new PersonForm();
        form.kind = p.kind();
        form.title = p.title();
        form.firstName = p.firstName();
        form.lastName = p.lastName();
        form.organisationName = p.organisationName();
        form.email = p.email();
        form.phone = p.phone();
        form.mobile = p.mobile();
        form.addressLine1 = p.addressLine1();
        form.addressLine2 = p.addressLine2();
        form.town = p.town();
        form.postcode = p.postcode();
        form.wardId = p.wardId();
        form.preferredContact = p.preferredContact();
        form.preferredLanguage = p.preferredLanguage();
        form.accessibilityNotes = p.accessibilityNotes();
        form.consentToShare = p.consentToShare();
        if (p.consentDate() != null) {
            form.consentDateDay = String.valueOf(p.consentDate().getDayOfMonth());
            form.consentDateMonth = String.valueOf(p.consentDate().getMonthValue());
            form.consentDateYear = String.valueOf(p.consentDate().getYear());
        }
        form.consentMethod = p.consentMethod();
        form.version = p.version();
        return form;
    }

    PersonData toData() {
        return new PersonData(kind, title, firstName, lastName, organisationName, email, phone, mobile, addressLine1,
                addressLine2, town, postcode, wardId, preferredContact, preferredLanguage, accessibilityNotes,
                consentToShare, getConsentDate(), consentMethod);
    }

    /** True when any part of the consent date was typed. */
    boolean consentDateTyped() {
        return !blank(consentDateDay) || !blank(consentDateMonth) || !blank(consentDateYear);
    }

    /** The consent date typed, or null when it is missing or not a real date. */
    public LocalDate getConsentDate() {
        if (blank(consentDateDay) || blank(consentDateMonth) || blank(consentDateYear)) {
            return null;
        }
        try {
            int year = Integer.parseInt(consentDateYear.strip());
            if (year < 1900 || year > 2999) {
                return null;
            }
            return LocalDate.of(year, Integer.parseInt(consentDateMonth.strip()), Integer.parseInt(consentDateDay.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public PersonKind getKind() {
        return kind;
    }

    public void setKind(PersonKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public String getAddressLine1() {
        return addressLine1;
    }

    public void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    public String getAddressLine2() {
        return addressLine2;
    }

    public void setAddressLine2(String addressLine2) {
        this.addressLine2 = addressLine2;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public Long getWardId() {
        return wardId;
    }

    public void setWardId(Long wardId) {
        this.wardId = wardId;
    }

    public PreferredContact getPreferredContact() {
        return preferredContact;
    }

    public void setPreferredContact(PreferredContact preferredContact) {
        this.preferredContact = preferredContact;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getAccessibilityNotes() {
        return accessibilityNotes;
    }

    public void setAccessibilityNotes(String accessibilityNotes) {
        this.accessibilityNotes = accessibilityNotes;
    }

    public boolean isConsentToShare() {
        return consentToShare;
    }

    public void setConsentToShare(boolean consentToShare) {
        this.consentToShare = consentToShare;
    }

    public String getConsentDateDay() {
        return consentDateDay;
    }

    public void setConsentDateDay(String consentDateDay) {
        this.consentDateDay = consentDateDay;
    }

    public String getConsentDateMonth() {
        return consentDateMonth;
    }

    public void setConsentDateMonth(String consentDateMonth) {
        this.consentDateMonth = consentDateMonth;
    }

    public String getConsentDateYear() {
        return consentDateYear;
    }

    public void setConsentDateYear(String consentDateYear) {
        this.consentDateYear = consentDateYear;
    }

    public ConsentMethod getConsentMethod() {
        return consentMethod;
    }

    public void setConsentMethod(ConsentMethod consentMethod) {
        this.consentMethod = consentMethod;
    }

    public boolean isConfirmNotDuplicate() {
        return confirmNotDuplicate;
    }

    public void setConfirmNotDuplicate(boolean confirmNotDuplicate) {
        this.confirmNotDuplicate = confirmNotDuplicate;
    }

    public boolean isDuplicateWarningShown() {
        return duplicateWarningShown;
    }

    public void setDuplicateWarningShown(boolean duplicateWarningShown) {
        this.duplicateWarningShown = duplicateWarningShown;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
