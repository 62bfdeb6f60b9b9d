package org.mayorsoffice.casework.cases.internal;

import java.util.List;
import org.mayorsoffice.casework.shared.cache.ReferenceCache;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The active case types and topics offered by the case list filters and forms, kept briefly ({@link ReferenceCache}). */
@Component
class CaseReferenceOptions {

    private final ReferenceCache<List<Option>> caseTypes;
    private final ReferenceCache<List<Option>> topics;

    CaseReferenceOptions(JdbcClient jdbc) {
        this.caseTypes = new ReferenceCache<>(() -> List.copyOf(jdbc.sql("select id, name from case_type where active order by name limit 200")
                .query((rs, n) -> Option.of(rs.getLong("id"), rs.getString("name"))).list()));
        this.topics = new ReferenceCache<>(() -> List.copyOf(jdbc.sql("select id, name from topic where active order by lower(name) limit 500")
                .query((rs, n) -> Option.of(rs.getLong("id"), rs.getString("name"))).list()));
    }

    List<Option> caseTypes() {
        return caseTypes.get();
    }

    List<Option> topics() {
        return topics.get();
    }

    /** A case type was added or changed (name, active). */
    void caseTypesChanged() {
        caseTypes.evict();
    }

    /** A topic was added or changed. */
    void topicsChanged() {
        topics.evict();
    }
}
