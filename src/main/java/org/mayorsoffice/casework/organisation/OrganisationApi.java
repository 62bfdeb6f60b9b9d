package org.mayorsoffice.casework.organisation;

import java.util.List;
import java.util.Optional;

/** What other modules may ask about the council's structure. */
public interface OrganisationApi {

    /** A ward, directorate or service area: id and display name. */
    record Named(long id, String name) {}

    /** Active wards in alphabetical order (a borough has a few dozen at most). */
    List<Named> wards();

    Optional<Named> ward(long id);

    /** Active directorates in alphabetical order. */
    List<Named> directorates();
}
