package org.mayorsoffice.casework.media.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.media.internal.MediaViews.CaseLink;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Case references typed on a media form, and the linked cases shown back (only those the user may see). */
@Component
class LinkedCases {

    static final int MAX = 10;

    private final CaseDesk cases;
    private final JdbcClient jdbc;

    LinkedCases(CaseDesk cases, JdbcClient jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** The ids of the cases, each one the user may see; blank text is no cases. */
    List<Long> resolve(String references, CurrentUser user) {
        Set<Long> ids = new LinkedHashSet<>();
        if (references == null || references.isBlank()) {
            return List.of();
        }
        for (String ref : references.toUpperCase().split("[\\s,;]+")) {
            if (ref.isBlank()) {
                continue;
            }
            Long id = cases.idByReference(ref).filter(x -> cases.summary(x, user).isPresent())
                    .orElseThrow(() -> new RuleViolationException("caseReferences",
                            "There is no case " + ref + " that you can see. Enter references like MO-2026-00042"));
            ids.add(id);
        }
        if (ids.size() > MAX) {
            throw new RuleViolationException("caseReferences", "Link at most " + MAX + " cases");
        }
        return List.copyOf(ids);
    }

    /** The linked cases the user may see, from a link table with columns (ownerColumn, case_id). */
    List<CaseLink> shown(String table, String ownerColumn, long ownerId, CurrentUser user) {
        List<Long> ids = jdbc.sql("select case_id from " + table + " where " + ownerColumn + " = ? order by case_id limit "
                        + MAX).param(ownerId).query(Long.class).list();
        List<CaseLink> links = new ArrayList<>();
        for (long id : ids) {
            cases.summary(id, user).ifPresent(c -> links.add(link(c)));
        }
        return links;
    }

    private static CaseLink link(CaseSummary c) {
        return new CaseLink(c.id(), c.reference(), c.subject());
    }
}
