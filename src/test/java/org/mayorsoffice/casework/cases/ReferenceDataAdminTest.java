package org.mayorsoffice.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService.CaseTypeData;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService.TopicData;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Administrators maintain case types, topics and one-off bank holiday changes; every change is audited. */
class ReferenceDataAdminTest extends WebTest {

    /** A Thursday far enough ahead that no other test's deadlines reach it; removed again by the test. */
    private static final LocalDate FAR_DAY = LocalDate.of(2033, 7, 14);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReferenceDataService referenceData;

    @Autowired
    WorkingDayCalendar calendar;

    /** A name no other test uses, with a letters-only suffix (codes are made from the letters of a name). */
    private static String unique(String prefix) {
        StringBuilder suffix = new StringBuilder();
        for (char c : UUID.randomUUID().toString().substring(0, 8).toCharArray()) {
            suffix.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return prefix + " " + suffix;
    }

    private static MockHttpServletRequestBuilder adminPost(String path, Object... vars) {
        return post(path, vars).with(as(Role.ADMIN)).with(csrf());
    }

    private int audits(String action, long subjectId, String field, String oldValue, String newValue) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and subject_id = ? and field = ?"
                        + " and old_value is not distinct from ? and new_value is not distinct from ? and actor = 'test.admin'",
                Integer.class, action, String.valueOf(subjectId), field, oldValue, newValue);
    }

    // Case types

    @Test
    void adminAddsACaseTypeWithACodeMadeFromItsNameAndItIsAudited() throws Exception {
        String name = unique("Licensing appeal");
        mvc.perform(adminPost("/admin/case-types")
                        .param("name", "  " + name + " ").param("internalTargetDays", " 5 ").param("externalTargetDays", "12")
                        .param("active", "true"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/case-types"))
                .andExpect(flash().attribute("success", name + " case type added"));

        Map<String, Object> row = jdbc.queryForMap("select id, code, internal_target_days, external_target_days, active"
                + " from case_type where name = ?", name);
        long id = (Long) row.get("id");
        assertThat((String) row.get("code")).startsWith("LICENSING_APPEAL_").matches("^[A-Z_]{2,40}$");
        assertThat(row.get("internal_target_days")).isEqualTo(5);
        assertThat(row.get("external_target_days")).isEqualTo(12);
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(audits("case-type.created", id, "name", null, name)).isEqualTo(1);
        assertThat(audits("case-type.created", id, "externalTargetDays", null, "12")).isEqualTo(1);

        mvc.perform(get("/admin/case-types").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Response target (working days)")))
                .andExpect(content().string(containsString("MAYORS_CASEWORK")));
    }

    @Test
    void targetsMustBeWholeNumbersFrom1To200AndTheInternalOneNoLongerThanTheResponseOne() throws Exception {
        String name = unique("Target check");
        mvc.perform(adminPost("/admin/case-types").param("name", name).param("internalTargetDays", "seven")
                        .param("externalTargetDays", "").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#internalTargetDays\"")))
                .andExpect(content().string(containsString("Internal target must be a whole number from 1 to 200")))
                .andExpect(content().string(containsString("Enter the response target")))
                .andExpect(content().string(containsString("value=\"seven\"")))
                .andExpect(content().string(containsString("<title>Error: Add a case type")));
        mvc.perform(adminPost("/admin/case-types").param("name", name).param("internalTargetDays", "0")
                        .param("externalTargetDays", "10").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Internal target must be a whole number from 1 to 200")));
        mvc.perform(adminPost("/admin/case-types").param("name", name).param("internalTargetDays", "10")
                        .param("externalTargetDays", "9999999999").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Response target must be a whole number from 1 to 200")));
        mvc.perform(adminPost("/admin/case-types").param("name", name).param("internalTargetDays", "12")
                        .param("externalTargetDays", "10").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Internal target must be the same as or shorter than the response target")))
                .andExpect(content().string(containsString("value=\"12\"")))
                .andExpect(content().string(containsString("affects new cases only")));
        mvc.perform(adminPost("/admin/case-types").param("name", "").param("internalTargetDays", "5")
                        .param("externalTargetDays", "10").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the name of the case type")));
        assertThat(jdbc.queryForObject("select count(*) from case_type where name = ?", Integer.class, name)).isZero();
    }

    @Test
    void duplicateNamesAreRefusedWhateverTheirCase() throws Exception {
        mvc.perform(adminPost("/admin/case-types").param("name", "COMPLAINT").param("internalTargetDays", "5")
                        .param("externalTargetDays", "10").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A case type with this name already exists")))
                .andExpect(content().string(containsString("value=\"COMPLAINT\"")));
        long id = referenceData.createCaseType(new CaseTypeData(unique("Renamed"), 5, 10, true), "test");
        long version = jdbc.queryForObject("select version from case_type where id = ?", Long.class, id);
        mvc.perform(adminPost("/admin/case-types/{id}", id).param("name", "complaint").param("internalTargetDays", "5")
                        .param("externalTargetDays", "10").param("active", "true").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A case type with this name already exists")));
        mvc.perform(adminPost("/admin/topics").param("name", "pArKiNg").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A topic with this name already exists")));
    }

    @Test
    void aCaseTypeAddedOrWithdrawnIsOfferedOrNoLongerOfferedAtOnceByTheCaseListFilter() throws Exception {
        // The case list's filter offers the active case types from memory (reference data is kept briefly): an edit
        // through the admin pages must show on the next page view, not a minute later.
        mvc.perform(get("/cases/mine").with(as(Role.CASEWORKER))).andExpect(status().isOk());
        String name = unique("Filterable type");
        mvc.perform(adminPost("/admin/case-types").param("name", name).param("internalTargetDays", "5")
                        .param("externalTargetDays", "10").param("active", "true"))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/mine").with(as(Role.CASEWORKER)))
                .andExpect(content().string(containsString(">" + name + "</option>")));

        long id = jdbc.queryForObject("select id from case_type where name = ?", Long.class, name);
        long version = jdbc.queryForObject("select version from case_type where id = ?", Long.class, id);
        mvc.perform(adminPost("/admin/case-types/{id}", id).param("name", name).param("internalTargetDays", "5")
                        .param("externalTargetDays", "10").param("active", "false").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(get("/cases/mine").with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
    }

    @Test
    void editingACaseTypeKeepsItsCodeAuditsOldAndNewAndCanDeactivateIt() throws Exception {
        String name = unique("Editable type");
        long id = referenceData.createCaseType(new CaseTypeData(name, 5, 10, true), "test");
        String code = jdbc.queryForObject("select code from case_type where id = ?", String.class, id);
        long version = jdbc.queryForObject("select version from case_type where id = ?", Long.class, id);

        mvc.perform(get("/admin/case-types/{id}/edit", id).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("value=\"" + name + "\"")));

        String renamed = unique("Renamed type");
        mvc.perform(adminPost("/admin/case-types/{id}", id).param("name", renamed).param("internalTargetDays", "6")
                        .param("externalTargetDays", "15").param("active", "false").param("version", String.valueOf(version)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/case-types"));

        Map<String, Object> row = jdbc.queryForMap("select code, name, internal_target_days, external_target_days, active"
                + " from case_type where id = ?", id);
        assertThat(row).containsEntry("code", code).containsEntry("name", renamed).containsEntry("internal_target_days", 6)
                .containsEntry("external_target_days", 15).containsEntry("active", false);
        assertThat(audits("case-type.updated", id, "name", name, renamed)).isEqualTo(1);
        assertThat(audits("case-type.updated", id, "internalTargetDays", "5", "6")).isEqualTo(1);
        assertThat(audits("case-type.updated", id, "externalTargetDays", "10", "15")).isEqualTo(1);
        assertThat(audits("case-type.updated", id, "active", "true", "false")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_type = 'case-type' and subject_id = ?"
                + " and field = 'code' and action = 'case-type.updated'", Integer.class, String.valueOf(id))).isZero();

        mvc.perform(get("/admin/case-types").with(as(Role.ADMIN)))
                .andExpect(content().string(containsString(renamed)))
                .andExpect(content().string(containsString("Inactive")));
    }

    @Test
    void theSecondOfTwoConcurrentCaseTypeEditsIsRefusedAndKeepsWhatTheyTyped() throws Exception {
        String name = unique("Contested type");
        long id = referenceData.createCaseType(new CaseTypeData(name, 5, 10, true), "test");
        long version = jdbc.queryForObject("select version from case_type where id = ?", Long.class, id);

        mvc.perform(adminPost("/admin/case-types/{id}", id).param("name", name + " first").param("internalTargetDays", "5")
                        .param("externalTargetDays", "10").param("active", "true").param("version", String.valueOf(version)))
                .andExpect(status().isFound());
        mvc.perform(adminPost("/admin/case-types/{id}", id).param("name", name + " second").param("internalTargetDays", "8")
                        .param("externalTargetDays", "11").param("active", "true").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this case type while you were editing it")))
                .andExpect(content().string(containsString("value=\"" + name + " second\"")))
                .andExpect(content().string(containsString("value=\"8\"")))
                .andExpect(content().string(containsString("value=\"11\"")))
                .andExpect(content().string(containsString("value=\"" + (version + 1) + "\"")));
        assertThat(jdbc.queryForMap("select name, internal_target_days from case_type where id = ?", id))
                .containsEntry("name", name + " first").containsEntry("internal_target_days", 5);
    }

    // Topics

    @Test
    void adminAddsEditsAndDeactivatesATopicAndConcurrentEditsAreRefused() throws Exception {
        String name = unique("Street lighting");
        mvc.perform(adminPost("/admin/topics").param("name", name).param("active", "true"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/topics"))
                .andExpect(flash().attribute("success", name + " topic added"));
        long id = jdbc.queryForObject("select id from topic where name = ?", Long.class, name);
        assertThat(audits("topic.created", id, "name", null, name)).isEqualTo(1);
        mvc.perform(get("/admin/topics").with(as(Role.ADMIN)))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Housing repairs")));

        mvc.perform(get("/admin/topics/{id}/edit", id).with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + name + "\"")));
        String renamed = name + " and signs";
        mvc.perform(adminPost("/admin/topics/{id}", id).param("name", renamed).param("active", "false").param("version", "0"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select name, active, version from topic where id = ?", id))
                .containsEntry("name", renamed).containsEntry("active", false).containsEntry("version", 1L);
        assertThat(audits("topic.updated", id, "name", name, renamed)).isEqualTo(1);
        assertThat(audits("topic.updated", id, "active", "true", "false")).isEqualTo(1);

        mvc.perform(adminPost("/admin/topics/{id}", id).param("name", "Typed by the second editor").param("active", "true")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this topic while you were editing it")))
                .andExpect(content().string(containsString("value=\"Typed by the second editor\"")));
        assertThat(jdbc.queryForObject("select name from topic where id = ?", String.class, id)).isEqualTo(renamed);

        mvc.perform(adminPost("/admin/topics").param("name", " ").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter the name of the topic")));
    }

    @Test
    void unknownRecordsAnswer404() throws Exception {
        mvc.perform(get("/admin/case-types/999999/edit").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/topics/999999/edit").with(as(Role.ADMIN))).andExpect(status().isNotFound());
        mvc.perform(adminPost("/admin/bank-holidays/999999/remove")).andExpect(status().isNotFound());
    }

    // Bank holidays

    @Test
    void adminAddsAndRemovesAOneOffBankHolidayAndBothAreAudited() throws Exception {
        int thisYear = jdbc.queryForObject("select extract(year from now() at time zone 'Europe/London')::int", Integer.class);
        mvc.perform(get("/admin/bank-holidays").with(as(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bank holidays in " + thisYear)))
                .andExpect(content().string(containsString("Bank holidays in " + (thisYear + 1))))
                .andExpect(content().string(containsString("Bank holiday for the coronation of King Charles III")))
                .andExpect(content().string(not(containsString("Thursday 14 July 2033"))));
        assertThat(calendar.isWorkingDay(FAR_DAY)).isTrue();

        try {
            mvc.perform(adminPost("/admin/bank-holidays").param("dayDay", "14").param("dayMonth", "7").param("dayYear", "2033")
                            .param("kind", "EXTRA_HOLIDAY").param("description", "Test jubilee bank holiday"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/admin/bank-holidays"))
                    .andExpect(flash().attribute("success", "Thursday 14 July 2033 added: extra bank holiday"));
            long id = jdbc.queryForObject("select id from bank_holiday_exception where day = ?", Long.class, FAR_DAY);
            assertThat(jdbc.queryForObject("select created_by from bank_holiday_exception where id = ?", String.class, id))
                    .isEqualTo("test.admin");
            assertThat(calendar.isWorkingDay(FAR_DAY)).isFalse();
            assertThat(audits("bank-holiday.added", id, "day", null, "2033-07-14")).isEqualTo(1);
            assertThat(audits("bank-holiday.added", id, "kind", null, "EXTRA_HOLIDAY")).isEqualTo(1);
            mvc.perform(get("/admin/bank-holidays").with(as(Role.ADMIN)))
                    .andExpect(content().string(containsString("Thursday 14 July 2033")))
                    .andExpect(content().string(containsString("Test jubilee bank holiday")))
                    .andExpect(content().string(containsString("/admin/bank-holidays/" + id + "/remove")));

            // The calendar's own rules, shown on the field.
            mvc.perform(adminPost("/admin/bank-holidays").param("dayDay", "14").param("dayMonth", "7").param("dayYear", "2033")
                            .param("kind", "EXTRA_HOLIDAY").param("description", "Again"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("href=\"#day\">This date is already in the list")))
                    .andExpect(content().string(containsString("id=\"day-error\"")))
                    .andExpect(content().string(containsString("value=\"Again\"")));
            mvc.perform(adminPost("/admin/bank-holidays").param("dayDay", "16").param("dayMonth", "7").param("dayYear", "2033")
                            .param("kind", "EXTRA_HOLIDAY").param("description", "A Saturday"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("An extra bank holiday must be on a weekday")));
            mvc.perform(adminPost("/admin/bank-holidays").param("dayDay", "13").param("dayMonth", "7").param("dayYear", "2033")
                            .param("kind", "NOT_A_HOLIDAY").param("description", "Not a usual bank holiday"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("This date is not a usual bank holiday, so it cannot be moved")));

            mvc.perform(adminPost("/admin/bank-holidays/{id}/remove", id))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/admin/bank-holidays"))
                    .andExpect(flash().attribute("success", "The change for 14 July 2033 has been removed"));
            assertThat(jdbc.queryForObject("select count(*) from bank_holiday_exception where id = ?", Integer.class, id)).isZero();
            assertThat(calendar.isWorkingDay(FAR_DAY)).isTrue();
            assertThat(audits("bank-holiday.removed", id, "day", "2033-07-14", null)).isEqualTo(1);
            assertThat(audits("bank-holiday.removed", id, "description", "Test jubilee bank holiday", null)).isEqualTo(1);
        } finally {
            jdbc.queryForList("select id from bank_holiday_exception where day = ?", Long.class, FAR_DAY)
                    .forEach(leftOver -> calendar.removeException(leftOver, "test"));
        }
    }

    @Test
    void theBankHolidayFormExplainsWhatIsMissingAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(adminPost("/admin/bank-holidays"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Bank holidays")))
                .andExpect(content().string(containsString("href=\"#day\">Enter the date")))
                .andExpect(content().string(containsString("href=\"#kind\">Select what kind of day it is")))
                .andExpect(content().string(containsString("href=\"#description\">Enter a description")));
        mvc.perform(adminPost("/admin/bank-holidays").param("dayDay", "31").param("dayMonth", "2").param("dayYear", "2033")
                        .param("kind", "EXTRA_HOLIDAY").param("description", "Typed description"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date must be a real date")))
                .andExpect(content().string(containsString("value=\"31\"")))
                .andExpect(content().string(containsString("value=\"Typed description\"")));
        assertThat(jdbc.queryForObject("select count(*) from bank_holiday_exception where description = 'Typed description'",
                Integer.class)).isZero();
    }

    // Access

    @Test
    void onlyAdministratorsMayUseThesePages() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            for (String path : List.of("/admin/case-types", "/admin/case-types/new", "/admin/topics", "/admin/topics/new",
                    "/admin/bank-holidays")) {
                mvc.perform(get(path).with(as(role))).andExpect(status().isForbidden());
            }
            mvc.perform(post("/admin/case-types").with(as(role)).with(csrf()).param("name", "Sneaky")
                            .param("internalTargetDays", "1").param("externalTargetDays", "2"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/topics").with(as(role)).with(csrf()).param("name", "Sneaky topic"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/bank-holidays").with(as(role)).with(csrf()).param("dayDay", "14").param("dayMonth", "7")
                            .param("dayYear", "2033").param("kind", "EXTRA_HOLIDAY").param("description", "Sneaky"))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select count(*) from topic where name = 'Sneaky topic'", Integer.class)).isZero();
        for (String path : List.of("/admin/case-types", "/admin/topics", "/admin/bank-holidays")) {
            mvc.perform(get(path).with(as(Role.ADMIN))).andExpect(status().isOk());
        }
        mvc.perform(get("/admin").with(as(Role.ADMIN)))
                .andExpect(content().string(containsString("href=\"/admin/case-types\"")))
                .andExpect(content().string(containsString("href=\"/admin/topics\"")))
                .andExpect(content().string(containsString("href=\"/admin/bank-holidays\"")));
    }
}
