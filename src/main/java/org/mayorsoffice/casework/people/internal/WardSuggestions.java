package org.mayorsoffice.casework.people.internal;

import java.util.Map;
import java.util.Optional;

/**
 * A small built-in guess of a ward from a Tower Hamlets postcode district. Districts cross ward
 * boundaries, so this is only ever a suggestion that the user sees and can change: it is used when
 * a new person is added without a ward, and the page says which ward was chosen and why.
 */
public final class WardSuggestions {

    private static final Map<String, String> WARD_BY_DISTRICT = Map.of(
            "E1", "Whitechapel",
            "E1W", "St Katharine's & Wapping",
            "E2", "Bethnal Green West",
            "E3", "Bow West",
            "E14", "Poplar");

    private WardSuggestions() {}

    /** The ward name suggested for the postcode's district, if the district is one we know. */
    public static Optional<String> wardNameFor(String postcode) {
        String district = Postcodes.district(postcode);
        return district == null ? Optional.empty() : Optional.ofNullable(WARD_BY_DISTRICT.get(district));
    }
}
