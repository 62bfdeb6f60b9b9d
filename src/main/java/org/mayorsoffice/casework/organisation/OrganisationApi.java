package org.mayorsoffice.casework.organisation;

import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.shared.web.Option;

/** What other modules may ask about the council's structure. */
public interface OrganisationApi {

    /** A ward, directorate or service area: id and display name. */
    record Named(long id, String name) {}

    /**
     * Where a members' enquiry goes: a directorate, or one of its service areas with the directorate's
     * details filled in where the service area leaves them blank.
     *
     * @param email the enquiry contact address, or null when none is recorded (no enquiry can be sent)
     * @param seniorName the senior contact chasers escalate to, or null
     * @param seniorEmail the senior contact's address, or null
     * @param targetDays the response target in working days
     */
    record EnquiryContact(long directorateId, String directorate, Long serviceAreaId, String serviceArea, String email,
            String seniorName, String seniorEmail, int targetDays) {

        /** "Housing & Regeneration" or "Housing & Regeneration: Housing Management and Repairs". */
        public String label() {
            return serviceArea == null ? directorate : directorate + ": " + serviceArea;
        }

        /** The value a form uses for this contact: "12" for a directorate, "12:34" for a service area. */
        public String key() {
            return serviceAreaId == null ? String.valueOf(directorateId) : directorateId + ":" + serviceAreaId;
        }
    }

    /** Active wards in alphabetical order (a borough has a few dozen at most). */
    List<Named> wards();

    /** The same wards as choices for a select (value: the ward's id). */
    List<Option> wardOptions();

    Optional<Named> ward(long id);

    /** Active directorates in alphabetical order. */
    List<Named> directorates();

    /**
     * Every active directorate followed by its active service areas, directorates in alphabetical order
     * (a few hundred rows at most).
     */
    List<EnquiryContact> enquiryContacts();

    /**
     * The contact for a directorate ({@code serviceAreaId} null) or one of its service areas; empty when either
     * does not exist, is inactive, or the service area belongs to another directorate.
     */
    Optional<EnquiryContact> enquiryContact(long directorateId, Long serviceAreaId);
}
