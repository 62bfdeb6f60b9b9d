package org.mayorsoffice.casework.people.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcodes: the format check, the one stored form ("E1 6AN") and the district ("E1"). */
public final class Postcodes {

    /**
     * What a form accepts (any case, any spacing, or empty): outward code of one or two letters, a
     * digit and an optional letter or digit, then the inward code of a digit and two letters.
     */
    public static final String FORM_PATTERN = "^\\s*$|^\\s*[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\\s*[0-9][A-Za-z]{2}\\s*$";

    private static final Pattern POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");
    private static final Pattern PARTIAL = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9][A-Z]?)?$");

    private Postcodes() {}

    public static boolean isValid(String text) {
        return text != null && POSTCODE.matcher(compact(text)).matches();
    }

    /** "e16an", " E1  6an " become "E1 6AN"; blank becomes null; anything not a postcode is returned trimmed. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String compact = compact(text);
        var matcher = POSTCODE.matcher(compact);
        return matcher.matches() ? matcher.group(1) + " " + matcher.group(2) : text.trim();
    }

    /** The outward code ("E1W" of "E1W 1AA"), or null when the text is not a postcode. */
    public static String district(String postcode) {
        String normalised = normalise(postcode);
        return isValid(normalised) ? normalised.substring(0, normalised.indexOf(' ')) : null;
    }

    /**
     * A LIKE pattern for searching stored postcodes: "E1 6AN" exactly, "E1" as a district ("E1 %",
     * not E14), "E1 6" as a sector; null when the text is not a postcode or the start of one.
     */
    public static String searchPattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (isValid(text)) {
            return normalise(text);
        }
        String spaced = text.trim().toUpperCase(Locale.UK).replaceAll("\\s+", " ");
        if (!PARTIAL.matcher(spaced).matches()) {
            return null;
        }
        return spaced.contains(" ") ? spaced + "%" : spaced + " %";
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "").toUpperCase(Locale.UK);
    }
}
