package org.mayorsoffice.casework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.AccessPolicy;
import org.mayorsoffice.casework.identity.AccessPolicy.Rule;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.support.WebTest;
import org.mayorsoffice.casework.support.browser.BrowserSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Hostile input, driven from the real forms: every GET page in the access table is fetched as a user who may use
 * it, every form on it is found, and a corpus of XSS, SQL injection, path traversal, header injection (CRLF),
 * overlong and awkward Unicode (RTL override, zero-width, emoji, NUL) payloads is put into every field. The
 * answer is never a server error; a re-rendered form shows the GOV.UK error summary; whatever is echoed or stored
 * comes back escaped. A sample is opened in Chromium to show that no script runs.
 */
class HostileInputTest extends WebTest {

    /** Markers that only appear in a response if a payload was written out unescaped. */
    private static final List<String> RAW_MARKERS = List.of("<script>window.__xss", "<img src=x onerror", "<svg onload");

    /**
     * Payload rounds; each request fills every field with one round's payloads, the variant turning with the field
     * and the form, so across the forms every field kind meets every variant without the full cross product.
     */
    private static final Map<String, List<String>> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("markup and header injection", List.of("<script>window.__xss=1</script>", "value\r\nSet-Cookie: injected=1",
                "\"><img src=x onerror=\"window.__xss=1\">", "x\r\nLocation: http://evil.example/",
                "'><svg onload=window.__xss=1>", "%0d%0aX-Injected: 1", "javascript:window.__xss=1", "line\rbreak\nonly"));
        CORPUS.put("SQL injection and path traversal", List.of("' OR '1'='1' --", "../../../../etc/passwd",
                "'; DROP TABLE casework_case; --", "..\\..\\windows\\win.ini", "1 UNION SELECT password_hash FROM app_user",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "1)); select pg_sleep(0); --", "/etc/passwd\u0000.pdf"));
        CORPUS.put("overlong", List.of("A".repeat(100_001), "9".repeat(400), "-".repeat(5_000), "x".repeat(2_001)));
        // Every Unicode variant carries a NUL as well: PostgreSQL cannot store one in text.
        CORPUS.put("Unicode", List.of("\u202Efdp.exe\u0000", "zero\u200Bwidth\uFEFFjoin\u200D\u0000",
                "😀🏳️‍🌈 Zoë Ñúñez 中文\u0000", "nul\u0000byte\u0007bell", "e\u0301\u0301\u0301 \uD800\u0000"));
    }

    /** Forms that would change who can use the system or delete data for the rest of this test run. */
    private static final Set<String> SKIPPED_ACTIONS = Set.of("/logout", "/cases/bulk", "/correspondence/mailbox/check");
    private static final Pattern SKIPPED_ACTION = Pattern.compile(".*/(erase|merge|deactivate|reactivate|unlock|revoke|remove"
            + "|legal-hold|retry|done|end|dispatch|send|approve)$");

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(input|textarea|select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccountService accounts;

    @Value("${local.server.port}")
    int port;

    private final Map<Role, CurrentUser> users = new LinkedHashMap<>();
    private final List<String> wrong = new ArrayList<>();

    record Form(String page, String method, String action, List<String> fields) {}

    @BeforeEach
    void throwawayUsers() {
        // Their own accounts, so a password form that accepts a payload changes nobody else's sign-in.
        for (Role role : List.of(Role.HEAD_OF_OFFICE, Role.ADMIN, Role.MEMBER)) {
            String username = "hostile." + role.name().toLowerCase().replace('_', '-') + "."
                    + UUID.randomUUID().toString().substring(0, 6);
            Long member = role == Role.MEMBER
                    ? jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class) : null;
            long id = jdbc.queryForObject("insert into app_user (username, display_name, email, password_hash, member_id)"
                    + " values (?, ?, ?, 'x', ?) returning id", Long.class, username, "Hostile " + role.label(),
                    username + "@council.example.org", member);
            jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role.name());
            users.put(role, accounts.loadUserByUsername(username));
        }
    }

    @Test
    void everyFormFieldAndQueryParameterSurvivesTheCorpus() throws Exception {
        List<Form> forms = forms();
        assertThat(forms.stream().filter(f -> f.method().equals("post")).count()).as("POST forms found").isGreaterThan(50);
        long started = System.nanoTime();
        int turn = 0;
        for (Form form : forms) {
            turn++;
            for (Map.Entry<String, List<String>> round : CORPUS.entrySet()) {
                submit(form, round.getKey(), round.getValue(), turn);
            }
        }
        assertThat(wrong).as("forms that failed hostile input (%d forms, %d s)", forms.size(),
                (System.nanoTime() - started) / 1_000_000_000).isEmpty();
    }

    @Test
    void storedScriptDoesNotRunInTheBrowser() throws Exception {
        String marker = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
        long caseId = jdbc.queryForObject("""
                insert into casework_case (reference, case_type_id, channel, subject, description, priority, status,
                    confidentiality, lawful_basis, received_on, internal_due_on, external_due_on, created_by, ward_id)
                values (?, (select min(id) from case_type), 'EMAIL', ?, ?, 'NORMAL', 'NEW', 'STANDARD', 'PUBLIC_TASK',
                    current_date, current_date + 4, current_date + 7, 'test', (select min(id) from ward))
                returning id""", Long.class, "MO-2095-" + (10_000 + (int) (Math.random() * 89_999)),
                "Subject " + marker, "Description " + marker);
        jdbc.update("insert into case_event (case_id, actor, kind, body) values (?, 'test', 'NOTE', ?)", caseId,
                "Note " + marker);
        try (BrowserSession browser = new BrowserSession("http://127.0.0.1:" + port)) {
            Page page = browser.signIn("head");
            for (String path : List.of("/cases/" + caseId, "/search?q=Subject", "/cases/" + caseId + "/edit",
                    "/search?q=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8))) {
                page.navigate(browser.baseUrl() + path);
                assertThat(page.evaluate("() => typeof window.__xss")).as(path).isEqualTo("undefined");
            }
            page.navigate(browser.baseUrl() + "/cases/" + caseId);
            assertThat(page.locator("h1, .govuk-caption-l, .govuk-heading-l").allTextContents().toString())
                    .contains("<script>window.__xss=1</script>"); // shown as text, exactly as typed
        }
    }

    /** Every form on every GET page of the access table, fetched as a user allowed to use it. */
    private List<Form> forms() throws Exception {
        Map<String, Form> found = new LinkedHashMap<>();
        for (Rule rule : AccessPolicy.RULES) {
            if (rule.method() != HttpMethod.GET || rule.pattern().contains("*") || rule.pattern().contains(".")
                    || rule.pattern().startsWith("/actuator") || rule.pattern().startsWith("/diary/feed")
                    || rule.pattern().equals("/error")) {
                continue;
            }
            CurrentUser who = userFor(rule);
            String page = substitute(rule.pattern());
            if (who == null || page == null) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(get(page).with(user(who))).andReturn().getResponse();
            if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            Matcher forms = FORM.matcher(response.getContentAsString());
            while (forms.find()) {
                Map<String, String> attributes = attributes(forms.group(1));
                String method = attributes.getOrDefault("method", "get").toLowerCase();
                String action = HtmlUtils.htmlUnescape(attributes.getOrDefault("action", page));
                if (SKIPPED_ACTIONS.contains(action) || SKIPPED_ACTION.matcher(action).matches()
                        || action.startsWith("http")) {
                    continue;
                }
                Set<String> fields = new LinkedHashSet<>();
                Matcher field = FIELD.matcher(forms.group(2));
                while (field.find()) {
                    Map<String, String> a = attributes(field.group(2));
                    String type = a.getOrDefault("type", "text").toLowerCase();
                    if (a.containsKey("name") && !a.get("name").equals("_csrf") && !type.equals("file")
                            && !type.equals("submit")) {
                        fields.add(a.get("name"));
                    }
                }
                if (!fields.isEmpty()) {
                    found.putIfAbsent(method + " " + action + " " + fields, new Form(page, method, action, List.copyOf(fields)));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private void submit(Form form, String category, List<String> payloads, int turn) throws Exception {
        MockHttpServletRequestBuilder request = form.method().equals("post")
                ? post(form.action()).with(csrf()) : get(form.action());
        int i = turn;
        for (String field : form.fields()) {
            request = request.param(field, payloads.get(i++ % payloads.size()));
        }
        CurrentUser who = userForPath(form.action(), form.method());
        if (who == null) {
            return;
        }
        String where = form.method().toUpperCase() + " " + form.action() + " (form on " + form.page() + ") with " + category;
        MockHttpServletResponse response;
        try {
            response = mvc.perform(request.with(user(who))).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException e) {
            wrong.add(where + ": server error " + rootCause(e));
            return;
        }
        check(where, response);
        String location = response.getRedirectedUrl();
        if (response.getStatus() == 302 && location != null && location.startsWith("/") && !location.contains("/login")) {
            for (String header : response.getHeaderNames()) {
                for (Object value : response.getHeaderValues(header)) {
                    if (String.valueOf(value).contains("\n") || String.valueOf(value).contains("\r")
                            || String.valueOf(value).contains("injected")) {
                        wrong.add(where + ": header " + header + " carries the payload: " + value);
                    }
                }
            }
            if (!category.startsWith("markup")) {
                return; // what was stored is shown escaped: checked on the page it redirects to, for the markup round
            }
            try {
                check(where + " -> " + location, mvc.perform(get(location).with(user(who))).andReturn().getResponse());
            } catch (Exception e) {
                wrong.add(where + " -> " + location + ": server error " + rootCause(e));
            }
        } else if (form.method().equals("post") && response.getStatus() == 200
                && !response.getContentAsString().contains("govuk-error-summary")) {
            wrong.add(where + ": answered 200 without a GOV.UK error summary");
        }
    }

    private void check(String where, MockHttpServletResponse response) throws Exception {
        if (response.getStatus() >= 500) {
            wrong.add(where + ": " + response.getStatus());
            return;
        }
        String body = response.getContentAsString();
        for (String marker : RAW_MARKERS) {
            if (body.contains(marker)) {
                wrong.add(where + ": the payload came back unescaped (" + marker + ")");
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(200, message.length()));
    }

    /** The first of head of office, administrator, member that the rule lets in. */
    private CurrentUser userFor(Rule rule) {
        for (Role role : users.keySet()) {
            if (rule.allows(role)) {
                return users.get(role);
            }
        }
        return null;
    }

    private CurrentUser userForPath(String path, String method) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        HttpMethod httpMethod = HttpMethod.valueOf(method.toUpperCase());
        for (Rule rule : AccessPolicy.RULES) {
            if ((rule.method() == null || rule.method().equals(httpMethod))
                    && org.springframework.web.util.pattern.PathPatternParser.defaultInstance.parse(rule.pattern())
                            .matches(org.springframework.http.server.PathContainer.parsePath(bare))) {
                return userFor(rule);
            }
        }
        return null;
    }

    /** The pattern with ids of records that exist, or null when there is none to use. */
    private String substitute(String pattern) {
        if (!pattern.contains("{")) {
            return pattern;
        }
        Map<String, String> firstIds = new LinkedHashMap<>();
        firstIds.put("/cases/{id}", "select min(id) from casework_case where confidentiality = 'STANDARD' and status <> 'CLOSED'");
        firstIds.put("/people/{id}", "select min(id) from person where kind = 'RESIDENT'");
        firstIds.put("/admin/users/{id}", "select max(id) from app_user where username like 'hostile.admin.%'");
        firstIds.put("/admin/members/{id}", "select min(id) from member");
        firstIds.put("/admin/portfolios/{id}", "select min(id) from portfolio");
        firstIds.put("/admin/case-types/{id}", "select min(id) from case_type");
        firstIds.put("/admin/topics/{id}", "select min(id) from topic");
        firstIds.put("/admin/directorates/{id}", "select min(id) from directorate");
        firstIds.put("/admin/service-areas/{id}", "select min(id) from service_area");
        firstIds.put("/admin/letter-templates/{id}", "select min(id) from letter_template");
        firstIds.put("/correspondence/campaigns/{id}", "select min(id) from correspondence_campaign");
        firstIds.put("/correspondence/{id}", "select min(id) from correspondence_item where status = 'IN_TRIAGE'");
        firstIds.put("/enquiries/{id}", "select min(e.id) from members_enquiry e join casework_case c on c.id = e.case_id"
                + " where e.status = 'OPEN' and c.confidentiality <> 'RESTRICTED'");
        firstIds.put("/drafts/{id}", "select min(id) from draft_response where status in ('DRAFT', 'RETURNED')");
        firstIds.put("/approvals/{id}", "select min(id) from draft_response where status = 'AWAITING_APPROVAL'");
        firstIds.put("/diary/members/{id}", "select member_id from app_user where username = 'mayor'");
        firstIds.put("/diary/engagements/{id}", "select min(id) from engagement");
        firstIds.put("/briefings/{id}", "select min(id) from briefing");
        firstIds.put("/invitations/{id}", "select min(id) from invitation where status = 'AWAITING_DECISION'");
        firstIds.put("/surgeries/{id}", "select min(id) from surgery");
        firstIds.put("/stakeholders/{id}", "select min(id) from person where kind <> 'RESIDENT'");
        for (Map.Entry<String, String> entry : firstIds.entrySet()) {
            if (pattern.startsWith(entry.getKey())) {
                Long id;
                try {
                    id = jdbc.queryForObject(entry.getValue(), Long.class);
                } catch (org.springframework.dao.DataAccessException e) {
                    id = null;
                }
                String path = id == null ? null : pattern.replaceFirst("\\{id}", String.valueOf(id));
                return path == null || path.contains("{") ? null : path;
            }
        }
        return null;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(tag);
        while (a.find()) {
            attributes.put(a.group(1).toLowerCase(), a.group(2));
        }
        return attributes;
    }
}
