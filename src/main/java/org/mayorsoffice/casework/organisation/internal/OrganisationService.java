package org.mayorsoffice.casework.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class OrganisationService implements OrganisationApi {

    private final JdbcClient jdbc;

    OrganisationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Named> wards() {
        return jdbc.sql("select id, name from ward where active order by lower(name) limit 500").query(Named.class).list();
    }

    @Override
    public Optional<Named> ward(long id) {
        return jdbc.sql("select id, name from ward where id = ?").param(id).query(Named.class).optional();
    }

    @Override
    public List<Named> directorates() {
        return jdbc.sql("select id, name from directorate where active order by lower(name) limit 500").query(Named.class).list();
    }
}
