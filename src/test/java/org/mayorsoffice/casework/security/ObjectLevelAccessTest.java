package org.mayorsoffice.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.AccessPolicy;
import org.mayorsoffice.casework.identity.AccessPolicy.Rule;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Object-level access: a restricted case allocated to one caseworker, with an attachment, a draft reply, a members'
 * enquiry and a correspondence item. Another caseworker (and the coordinator) gets a 404 on every route that takes
 * one of those ids, each attempt is in the audit trail, and the case's reference and subject show nowhere else:
 * not in search, lists, counts, exports or notifications.
 */
class ObjectLevelAccessTest extends WebTest {

    private static final Random RANDOM = new Random();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    private long caseId;
    private String reference;
    private String secret;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeEach
    void aRestrictedCaseWithEverythingThatHangsOffIt() throws Exception {
        secret = uniqueWord();
        reference = "MO-2097-" + String.format("%05d", RANDOM.nextInt(90_000) + 10_000);
        long allocatedTo = userId("jpatel");
        caseId = jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, ward_id,
                    allocated_to_id)
                values (?, (select min(id) from case_type), 'EMAIL', ?, ?, 'NORMAL', 'IN_PROGRESS', 'RESTRICTED',
                    'PUBLIC_TASK', current_date - 3, current_date + 4, current_date + 7, 'test', (select min(id) from ward), ?)
                returning id""", Long.class, reference, "Safeguarding " + secret, "Disclosure " + secret, allocatedTo);
        long personId = jdbc.queryForObject("insert into person (kind, title, first_name, last_name, address_line1, town,"
                + " postcode, created_by) values ('RESIDENT', 'Ms', 'Olivia', ?, '12 Brick Lane', 'London', 'E1 6RF', 'test')"
                + " returning id", Long.class, "Hidden" + secret);
        jdbc.update("insert into case_person (case_id, person_id) values (?, ?)", caseId, personId);
        jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', ?)", caseId,
                "Note " + secret);
        byte[] content = ("Letter about " + secret).getBytes(StandardCharsets.UTF_8);
        ids.put("attachment", jdbc.queryForObject("insert into case_attachment (case_id, file_name, content_type, size_bytes,"
                + " sha256, content, uploaded_by) values (?, ?, 'text/plain', ?, ?, ?, 'test') returning id", Long.class,
                caseId, secret + ".txt", content.length, sha256(content), content));
        ids.put("draft", jdbc.queryForObject("insert into draft_response (case_id, person_id, case_reference, case_subject,"
                + " recipient_name, created_by_id, created_by) values (?, ?, ?, ?, 'Ms Olivia Hidden', ?, 'jpatel')"
                + " returning id", Long.class, caseId, personId, reference, "Safeguarding " + secret, allocatedTo));
        ids.put("enquiry", jdbc.queryForObject("insert into members_enquiry (reference, case_id, directorate_id, recipient,"
                + " to_address, question, target_days, raised_on, due_on, raised_by) values (?, ?, (select min(id) from"
                + " directorate), 'Housing', 'housing@council.example.org', ?, 10, current_date, current_date + 10, 'jpatel')"
                + " returning id", Long.class, "ME-2097-" + reference.substring(8), caseId, "Question " + secret));
        ids.put("item", jdbc.queryForObject("insert into correspondence_item (direction, channel, status, occurred_on,"
                + " sender_name, subject, body, case_id, source, logged_by) values ('IN', 'EMAIL', 'ATTACHED', current_date,"
                + " 'Olivia', ?, ?, ?, 'MANUAL', 'test') returning id", Long.class, "Item " + secret, "Body " + secret, caseId));
    }

    @Test
    void everyRouteThatTakesTheRestrictedRecordsIdAnswers404AndTheAttemptIsAudited() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Rule rule : AccessPolicy.RULES) {
            String path = pathFor(rule.pattern());
            if (path == null || !rule.allows(Role.CASEWORKER) || rule.method() == null) {
                continue;
            }
            checked++;
            long auditBefore = deniedAttempts("lchen");
            MockHttpServletResponse response = perform(rule.method(), path, signedIn("lchen"));
            if (response.getStatus() != 404) {
                wrong.add(rule.method() + " " + path + " -> " + response.getStatus());
                continue;
            }
            if (response.getContentAsString().contains(secret) || response.getContentAsString().contains(reference)) {
                wrong.add(rule.method() + " " + path + " -> 404 page names the case");
            }
            if (deniedAttempts("lchen") != auditBefore + 1) {
                wrong.add(rule.method() + " " + path + " -> 404 but no access.denied audit entry");
            }
        }
        assertThat(checked).as("routes with a case, attachment, draft, enquiry or item id").isGreaterThan(40);
        assertThat(wrong).as("id routes that did not answer an audited 404 for a restricted record").isEmpty();

        // The audit entry says who, which route and which record.
        assertThat(jdbc.queryForMap("select subject_type, subject_id, detail from audit_event where actor = 'lchen'"
                        + " and action = 'access.denied' and detail = ? order by id desc limit 1", "GET /cases/" + caseId))
                .containsEntry("subject_type", "case").containsEntry("subject_id", String.valueOf(caseId));
    }

    @Test
    void aPrivateEngagementAndAnotherMembersDiaryAnswer404AndTheAttemptsAreAudited() throws Exception {
        long mayor = jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
        long engagement = jdbc.queryForObject("insert into engagement (member_id, title, kind, starts_at, ends_at, status,"
                + " private, created_by) values (?, ?, 'INTERNAL_MEETING', now() + interval '1 day',"
                + " now() + interval '25 hours', 'CONFIRMED', true, 'test') returning id", Long.class, mayor,
                "Private " + secret);
        String otherMember = "member." + secret;
        long otherUser = jdbc.queryForObject("insert into app_user (username, display_name, password_hash, member_id)"
                + " values (?, 'Another Member', 'x', (select min(id) from member where id <> ?)) returning id", Long.class,
                otherMember, mayor);
        jdbc.update("insert into user_role (user_id, role) values (?, 'MEMBER')", otherUser);

        // Who tries which: a caseworker, and another member (their own diary only).
        List<List<String>> attempts = List.of(List.of("lchen", "/diary/engagements/" + engagement),
                List.of(otherMember, "/diary/engagements/" + engagement),
                List.of(otherMember, "/diary/engagements/" + engagement + "/pack"),
                List.of(otherMember, "/diary/members/" + mayor));
        List<String> wrong = new ArrayList<>();
        for (List<String> attempt : attempts) {
            String username = attempt.get(0);
            long before = deniedAttempts(username);
            MockHttpServletResponse response = perform(HttpMethod.GET, attempt.get(1), signedIn(username));
            if (response.getStatus() != 404 || response.getContentAsString().contains(secret)
                    || deniedAttempts(username) != before + 1) {
                wrong.add(username + " " + attempt.get(1) + " -> " + response.getStatus());
            }
        }
        assertThat(wrong).isEmpty();
        // The member whose diary it is, and the diary keepers, do see it.
        assertThat(perform(HttpMethod.GET, "/diary/engagements/" + engagement, signedIn("mayor")).getContentAsString())
                .contains("Private " + secret);
        assertThat(perform(HttpMethod.GET, "/diary/engagements/" + engagement, signedIn("support")).getContentAsString())
                .contains("Private " + secret);
    }

    @Test
    void whoMaySeeTheCaseStillCan() throws Exception {
        assertThat(perform(HttpMethod.GET, "/cases/" + caseId, signedIn("jpatel")).getContentAsString()).contains(reference);
        assertThat(perform(HttpMethod.GET, "/cases/" + caseId, signedIn("head")).getContentAsString()).contains(reference);
        assertThat(perform(HttpMethod.GET, "/attachments/" + ids.get("attachment"), signedIn("jpatel")).getStatus())
                .isEqualTo(200);
    }

    @Test
    void theRestrictedCaseNeverLeaksThroughSearchListsCountsOrNotifications() throws Exception {
        for (String username : List.of("lchen", "coordinator", "support")) {
            RequestPostProcessor who = signedIn(username);
            for (String page : List.of("/search?q=" + secret, "/search?q=" + reference, "/search?q=Note+" + secret,
                    "/cases", "/cases/mine", "/correspondence", "/enquiries", "/notifications", "/actions/mine")) {
                assertHidden(username + " " + page, perform(HttpMethod.GET, page, who).getContentAsString(),
                        !page.contains(reference));
            }
        }
        // The case picker used to attach correspondence (an autocomplete of cases) neither offers nor accepts it.
        long triageItem = jdbc.queryForObject("select min(id) from correspondence_item where status = 'IN_TRIAGE'", Long.class);
        for (String q : List.of(reference, "Safeguarding " + secret)) {
            assertHidden("case picker " + q, perform(HttpMethod.GET, "/correspondence/" + triageItem + "/attach?q="
                    + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8), signedIn("lchen")).getContentAsString(), false);
        }
        mvc.perform(request(HttpMethod.POST, "/correspondence/" + triageItem + "/attach").param("caseId", String.valueOf(caseId))
                .with(signedIn("lchen")).with(csrf())).andReturn();
        assertThat(jdbc.queryForObject("select count(*) from correspondence_item where id = ? and case_id = ?", Long.class,
                triageItem, caseId)).isZero();

        // The head of office does find it, so the searches above would have found it.
        assertThat(perform(HttpMethod.GET, "/search?q=" + secret, signedIn("head")).getContentAsString()).contains(reference);
    }

    @Test
    void exportsAndDashboardsLeaveItOutForThoseWhoCannotSeeIt() throws Exception {
        RequestPostProcessor coordinator = signedIn("coordinator");
        String csv = new String(download("/reports/cases.csv", coordinator), StandardCharsets.UTF_8);
        assertThat(csv).isNotBlank();
        assertHidden("cases.csv", csv, true);
        String xlsx = xlsxText(download("/reports/cases.xlsx", coordinator));
        assertThat(xlsx).isNotBlank();
        assertHidden("cases.xlsx", xlsx, true);
        assertThat(new String(download("/reports/cases.csv", signedIn("head")), StandardCharsets.UTF_8)).contains(reference);

        for (String page : List.of("/reports", "/home/coordinator", "/cases/triage", "/cases/board")) {
            assertHidden(page, perform(HttpMethod.GET, page, coordinator).getContentAsString(), true);
        }
        assertHidden("/home/caseworker", perform(HttpMethod.GET, "/home/caseworker", signedIn("lchen"))
                .getContentAsString(), true);
    }

    /** Nothing of the case: no link to it, none of its texts, and (unless it was the query) not its reference. */
    private void assertHidden(String where, String content, boolean checkReference) {
        assertThat(content).as(where).doesNotContain("/cases/" + caseId + "\"").doesNotContain("Safeguarding " + secret)
                .doesNotContain("Disclosure " + secret).doesNotContain("Item " + secret).doesNotContain("Body " + secret)
                .doesNotContain("Question " + secret).doesNotContain(secret + ".txt");
        if (checkReference) {
            assertThat(content).as(where).doesNotContain(reference);
        }
    }

    private byte[] download(String path, RequestPostProcessor who) throws Exception {
        MvcResult started = mvc.perform(get(path).with(who)).andReturn();
        MvcResult done = mvc.perform(asyncDispatch(started)).andReturn();
        assertThat(done.getResponse().getStatus()).as(path).isEqualTo(200);
        return done.getResponse().getContentAsByteArray();
    }

    /** The pattern with the fixture's ids, or null when the route does not take one of them. */
    private String pathFor(String pattern) {
        String path;
        if (pattern.startsWith("/cases/{id}")) {
            path = pattern.replace("{id}", String.valueOf(caseId));
        } else if (pattern.startsWith("/attachments/{id}")) {
            path = pattern.replace("{id}", String.valueOf(ids.get("attachment")));
        } else if (pattern.startsWith("/drafts/{id}")) {
            path = pattern.replace("{id}", String.valueOf(ids.get("draft")));
        } else if (pattern.startsWith("/enquiries/{id}")) {
            path = pattern.replace("{id}", String.valueOf(ids.get("enquiry")));
        } else if (pattern.startsWith("/correspondence/{id}")) {
            path = pattern.replace("{id}", String.valueOf(ids.get("item")));
        } else {
            return null;
        }
        // Second ids (a user to remove, a version number) point at things that exist.
        return path.replace("{userId}", String.valueOf(userId("jpatel"))).replace("{number}", "1").replace("{updateId}", "1");
    }

    private MockHttpServletResponse perform(HttpMethod method, String path, RequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path).with(who);
        if (method != HttpMethod.GET) {
            request = request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private RequestPostProcessor signedIn(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    private long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    private long deniedAttempts(String actor) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = 'access.denied'",
                Long.class, actor);
    }

    private static String xlsxText(byte[] bytes) throws Exception {
        StringBuilder text = new StringBuilder();
        DataFormatter format = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\t'));
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Letters only, so the English stemmer leaves it alone and nothing else contains it. */
    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zr");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('b' + RANDOM.nextInt(20)));
        }
        return word.append("x").toString();
    }
}
