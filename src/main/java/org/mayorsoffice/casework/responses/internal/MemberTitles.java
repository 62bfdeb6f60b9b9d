package org.mayorsoffice.casework.responses.internal;

import java.util.List;
import org.mayorsoffice.casework.identity.MemberOffice;

/** A member's title as it appears under their signature: "Mayor of Tower Hamlets", "Cabinet Member for Housing". */
public final class MemberTitles {

    private MemberTitles() {}

    public static String title(MemberOffice office, List<String> portfolios, String placeName) {
        String held = portfolios == null || portfolios.isEmpty() ? null : joined(portfolios);
        return switch (office) {
            case MAYOR -> "Mayor of " + placeName;
            case DEPUTY_MAYOR -> held == null ? "Deputy Mayor" : "Deputy Mayor and Cabinet Member for " + held;
            case CABINET_MEMBER -> held == null ? "Cabinet Member" : "Cabinet Member for " + held;
        };
    }

    private static String joined(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
