package org.mayorsoffice.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Security headers on every kind of response, and error pages that give nothing away, over real HTTP so the
 * container's error dispatch and multipart parsing take part.
 */
@IntegrationTest
class SecurityHeadersTest {

    /** Things an error page must never show: stack traces, class names, SQL, paths on the server. */
    private static final List<String> LEAKS = List.of("Exception", "at org.", "at java.", "java.lang", "org.springframework",
            "org.hibernate", "org.postgresql", "SQLState", "SQL", "syntax error", "from casework_case", "insert into", "/tmp/",
            "/work/", "/root/", "/usr/", ".java:", "Whitelabel", "Tomcat", "Apache", "stack trace", "\"trace\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private HttpVisitor head;

    @BeforeEach
    void signIn() throws Exception {
        head = HttpVisitor.signedIn(port, "head");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        long engagement = jdbc.queryForObject("select min(id) from engagement", Long.class);
        Map<String, HttpResponse<?>> samples = new LinkedHashMap<>();
        HttpVisitor visitor = new HttpVisitor(port);
        samples.put("sign-in page", visitor.get("/login"));
        samples.put("redirect to sign in", visitor.get("/cases/mine"));
        samples.put("static file", visitor.getBytes("/css/app.css"));
        samples.put("page", head.get("/home/head-of-office"));
        samples.put("404", head.get("/cases/999999999"));
        samples.put("403", head.get("/admin/users"));
        samples.put("400", head.get("/cases/abc"));
        samples.put("500 page", head.get("/error"));
        samples.put("CSV download", head.getBytes("/reports/cases.csv"));
        samples.put("PDF download", head.getBytes("/diary/engagements/" + engagement + "/pack"));
        samples.put("413 page", head.postMultipart("/correspondence", Map.of(), "files", "big.pdf", new byte[21 * 1024 * 1024]));
        samples.put("400 malformed upload page", head.postRaw("/correspondence", "multipart/form-data; boundary=xyz",
                HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disp garbage")));

        List<String> wrong = new ArrayList<>();
        samples.forEach((kind, response) -> {
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            if (!csp.contains("frame-ancestors 'none'") || !csp.contains("script-src 'self'") || csp.contains("unsafe-inline")
                    || !csp.contains("object-src 'none'")) {
                wrong.add(kind + ": Content-Security-Policy " + csp);
            }
            expect(wrong, kind, response, "X-Content-Type-Options", "nosniff");
            expect(wrong, kind, response, "X-Frame-Options", "DENY");
            expect(wrong, kind, response, "Referrer-Policy", "strict-origin-when-cross-origin");
        });
        assertThat(wrong).isEmpty();
        assertThat(samples.get("CSV download").statusCode()).isEqualTo(200);
        assertThat(samples.get("PDF download").headers().firstValue("Content-Type").orElse("")).contains("pdf");
        assertThat(samples.get("500 page").statusCode()).isEqualTo(500);
    }

    @Test
    void pagesWithUserDataAreNotCached() throws Exception {
        HttpResponse<String> page = head.get("/home/head-of-office");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void forcedErrorsShowAPlainPageWithNoStackTraceSqlOrServerPath() throws Exception {
        long caseId = jdbc.queryForObject("select min(id) from casework_case", Long.class);
        Map<String, HttpResponse<String>> errors = new LinkedHashMap<>();
        errors.put("bad id type", head.get("/cases/abc"));
        errors.put("id too big for a number", head.get("/cases/99999999999999999999999"));
        errors.put("unknown route", head.get("/no-such-page"));
        errors.put("missing record", head.get("/people/999999999"));
        errors.put("method not in the access table", head.send("DELETE", "/cases/" + caseId));
        errors.put("method not allowed on a public route", head.send("PUT", "/login"));
        errors.put("500 page", head.get("/error"));
        errors.put("bad sort parameter", head.get("/cases?sort=%27%3Bdrop+table+casework_case--&page=-5"));
        errors.put("malformed multipart", head.postRaw("/cases/" + caseId + "/attachments",
                "multipart/form-data; boundary=xyz", HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disp garbage")));
        errors.put("multipart without a boundary", head.postRaw("/correspondence", "multipart/form-data",
                HttpRequest.BodyPublishers.ofString("nothing")));
        errors.put("oversized upload", head.postMultipart("/correspondence", Map.of("subject", "Big"), "files",
                "big.pdf", new byte[21 * 1024 * 1024]));

        List<String> wrong = new ArrayList<>();
        errors.forEach((what, response) -> {
            String body = response.body();
            for (String leak : LEAKS) {
                if (body.contains(leak)) {
                    wrong.add(what + " (" + response.statusCode() + ") shows \"" + leak + "\"");
                }
            }
            if (response.statusCode() == 500 && !what.equals("500 page")) {
                wrong.add(what + " answered 500");
            }
            if (response.statusCode() >= 400 && !body.contains("govuk-heading-l")) {
                wrong.add(what + " (" + response.statusCode() + ") is not the service's own error page: "
                        + body.substring(0, Math.min(200, body.length())));
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(errors.get("bad id type").statusCode()).isEqualTo(400);
        assertThat(errors.get("missing record").statusCode()).isEqualTo(404);
        assertThat(errors.get("oversized upload").statusCode()).isEqualTo(413);
        assertThat(errors.get("oversized upload").body()).contains("too big");
        assertThat(new String(head.getBytes("/error").body(), StandardCharsets.UTF_8)).contains("Sorry");
    }

    private static void expect(List<String> wrong, String kind, HttpResponse<?> response, String header, String value) {
        String actual = response.headers().firstValue(header).orElse("(none)");
        if (!actual.equals(value)) {
            wrong.add(kind + " (" + response.statusCode() + "): " + header + " " + actual);
        }
    }
}
