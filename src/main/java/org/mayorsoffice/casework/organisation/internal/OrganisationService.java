package org.mayorsoffice.casework.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.shared.cache.ReferenceCache;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class OrganisationService implements OrganisationApi {

    /** A directorate's own row, then one row per service area with the directorate's details where it has none. */
    private static final String CONTACTS = """
            select * from (
              select d.id as directorate_id, d.name as directorate, null::bigint as service_area_id, null::text as service_area,
                     d.enquiry_email as email, d.senior_contact_name as senior_name, d.senior_contact_email as senior_email,
                     d.response_target_days as target_days, d.active as active
                from directorate d
              union all
              select d.id, d.name, s.id, s.name, coalesce(s.enquiry_email, d.enquiry_email),
                     case when s.senior_contact_email is not null then s.senior_contact_name else d.senior_contact_name end,
                     coalesce(s.senior_contact_email, d.senior_contact_email),
                     coalesce(s.response_target_days, d.response_target_days), d.active and s.active
                from service_area s join directorate d on d.id = s.directorate_id
            ) contact
            """;

    private final JdbcClient jdbc;
    /** Wards change with boundary reviews (a migration or the database, not the application): see {@link ReferenceCache}. */
    private final ReferenceCache<Wards> wards;

    /** The active wards, and the same as select choices (built once per load, not per page). */
    private record Wards(List<Named> named, List<Option> options) {}

    OrganisationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.wards = new ReferenceCache<>(() -> {
            List<Named> named = List.copyOf(jdbc.sql("select id, name from ward where active order by lower(name) limit 500")
                    .query(Named.class).list());
            return new Wards(named, named.stream().map(w -> Option.of(w.id(), w.name())).toList());
        });
    }

    /** No transaction of its own: nearly always answered from memory, otherwise one statement. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Named> wards() {
        return wards.get().named();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Option> wardOptions() {
        return wards.get().options();
    }

    @Override
    public Optional<Named> ward(long id) {
        return jdbc.sql("select id, name from ward where id = ?").param(id).query(Named.class).optional();
    }

    @Override
    public List<Named> directorates() {
        return jdbc.sql("select id, name from directorate where active order by lower(name) limit 500").query(Named.class).list();
    }

    @Override
    public List<EnquiryContact> enquiryContacts() {
        return jdbc.sql(CONTACTS + " where active order by lower(directorate), directorate_id, service_area nulls first,"
                        + " lower(service_area) limit 2000")
                .query(EnquiryContact.class).list();
    }

    @Override
    public Optional<EnquiryContact> enquiryContact(long directorateId, Long serviceAreaId) {
        return jdbc.sql(CONTACTS + " where active and directorate_id = :d and service_area_id is not distinct from :s")
                .param("d", directorateId).param("s", serviceAreaId, java.sql.Types.BIGINT)
                .query(EnquiryContact.class).optional();
    }
}
