package org.mayorsoffice.casework.cases.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

/** The rules for a case type's targets and for the code made from its name. Pure: no Spring, no database. */
public final class CaseTypeRules {

    public static final int MIN_TARGET_DAYS = 1;
    public static final int MAX_TARGET_DAYS = 200;

    /** Matches the {@code case_type.code} check: 2 to 40 upper-case letters and underscores. */
    static final int MAX_CODE = 40;
    private static final int MAX_BASE = MAX_CODE - 4; // room for "_" and a suffix of up to 3 letters

    private CaseTypeRules() {}

    /** Both targets 1 to 200 working days, and the internal one no later than the response one. */
    public static void checkTargets(int internalTargetDays, int externalTargetDays) {
        if (!inRange(internalTargetDays)) {
            throw new RuleViolationException("internalTargetDays", "Internal target must be a whole number from "
                    + MIN_TARGET_DAYS + " to " + MAX_TARGET_DAYS);
        }
        if (!inRange(externalTargetDays)) {
            throw new RuleViolationException("externalTargetDays", "Response target must be a whole number from "
                    + MIN_TARGET_DAYS + " to " + MAX_TARGET_DAYS);
        }
        if (internalTargetDays > externalTargetDays) {
            throw new RuleViolationException("internalTargetDays",
                    "Internal target must be the same as or shorter than the response target");
        }
    }

    private static boolean inRange(int days) {
        return days >= MIN_TARGET_DAYS && days <= MAX_TARGET_DAYS;
    }

    /**
     * The code for a new case type: the name in upper-case letters with underscores between words
     * ("Mayor's casework" gives {@code MAYORS_CASEWORK}); when that is taken, {@code _B}, {@code _C}, ...
     * is added. Accents are dropped; a name with fewer than two letters gets a {@code _TYPE} ending.
     */
    public static String code(String name, Predicate<String> taken) {
        String base = baseCode(name);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "_" + letters(n);
        }
        return candidate;
    }

    static String baseCode(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code = ascii.replaceAll("['\u2019]", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]+", "_")
                .replaceAll("^_+|_+$", "");
        if (code.length() > MAX_BASE) {
            code = code.substring(0, MAX_BASE).replaceAll("_+$", "");
        }
        if (code.isEmpty()) {
            return "CASE_TYPE";
        }
        return code.length() < 2 ? code + "_TYPE" : code;
    }

    /** 1 = A, 26 = Z, 27 = AA, ... (bijective base 26), since codes may not contain digits. */
    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = n; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }
}
