package casework.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The office at work: caseworkers (My cases, open a case, the 200-entry timeline case, add a note, change status),
 * coordinators (log a case, triage queue, allocation board, allocate), members (Approvals, approve), support officers (diary
 * week, briefings due), search and the dashboard. Every virtual user signs in as a real user of the generated
 * office (CSRF token and all) and every response is checked. Closed model: a fixed number of concurrent users
 * working without think time for {@code -Dduration} seconds, so the run measures latency at the highest
 * throughput the machine gives.
 *
 * <p>System properties: baseUrl, users (total concurrent users, split across the roles), duration (seconds),
 * password (the generated users' password), dbUrl (JDBC URL of the generated database, to find each
 * caseworker's long-timeline case).
 */
public class OfficeSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 40);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("duration", 120));
    private static final String PASSWORD = System.getProperty("password", "Casework-Demo-2026");
    private static final String DB_URL = System.getProperty("dbUrl", "jdbc:postgresql://127.0.0.1:5432/casework_bench");
    /** 0: as fast as the users can go (closed loop, finds the capacity); otherwise requests per second held steady. */
    private static final int RPS = Integer.getInteger("rps", 0);

    private static final String[] SEARCH_TERMS = {"damp", "boiler", "parking", "noise", "fly-tipping", "rats", "lift",
        "school place", "eviction", "graffiti", "Begum", "Okafor", "Commercial Road", "council tax", "overcrowding",
        "temporary accommodation", "street lighting", "drain", "library", "licensing"};

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml")
            .userAgentHeader("casework-load-test");

    /** Users of the generated office: caseworkers with their long-timeline case, members with drafts to approve. */
    private static List<Map<String, Object>> rows(String sql) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the generated users from " + DB_URL + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("No users for " + sql + ": run the generator first");
        }
        return rows;
    }

    private static final List<Map<String, Object>> CASEWORKERS = rows("""
            select u.username, u.id as "userId", t.case_id as "longCase" from app_user u
            join casework_case c on c.allocated_to_id = u.id join case_tag t on t.case_id = c.id and t.tag = 'bench long timeline'
            where u.username like 'cw%' order by u.username""");
    private static final List<Map<String, Object>> MEMBERS = rows("""
            select u.username from app_user u where u.member_id is not null
              and exists (select 1 from draft_response d where d.member_id = u.member_id and d.status = 'AWAITING_APPROVAL')
            order by u.username""");

    /** What a coordinator logs a new case with: the active case types and a sample of the office's residents. */
    private static final List<Map<String, Object>> CASE_TYPES = rows("select id from case_type where active order by id");
    private static final List<Map<String, Object>> RESIDENTS = rows("""
            select id from person where kind = 'RESIDENT' and merged_into_id is null order by id desc limit 2000""");
    private static final String[] SUBJECTS = {"Damp and mould in the bathroom", "Missed bin collection", "Noise from the flat above",
        "Parking permit refused", "Street lighting out on the estate", "School place for a child", "Fly-tipping in the alley"};

    /** Sign in: the form's CSRF token, then the post; a good sign-in redirects away from /login. */
    private static ChainBuilder signIn() {
        return exec(http("Sign-in page").get("/login")
                        .check(status().is(200), regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
                .exec(http("Sign in").post("/login")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").transform(l -> l.contains("error") ? "refused" : "ok").is("ok")));
    }

    /** The redirect target without scheme and host. */
    private static io.gatling.javaapi.core.CheckBuilder.Validate<String> location() {
        return header("Location").transform(l -> l.replaceFirst("^https?://[^/]+", ""));
    }

    private static String csrf() {
        return "name=\"_csrf\" value=\"([^\"]+)\"";
    }

    private static ChainBuilder page(String name, String path, String mustContain) {
        return exec(http(name).get(path).check(status().is(200), substring(mustContain)));
    }

    private static final ChainBuilder CASEWORK = exec(http("My cases").get("/cases/mine")
                    .check(status().is(200), substring("My cases"), regex("href=\"/cases/(\\d+)\"").findAll().optional().saveAs("caseIds")))
            .doIf(session -> session.contains("caseIds")).then(
                    exec(session -> {
                        List<String> ids = session.getList("caseIds");
                        return session.set("caseId", ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
                    })
                    .exec(http("Case view").get("/cases/#{caseId}").check(status().is(200), substring("Timeline")))
                    .exec(http("Note form").get("/cases/#{caseId}/note").check(status().is(200), regex(csrf()).saveAs("csrf")))
                    .exec(http("Add a note").post("/cases/#{caseId}/note")
                            .formParam("text", "Called the resident for an update (load test).")
                            .formParam("_csrf", "#{csrf}")
                            .check(status().is(302), location().isEL("/cases/#{caseId}")))
                    .exec(http("Status form").get("/cases/#{caseId}/status")
                            .check(status().is(200), regex(csrf()).saveAs("csrf"),
                                    regex("name=\"version\" value=\"(\\d+)\"").saveAs("version"),
                                    regex("id=\"status(?:-\\d+)?\" type=\"radio\"[^>]*?value=\"([A-Z_]+)\"").findAll().optional().saveAs("statuses")))
                    .exec(session -> {
                        List<String> next = session.contains("statuses")
                                ? session.<String>getList("statuses").stream().filter(s -> !s.equals("CLOSED")).toList() : List.of();
                        Session s = session.remove("statuses");
                        return next.isEmpty() ? s.remove("nextStatus")
                                : s.set("nextStatus", next.get(ThreadLocalRandom.current().nextInt(next.size())));
                    })
                    .doIf(session -> session.contains("nextStatus")).then(
                            exec(http("Change status").post("/cases/#{caseId}/status")
                                    .formParam("status", "#{nextStatus}")
                                    .formParam("version", "#{version}")
                                    .formParam("note", "")
                                    .formParam("_csrf", "#{csrf}")
                                    .check(status().is(302), location().isEL("/cases/#{caseId}")))))
            .exec(http("Case view (200-entry timeline)").get("/cases/#{longCase}").check(status().is(200), substring("Timeline")));

    /**
     * A coordinator logs the post's new cases as well as allocating them: the office takes in as many cases as it
     * allocates, so the triage queue keeps its size for the whole run (with allocation alone the 10,000-case office's
     * few hundred new cases were all allocated during the warm-up, and its queue was measured empty).
     */
    private static final ChainBuilder LOG_A_CASE = exec(http("New case form").get("/cases/new")
                    .check(status().is(200), regex(csrf()).saveAs("csrf")))
            .exec(session -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                java.time.LocalDate today = java.time.LocalDate.now();
                return session.set("caseTypeId", String.valueOf(CASE_TYPES.get(r.nextInt(CASE_TYPES.size())).get("id")))
                        .set("personId", String.valueOf(RESIDENTS.get(r.nextInt(RESIDENTS.size())).get("id")))
                        .set("subject", SUBJECTS[r.nextInt(SUBJECTS.length)])
                        .set("day", String.valueOf(today.getDayOfMonth())).set("month", String.valueOf(today.getMonthValue()))
                        .set("year", String.valueOf(today.getYear()));
            })
            .exec(http("Log a case").post("/cases")
                    .formParam("caseTypeId", "#{caseTypeId}")
                    .formParam("channel", "LETTER")
                    .formParam("subject", "#{subject}")
                    .formParam("description", "Logged from the post (load test).")
                    .formParam("priority", "NORMAL")
                    .formParam("confidentiality", "STANDARD")
                    .formParam("lawfulBasis", "PUBLIC_TASK")
                    .formParam("receivedOnDay", "#{day}")
                    .formParam("receivedOnMonth", "#{month}")
                    .formParam("receivedOnYear", "#{year}")
                    .formParam("personId", "#{personId}")
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), location().transform(l -> l.matches("/cases/\\d+") ? "case" : l).is("case")));

    private static final ChainBuilder COORDINATION = exec(LOG_A_CASE).exec(http("Triage queue").get("/cases/triage")
                    .check(status().is(200), regex(csrf()).saveAs("csrf"),
                            regex("name=\"caseIds\" type=\"checkbox\" value=\"(\\d+)\"").findAll().optional().saveAs("triageIds")))
            .exec(page("Allocation board", "/cases/board", "Allocation board"))
            .doIf(session -> session.contains("triageIds")).then(
                    exec(session -> {
                        List<String> ids = session.getList("triageIds");
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        Object caseworker = CASEWORKERS.get(r.nextInt(CASEWORKERS.size())).get("userId");
                        // Each coordinator takes a different case from the list (two picking the same case at the
                        // same moment is a real conflict, answered with "allocated by someone else", not a load).
                        int pick = (int) ((session.userId() * 7 + r.nextInt(3)) % ids.size());
                        return session.remove("triageIds").set("allocateId", ids.get(pick))
                                .set("caseworkerId", String.valueOf(caseworker));
                    })
                    .exec(http("Allocate").post("/cases/triage/allocate")
                            .formParam("caseIds", "#{allocateId}")
                            .formParam("caseworkerId", "#{caseworkerId}")
                            // Two coordinators may pick the same case: the second then reallocates it, which needs a reason.
                            .formParam("note", "Balancing caseloads (load test)")
                            .formParam("_csrf", "#{csrf}")
                            .check(status().is(302)))
                    .pause(Duration.ofSeconds(1)));

    /**
     * A member approves at most one draft every {@link #APPROVAL_EVERY_MS}, whatever the load: Gatling drops pauses when
     * a run is throttled, and members approving as fast as they could emptied their queues in the first seconds of a
     * run, so Approve was measured in the ramp-up only, over more drafts at one scale than at the other. Between
     * approvals the member reads the list.
     */
    private static final long APPROVAL_EVERY_MS = 4_000;

    private static boolean approvalDue(Session session) {
        return session.contains("draftIds") && (!session.contains("approvedAt")
                || System.currentTimeMillis() - session.getLong("approvedAt") >= APPROVAL_EVERY_MS);
    }

    private static final ChainBuilder APPROVAL = exec(http("Approvals").get("/approvals")
                    .check(status().is(200), regex("href=\"/approvals/(\\d+)\"").findAll().optional().saveAs("draftIds")))
            .doIfOrElse(OfficeSimulation::approvalDue).then(
                    exec(session -> session.set("draftId", session.<String>getList("draftIds").get(0)).remove("draftIds")
                            .set("approvedAt", System.currentTimeMillis()))
                    .exec(http("Approval page").get("/approvals/#{draftId}").check(status().is(200), regex(csrf()).saveAs("csrf")))
                    .exec(http("Approve").post("/approvals/#{draftId}/approve")
                            .formParam("action", "approve")
                            .formParam("_csrf", "#{csrf}")
                            .check(status().is(302), location().is("/approvals")))
                    .pause(Duration.ofSeconds(2)))
            .orElse(exec(session -> session.remove("draftIds")).pause(Duration.ofSeconds(1)));

    private static final ChainBuilder DIARY = exec(page("Diary week", "/diary", "Diary"))
            .exec(page("Briefings due", "/briefings/due", "Briefings"));

    private static final ChainBuilder SEARCH = exec(session -> session.set("q",
                    SEARCH_TERMS[ThreadLocalRandom.current().nextInt(SEARCH_TERMS.length)]))
            .exec(http("Search").get("/search").queryParam("q", "#{q}").check(status().is(200), substring("Search")));

    private static final ChainBuilder DASHBOARD = exec(page("Dashboard", "/reports", "Reports"));

    private static ScenarioBuilder scenario(String name, Iterable<Map<String, Object>> users, ChainBuilder work) {
        return io.gatling.javaapi.core.CoreDsl.scenario(name)
                .feed(listFeeder(toList(users)).circular())
                .exec(signIn())
                .during(DURATION).on(work);
    }

    private static List<Map<String, Object>> toList(Iterable<Map<String, Object>> users) {
        List<Map<String, Object>> list = new ArrayList<>();
        users.forEach(list::add);
        return list;
    }

    private static List<Map<String, Object>> reversed(List<Map<String, Object>> users) {
        List<Map<String, Object>> list = new ArrayList<>(users);
        java.util.Collections.reverse(list);
        return list;
    }

    private static List<Map<String, Object>> named(String prefix, int count) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(Map.of("username", prefix + (prefix.equals("cw") ? String.format("%03d", i) : String.format("%02d", i))));
        }
        return list;
    }

    private static PopulationBuilder share(ScenarioBuilder scenario, double share) {
        int users = Math.max(1, (int) Math.round(USERS * share));
        // Each virtual user signs in once, then works for the whole duration.
        return scenario.injectOpen(rampUsers(users).during(Duration.ofSeconds(5)));
    }

    {
        // The mix: caseworkers 40 %, search 20 %, coordinators 10 %, support officers 10 %, members 10 %, dashboard 10 %.
        SetUp setUp = setUp(
                share(scenario("Caseworker", CASEWORKERS, CASEWORK), 0.4),
                // Search signs in as caseworkers from the other end of the list: two sessions of one user signing in
                // at the same moment can make one sign-in fail (see BENCHMARKS.md).
                share(scenario("Search", reversed(CASEWORKERS), SEARCH), 0.2),
                share(scenario("Coordinator", named("coord", 10), COORDINATION), 0.1),
                share(scenario("Support officer", named("so", 20), DIARY), 0.1),
                share(scenario("Member", MEMBERS, APPROVAL), 0.1),
                share(scenario("Dashboard", named("hoo", 5), DASHBOARD), 0.1))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
        if (RPS > 0) {
            // Latency at a given load rather than at saturation: the same users, throttled to RPS requests a second.
            setUp.throttle(reachRps(RPS).in(Duration.ofSeconds(10)), holdFor(DURATION));
        }
    }
}
