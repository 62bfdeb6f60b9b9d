package org.mayorsoffice.casework.diary;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stakeholder directory: an organisation's page lists the other contacts the directory holds for it. */
class StakeholdersTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private long person(String kind, String first, String last, String organisation) {
        return jdbc.queryForObject("insert into person (kind, first_name, last_name, organisation_name, created_by)"
                + " values (?, ?, ?, ?, 'test') returning id", Long.class, kind, first, last, organisation);
    }

    @Test
    void anOrganisationsPageListsItsOtherContacts() throws Exception {
        String organisation = "Poplar Tenants Forum " + UUID.randomUUID().toString().substring(0, 6);
        long forum = person("ORGANISATION", "Grace", "Adebayo", organisation);
        person("RESIDENT", "Tariq", "Malik", organisation.toUpperCase());
        person("RESIDENT", "Olu", "Stranger", "Another Forum " + organisation);

        mvc.perform(get("/stakeholders/{id}", forum).with(user(accounts.loadUserByUsername("support"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Others at the same organisation")))
                .andExpect(content().string(containsString("Tariq Malik")))
                .andExpect(content().string(not(containsString("Olu Stranger"))));
    }
}
