package org.mayorsoffice.casework.people.internal;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;

/** How a person or organisation is named on every page. */
public final class PersonNames {

    private PersonNames() {}

    /**
     * "Ms Jane Smith"; "Hannah Whitcombe MP"; an organisation by its name, with its contact in
     * brackets; a person who writes for an organisation as "Jane Smith, Mile End Food Bank".
     */
    public static String display(PersonKind kind, String title, String firstName, String lastName, String organisationName) {
        String personal = Stream.of(title, firstName, lastName)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        boolean hasName = !isBlank(firstName) || !isBlank(lastName);
        if (!hasName) {
            personal = "";
        }
        if (kind == PersonKind.MP && hasName && !personal.endsWith(" MP")) {
            personal = personal + " MP";
        }
        String organisation = isBlank(organisationName) ? "" : organisationName.strip();
        if (kind != null && kind.isOrganisation() && !organisation.isEmpty()) {
            return personal.isEmpty() ? organisation : organisation + " (contact: " + personal + ")";
        }
        if (personal.isEmpty()) {
            return organisation.isEmpty() ? "Unnamed" : organisation;
        }
        return organisation.isEmpty() ? personal : personal + ", " + organisation;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
