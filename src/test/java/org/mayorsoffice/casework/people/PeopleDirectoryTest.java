package org.mayorsoffice.casework.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mayorsoffice.casework.people.PersonBuilder.aResident;
import static org.mayorsoffice.casework.people.PersonBuilder.uniqueName;
import static org.mayorsoffice.casework.people.PersonBuilder.uniquePostcode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.people.internal.PeopleService;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The people directory through its pages, against the real application and database. */
@RecordApplicationEvents
class PeopleDirectoryTest extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PeopleService service;

    @Autowired
    PeopleApi api;

    @Autowired
    ApplicationEvents events;

    private long count() {
        return jdbc.queryForObject("select count(*) from person", Long.class);
    }

    private static MockHttpServletRequestBuilder addPerson(String firstName, String lastName, String email, String postcode) {
        return post("/people").with(as(Role.CASEWORKER)).with(csrf())
                .param("kind", "RESIDENT")
                .param("firstName", firstName)
                .param("lastName", lastName)
                .param("email", email)
                .param("postcode", postcode)
                .param("preferredContact", "NO_PREFERENCE");
    }

    @Test
    void invalidInputIsAnsweredWithTheErrorSummaryAndKeepsWhatWasTyped() throws Exception {
        long before = count();
        mvc.perform(addPerson("Typedfirst", "", "typed@example.org", "NOT A POSTCODE")
                        .param("accessibilityNotes", "Typed notes").param("phone", "call me"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Add a person")))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#lastName\"")))
                .andExpect(content().string(containsString("Enter a last name, or an organisation name")))
                .andExpect(content().string(containsString("href=\"#postcode\"")))
                .andExpect(content().string(containsString("Enter a real postcode, like E1 6AN")))
                .andExpect(content().string(containsString("Enter a phone number, like 020 7946 0123")))
                .andExpect(content().string(containsString("value=\"Typedfirst\"")))
                .andExpect(content().string(containsString("value=\"typed@example.org\"")))
                .andExpect(content().string(containsString("value=\"NOT A POSTCODE\"")))
                .andExpect(content().string(containsString("Typed notes</textarea>")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void consentNeedsADateInThePastAndAMethod() throws Exception {
        mvc.perform(addPerson("Consent", uniqueName("Test"), "", "").param("consentToShare", "true")
                        .param("consentDateDay", "31").param("consentDateMonth", "2").param("consentDateYear", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date consent was given must be a real date")))
                .andExpect(content().string(containsString("Select how consent was given")))
                .andExpect(content().string(containsString("value=\"31\"")));
        LocalDate tomorrow = LocalDate.now().plusDays(2);
        mvc.perform(addPerson("Consent", uniqueName("Test"), "", "").param("consentToShare", "true")
                        .param("consentMethod", "VERBAL")
                        .param("consentDateDay", String.valueOf(tomorrow.getDayOfMonth()))
                        .param("consentDateMonth", String.valueOf(tomorrow.getMonthValue()))
                        .param("consentDateYear", String.valueOf(tomorrow.getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date consent was given must be today or in the past")));
    }

    @Test
    void aPersonIsSavedWithANormalisedPostcodeAndASuggestedWardAndTheCreationIsAudited() throws Exception {
        String last = uniqueName("Ward");
        mvc.perform(addPerson("Ada", last, "", "e1  6an"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/people/*"))
                .andExpect(flash().attribute("success", containsString("Ward set to Whitechapel from the postcode")));
        assertThat(jdbc.queryForObject("select p.postcode || ' ' || w.name from person p join ward w on w.id = p.ward_id"
                + " where p.last_name = ?", String.class, last)).isEqualTo("E1 6AN Whitechapel");
        long id = jdbc.queryForObject("select id from person where last_name = ?", Long.class, last);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.created' and subject_id = ?"
                + " and field = 'postcode' and new_value = 'E1 6AN'", Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aDuplicateEmailIsWarnedAboutAndSavedOnlyWhenConfirmed() throws Exception {
        String email = uniqueName("dup").toLowerCase() + "@example.org";
        long existing = service.create(aResident("Existing", uniqueName("Person")).email(email).build(), "test").id();
        long before = count();

        mvc.perform(addPerson("Other", uniqueName("Person"), email.toUpperCase(), ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This person may already be in the directory")))
                .andExpect(content().string(containsString("href=\"/people/" + existing + "\"")))
                .andExpect(content().string(containsString("Save as a new person anyway")))
                .andExpect(content().string(not(containsString("There is a problem"))));
        assertThat(count()).isEqualTo(before);

        mvc.perform(addPerson("Other", uniqueName("Person"), email.toUpperCase(), "")
                        .param("duplicateWarningShown", "true").param("confirmNotDuplicate", "true"))
                .andExpect(status().isFound());
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void theSameLastNameAndPostcodeIsADuplicateUntilTheUserConfirms() throws Exception {
        String last = uniqueName("Samename");
        String postcode = uniquePostcode();
        long existing = service.create(aResident("First", last).postcode(postcode).build(), "test").id();
        long before = count();

        mvc.perform(addPerson("Second", last.toUpperCase(), "", postcode.toLowerCase().replace(" ", "")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This person may already be in the directory")))
                .andExpect(content().string(containsString("href=\"/people/" + existing + "\"")));
        mvc.perform(addPerson("Second", last.toUpperCase(), "", postcode).param("duplicateWarningShown", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#confirmNotDuplicate\"")))
                .andExpect(content().string(containsString("if this is not one of the people listed")))
                .andExpect(content().string(containsString("value=\"Second\"")));
        assertThat(count()).isEqualTo(before);
        mvc.perform(addPerson("Second", last.toUpperCase(), "", postcode)
                        .param("duplicateWarningShown", "true").param("confirmNotDuplicate", "true"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from person where lower(last_name) = lower(?)", Integer.class, last))
                .isEqualTo(2);
    }

    @Test
    void searchFindsPeopleByPartOfTheirNameByPostcodeByEmailAndByPhone() throws Exception {
        String last = uniqueName("Quaddle");
        String postcode = uniquePostcode();
        String digits = String.valueOf(1000 + new java.util.Random().nextInt(9000));
        long id = service.create(aResident("Zephyrine", last).postcode(postcode).email(last.toLowerCase() + "@example.org")
                .phone("020 8123 " + digits).build(), "test").id();
        String middle = last.substring(3, 12).toLowerCase();

        mvc.perform(get("/people").param("q", middle).with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/people/" + id + "\"")))
                .andExpect(content().string(containsString("1 person matching")));
        mvc.perform(get("/people").param("q", "zephyrine " + middle).with(as(Role.COORDINATOR)))
                .andExpect(content().string(containsString("href=\"/people/" + id + "\"")));
        mvc.perform(get("/people").param("q", postcode.replace(" ", "").toLowerCase()).with(as(Role.CASEWORKER)))
                .andExpect(content().string(containsString("href=\"/people/" + id + "\"")));
        mvc.perform(get("/people").param("q", "Nobody" + middle).with(as(Role.CASEWORKER)))
                .andExpect(content().string(containsString("Nobody matches")));

        assertThat(api.search(middle, 10)).extracting(PersonSummary::id).containsExactly(id);
        assertThat(api.search(postcode, 10)).extracting(PersonSummary::id).contains(id);
        assertThat(api.search(last.toLowerCase() + "@exa", 10)).extracting(PersonSummary::id).containsExactly(id);
        assertThat(api.search("+44 20 8123 " + digits, 10)).extracting(PersonSummary::id).contains(id);
        assertThat(api.search("  ", 10)).isEmpty();
        assertThat(api.search("a", 500)).hasSizeLessThanOrEqualTo(PeopleApi.MAX_SEARCH_RESULTS);
        assertThat(api.search("100%_\\", 10)).isEmpty();
    }

    @Test
    void theListShowsTwentyFivePeopleAPageSortedByName() throws Exception {
        for (int i = 0; i < 3; i++) {
            service.create(aResident("Page", uniqueName("Filler")).build(), "test");
        }
        long visible = jdbc.queryForObject("select count(*) from person where merged_into_id is null", Long.class);
        assertThat(visible).isGreaterThan(50);
        String first = mvc.perform(get("/people").with(as(Role.CABINET_SUPPORT_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(visible + " people")))
                .andExpect(content().string(containsString("href=\"/people?page=2\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(personLinks(first)).hasSize(25);
        String second = mvc.perform(get("/people?page=2").with(as(Role.HEAD_OF_OFFICE)))
                .andReturn().getResponse().getContentAsString();
        assertThat(personLinks(second)).hasSize(25).doesNotContainAnyElementsOf(personLinks(first));
        String expectedFirst = jdbc.queryForObject("select id from person where merged_into_id is null"
                + " order by lower(coalesce(last_name, organisation_name)), lower(coalesce(first_name, '')), id limit 1",
                String.class);
        assertThat(personLinks(first).get(0)).isEqualTo(expectedFirst);
        mvc.perform(get("/people?page=9999").with(as(Role.CASEWORKER))).andExpect(status().isOk());
    }

    @Test
    void detailsShowSensitiveNotesButListsNeverDo() throws Exception {
        String last = uniqueName("Notes");
        long id = service.create(aResident("Sensitive", last).notes("Needs a quiet room. Secretword" + last).build(), "test").id();
        mvc.perform(get("/people/{id}", id).with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sensitive")))
                .andExpect(content().string(containsString("Accessibility and vulnerability notes")))
                .andExpect(content().string(containsString("Secretword" + last)))
                .andExpect(content().string(not(containsString("Merge a duplicate into this record"))));
        mvc.perform(get("/people").param("q", last).with(as(Role.CASEWORKER)))
                .andExpect(content().string(containsString("href=\"/people/" + id + "\"")))
                .andExpect(content().string(not(containsString("Secretword"))));
        assertThat(jdbc.queryForList("select new_value from audit_event where subject_type = 'person' and subject_id = ?",
                String.class, String.valueOf(id))).noneMatch(v -> v != null && v.contains("Secretword"));
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndKeepsWhatTheyTyped() throws Exception {
        String last = uniqueName("Edit");
        long id = service.create(aResident("Original", last).build(), "test").id();
        long version = jdbc.queryForObject("select version from person where id = ?", Long.class, id);

        mvc.perform(edit(id, version, "Firsteditor", last)).andExpect(status().isFound()).andExpect(redirectedUrl("/people/" + id));
        mvc.perform(edit(id, version, "Secondeditor", last))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this person while you were editing it")))
                .andExpect(content().string(containsString("value=\"Secondeditor\"")));
        assertThat(jdbc.queryForObject("select first_name from person where id = ?", String.class, id)).isEqualTo("Firsteditor");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.updated' and subject_id = ?"
                + " and field = 'firstName' and old_value = 'Original' and new_value = 'Firsteditor'", Integer.class,
                String.valueOf(id))).isEqualTo(1);
        mvc.perform(get("/people/{id}/edit", id).with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Firsteditor\"")));
    }

    private static MockHttpServletRequestBuilder edit(long id, long version, String firstName, String lastName) {
        return post("/people/{id}", id).with(as(Role.CASEWORKER)).with(csrf())
                .param("kind", "RESIDENT").param("firstName", firstName).param("lastName", lastName)
                .param("preferredContact", "NO_PREFERENCE").param("consentToShare", "false")
                .param("version", String.valueOf(version));
    }

    @Test
    void aCoordinatorMergesADuplicateWhichLeavesListsAndSearchAndIsAudited() throws Exception {
        String last = uniqueName("Merge");
        long kept = service.create(aResident("Keeper", last).build(), "test").id();
        String email = last.toLowerCase() + "@example.net";
        long duplicate = service.create(aResident("Keeper", last).email(email).phone("020 7946 0555")
                .consented(LocalDate.of(2025, 3, 1), ConsentMethod.IN_WRITING).build(), "test").id();

        mvc.perform(get("/people/{id}/merge", kept).with(as(Role.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Which record is the duplicate?")))
                .andExpect(content().string(containsString("value=\"" + duplicate + "\"")));
        mvc.perform(post("/people/{id}/merge", kept).with(as(Role.COORDINATOR)).with(csrf()).param("q", last))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Select the duplicate record")));
        mvc.perform(post("/people/{id}/merge", kept).with(as(Role.COORDINATOR)).with(csrf())
                        .param("duplicateId", String.valueOf(duplicate)).param("q", last))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Check and merge these records")))
                .andExpect(content().string(containsString("Record to keep")))
                .andExpect(content().string(containsString(email)));
        assertThat(jdbc.queryForObject("select merged_into_id from person where id = ?", Long.class, duplicate)).isNull();

        mvc.perform(post("/people/{id}/merge", kept).with(as(Role.HEAD_OF_OFFICE)).with(csrf())
                        .param("duplicateId", String.valueOf(duplicate)).param("confirm", "true")
                        .param("keptVersion", "0").param("duplicateVersion", "0"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + kept))
                .andExpect(flash().attribute("success", containsString("Filled in from the duplicate: email, phone, consent")));

        assertThat(jdbc.queryForObject("select merged_into_id from person where id = ?", Long.class, duplicate)).isEqualTo(kept);
        assertThat(jdbc.queryForObject("select email from person where id = ?", String.class, kept)).isEqualTo(email);
        assertThat(jdbc.queryForObject("select consent_to_share from person where id = ?", Boolean.class, kept)).isTrue();
        assertThat(events.stream(PeopleMerged.class)).containsExactly(new PeopleMerged(kept, duplicate, "test.head_of_office"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.merged' and subject_id = ?"
                + " and detail like ?", Integer.class, String.valueOf(kept), "Person " + duplicate + " % merged into person " + kept + " %"))
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'person.merged' and subject_id = ?"
                + " and field = 'email' and new_value = ?", Integer.class, String.valueOf(kept), email)).isEqualTo(1);

        String list = mvc.perform(get("/people").param("q", last).with(as(Role.CASEWORKER)))
                .andReturn().getResponse().getContentAsString();
        assertThat(personLinks(list)).containsExactly(String.valueOf(kept));
        assertThat(api.search(last, 10)).extracting(PersonSummary::id).containsExactly(kept);
        assertThat(api.summary(duplicate)).map(PersonSummary::id).contains(kept);
        assertThat(api.summaries(List.of(duplicate, kept, 987654321L))).extracting(PersonSummary::id).containsExactly(kept);
        mvc.perform(get("/people/{id}", duplicate).with(as(Role.CASEWORKER)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + kept));

        // A record already merged cannot be merged again.
        mvc.perform(post("/people/{id}/merge", kept).with(as(Role.COORDINATOR)).with(csrf())
                        .param("duplicateId", String.valueOf(duplicate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already been merged")));
    }

    @Test
    void aStaleMergeConfirmationIsRefused() throws Exception {
        String last = uniqueName("Stale");
        long kept = service.create(aResident("Keeper", last).build(), "test").id();
        long duplicate = service.create(aResident("Dupe", last).build(), "test").id();
        mvc.perform(edit(duplicate, 0, "Changed", last)).andExpect(status().isFound());
        mvc.perform(post("/people/{id}/merge", kept).with(as(Role.COORDINATOR)).with(csrf())
                        .param("duplicateId", String.valueOf(duplicate)).param("confirm", "true")
                        .param("keptVersion", "0").param("duplicateVersion", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed one of these records")))
                .andExpect(content().string(containsString("Changed")));
        assertThat(jdbc.queryForObject("select merged_into_id from person where id = ?", Long.class, duplicate)).isNull();
    }

    @Test
    void caseworkersMayNotMerge() throws Exception {
        long kept = service.create(aResident("Keeper", uniqueName("Refused")).build(), "test").id();
        long duplicate = service.create(aResident("Keeper", uniqueName("Refused")).build(), "test").id();
        mvc.perform(get("/people/{id}/merge", kept).with(as(Role.CASEWORKER))).andExpect(status().isForbidden());
        mvc.perform(post("/people/{id}/merge", kept).with(as(Role.CASEWORKER)).with(csrf())
                        .param("duplicateId", String.valueOf(duplicate)).param("confirm", "true")
                        .param("keptVersion", "0").param("duplicateVersion", "0"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select merged_into_id from person where id = ?", Long.class, duplicate)).isNull();
        mvc.perform(get("/people").with(as(Role.MEMBER))).andExpect(status().isForbidden());
        mvc.perform(get("/people/{id}", kept).with(as(Role.COORDINATOR)))
                .andExpect(content().string(containsString("Merge a duplicate into this record")));
    }

    /** The ids of the people linked from a page, in order. */
    private static List<String> personLinks(String html) {
        Matcher m = Pattern.compile("href=\"/people/(\\d+)\"").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
