package org.mayorsoffice.casework.enquiries.internal;

import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.cases.CaseClosingCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case with a members' enquiry still open cannot be closed: the directorate would go on being chased for a response
 * about a closed case, and its answer would arrive on a closed case. The caseworker records the response or withdraws
 * the enquiry (which tells the directorate no response is needed) first.
 */
@Component
class OpenEnquiriesHoldCaseOpen implements CaseClosingCheck {

    /** The enquiries named in the message; the rest are counted. */
    private static final int NAMED = 3;

    private final JdbcClient jdbc;

    OpenEnquiriesHoldCaseOpen(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Open(String reference, String recipient, long total) {}

    @Override
    public Optional<String> whyNotClose(long caseId, String caseReference) {
        List<Open> open = jdbc.sql("""
                        select reference, recipient, count(*) over () as total
                          from members_enquiry
                         where case_id = ? and status = 'OPEN'
                         order by raised_on, id
                         limit ?""")
                .params(caseId, NAMED)
                .query(Open.class)
                .list();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        long total = open.get(0).total();
        List<String> named = open.stream().map(e -> e.reference() + " to " + e.recipient()).toList();
        String list = String.join(", ", named) + (total > named.size() ? " and " + (total - named.size()) + " more" : "");
        return Optional.of(total == 1
                ? caseReference + " has an open members' enquiry (" + list + "). Record the directorate's response or"
                        + " withdraw the enquiry before closing the case"
                : caseReference + " has " + total + " open members' enquiries (" + list + "). Record each directorate's"
                        + " response or withdraw the enquiries before closing the case");
    }
}
