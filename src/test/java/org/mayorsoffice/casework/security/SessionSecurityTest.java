package org.mayorsoffice.casework.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sessions and sign-in over real HTTP (the embedded server, real cookies). Lock-out, CSRF and the sign-in
 * error summary are in {@code identity.SignInTest}.
 */
@IntegrationTest
class SessionSecurityTest {

    private static final String DEMO_PASSWORD = "Casework-Demo-2026";
    private static final Pattern SESSION_COOKIE = Pattern.compile("CASEWORK_SESSION=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    Environment environment;

    @Autowired
    PasswordEncoder passwordEncoder;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theSessionIdChangesOnSignInAndTheCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> loginPage = get("/login", null);
        String setCookie = sessionSetCookie(loginPage);
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"); // plain HTTP here; see the next test
        String before = cookieValue(setCookie);

        HttpResponse<String> signIn = signIn("caseworker", DEMO_PASSWORD, before, csrf(loginPage));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = cookieValue(sessionSetCookie(signIn));
        assertThat(after).as("a new session id after sign-in (no session fixation)").isNotEqualTo(before);

        // The old id is worth nothing; the new one opens the caseworker's home page.
        assertThat(get("/home/caseworker", before).statusCode()).isEqualTo(302);
        assertThat(get("/home/caseworker", after).statusCode()).isEqualTo(200);
    }

    @Test
    void behindATlsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessionSetCookie(page)).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        // Production sets the Secure flag whatever the proxy says.
        assertThat(new org.springframework.core.io.ClassPathResource("application-prod.yml").getContentAsString(
                StandardCharsets.UTF_8)).contains("secure: true");
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutesAndAStaleCookieIsSentToSignIn() throws Exception {
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
        // A cookie naming a session the server no longer has (sessions live in PostgreSQL; the cookie carries the
        // session id Base64-encoded).
        String gone = java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> stale = get("/home/caseworker", gone);
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(stale.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    }

    @Test
    void signingOutInvalidatesTheSessionOnTheServer() throws Exception {
        HttpResponse<String> loginPage = get("/login", null);
        HttpResponse<String> signIn = signIn("support", DEMO_PASSWORD, cookieValue(sessionSetCookie(loginPage)),
                csrf(loginPage));
        String session = cookieValue(sessionSetCookie(signIn));
        HttpResponse<String> home = get("/home/support-officer", session);
        assertThat(home.statusCode()).isEqualTo(200);

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(uri("/logout"))
                .header("Cookie", "CASEWORK_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf(home)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
        assertThat(logout.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("CASEWORK_SESSION=;")
                || c.contains("Max-Age=0"));

        // Replaying the old cookie (as a stolen one would be) gets nowhere.
        HttpResponse<String> replay = get("/home/support-officer", session);
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerAndBothCheckAPasswordHash() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID();
        HttpVisitor first = new HttpVisitor(port);
        first.get("/login");
        HttpResponse<String> wrongPassword = first.postForm("/login", Map.of("username", "coordinator",
                "password", "not-the-password"));
        HttpVisitor second = new HttpVisitor(port);
        second.get("/login");
        HttpResponse<String> unknownUser = second.postForm("/login", Map.of("username", unknown,
                "password", "not-the-password"));
        assertThat(unknownUser.statusCode()).isEqualTo(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(unknownUser.headers().firstValue("Location")).isEqualTo(wrongPassword.headers().firstValue("Location"));

        // The error page after each says the same thing.
        String afterWrong = first.get("/login?error").body();
        String afterUnknown = second.get("/login?error").body();
        assertThat(errorSummary(afterUnknown)).isEqualTo(errorSummary(afterWrong)).contains("Enter a correct username and password");

        // An unknown username is still checked against a (dummy) BCrypt hash, so it is no quicker to answer than a
        // wrong password: a lower bound of half of one BCrypt check, never an upper bound (no flaky timing).
        String hash = passwordEncoder.encode("x");
        passwordEncoder.matches("y", hash);
        long start = System.nanoTime();
        passwordEncoder.matches("y", hash);
        long oneHash = System.nanoTime() - start;
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            HttpVisitor visitor = new HttpVisitor(port);
            visitor.get("/login");
            start = System.nanoTime();
            visitor.postForm("/login", Map.of("username", unknown, "password", "not-the-password"));
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        assertThat(fastest).as("unknown user answered in %d ms, one BCrypt check takes %d ms", fastest / 1_000_000,
                oneHash / 1_000_000).isGreaterThan(oneHash / 2);
    }

    private HttpResponse<String> signIn(String username, String password, String session, String csrf) throws Exception {
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        return http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "CASEWORK_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", "CASEWORK_SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sessionSetCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("CASEWORK_SESSION=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no session cookie set: " + cookies));
    }

    private static String cookieValue(String setCookie) {
        Matcher m = SESSION_COOKIE.matcher(setCookie);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String errorSummary(String html) {
        int start = html.indexOf("govuk-error-summary");
        assertThat(start).as("an error summary").isNotNegative();
        return html.substring(start, html.indexOf("</div>", start));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
