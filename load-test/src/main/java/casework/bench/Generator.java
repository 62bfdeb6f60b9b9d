package casework.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a casework database (schema from the app's Flyway migrations, demo organisation from the app's first
 * start) with a realistic synthetic office: {@code --cases N} cases with people (~0.4 a case), correspondence
 * (~3 a case), timeline entries (~5 a case, and a 200-entry timeline on one open case per caseworker),
 * enquiries, drafts, actions, engagements and briefings, and 200 staff users who sign in with the demo
 * password. Rows go in with PostgreSQL COPY (one connection per table, foreign-key triggers off for the
 * session, the big tables' secondary indexes dropped first and rebuilt after), then the identity sequences,
 * the reference counters and the planner statistics are brought up to date.
 *
 * <p>Usage: {@code mvn -q exec:java -Dexec.args="--cases 100000 --url jdbc:postgresql://127.0.0.1:5432/casework_bench"}
 */
public final class Generator {

    static final String LONG_TIMELINE_TAG = "bench long timeline";

    private final int cases;
    private final String url;
    private final String user;
    private final String password;
    private final SplittableRandom random = new SplittableRandom(20261123L);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    // Reference data read from the database.
    private long[] wards;
    private long[] topics;
    private long[] caseTypes;
    private int[] caseTypeTarget;
    private long[] portfolios;
    private long[] portfolioMember;
    private long[] members;
    private long[] directorates;
    private String[] directorateEmail;
    private long[] caseworkers;
    private String[] caseworkerNames;
    private long[] supportOfficers;

    // The next engagement and briefing ids while the diaries are written.
    private long engagementId;
    private long briefingId;

    private Generator(int cases, String url, String user, String password) {
        this.cases = cases;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        int cases = 10_000;
        String url = "jdbc:postgresql://127.0.0.1:5432/casework_bench";
        String user = "postgres";
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i].replace("_", ""));
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (use --cases N --url jdbc:postgresql://host:port/db --user U --password P)");
            }
        }
        new Generator(cases, url, user, password).run();
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            // Foreign-key (and other) triggers off for this session: the generator writes consistent data.
            s.execute("set session_replication_role = replica");
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '512MB'");
        }
        return c;
    }

    private static final String[] BIG_TABLES = {"person", "casework_case", "case_person", "case_event", "case_action",
        "correspondence_item", "members_enquiry", "draft_response", "draft_version", "engagement", "briefing", "case_tag"};

    private void run() throws Exception {
        long started = System.nanoTime();
        try (Connection db = connect()) {
            db.setAutoCommit(true);
            check(db);
            readReferenceData(db);
            addStaff(db);
            readStaff(db);
            List<String> indexes = dropIndexes(db);
            long t = System.nanoTime();
            generate(db);
            log("rows copied in %.0f s", (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            try (Statement s = db.createStatement()) {
                for (String index : indexes) {
                    s.execute(index);
                }
            }
            log("%d indexes rebuilt in %.0f s", indexes.size(), (System.nanoTime() - t) / 1e9);
            finish(db);
        }
        log("done: %,d cases in %.0f s", cases, (System.nanoTime() - started) / 1e9);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[generator] " + format + "%n", args);
    }

    private void check(Connection db) throws SQLException {
        long existing = single(db, "select count(*) from casework_case where created_by = 'generator'");
        if (existing > 0) {
            throw new IllegalStateException("This database already holds generated cases: use a fresh one (run-benchmark.sh drops it)");
        }
        if (single(db, "select count(*) from app_user where username = 'caseworker'") == 0) {
            throw new IllegalStateException("No demo organisation: start the app once against this database first");
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long[] ids(Connection db, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private void readReferenceData(Connection db) throws SQLException {
        wards = ids(db, "select id from ward where active order by id");
        topics = ids(db, "select id from topic where active order by id");
        caseTypes = ids(db, "select id from case_type where active order by id");
        caseTypeTarget = Arrays.stream(ids(db, "select external_target_days from case_type where active order by id"))
                .mapToInt(v -> (int) v).toArray();
        portfolios = ids(db, "select id from portfolio where member_id is not null order by id");
        portfolioMember = ids(db, "select member_id from portfolio where member_id is not null order by id");
        members = ids(db, "select id from member where active order by id");
        directorates = ids(db, "select id from directorate where active order by id");
        directorateEmail = new String[directorates.length];
        for (int i = 0; i < directorates.length; i++) {
            directorateEmail[i] = "enquiries.d" + directorates[i] + "@council.example.org";
        }
        if (wards.length == 0 || topics.length == 0 || portfolios.length == 0 || directorates.length == 0) {
            throw new IllegalStateException("Reference data missing (wards, topics, portfolios, directorates): start the app once first");
        }
    }

    /** 200 staff users (plus one user per member who has none), all with the demo users' password. */
    private void addStaff(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    insert into app_user (username, display_name, email, password_hash)
                    select u.username, u.display_name, u.username || '@council.example.org',
                           (select password_hash from app_user where username = 'caseworker')
                    from (
                        select 'cw' || lpad(g::text, 3, '0') as username, 'Caseworker ' || g as display_name from generate_series(1, 160) g
                        union all select 'coord' || lpad(g::text, 2, '0'), 'Coordinator ' || g from generate_series(1, 10) g
                        union all select 'so' || lpad(g::text, 2, '0'), 'Support Officer ' || g from generate_series(1, 20) g
                        union all select 'hoo' || lpad(g::text, 2, '0'), 'Head of Office ' || g from generate_series(1, 5) g
                        union all select 'adm' || lpad(g::text, 2, '0'), 'Administrator ' || g from generate_series(1, 5) g
                    ) u""");
            s.execute("""
                    insert into user_role (user_id, role)
                    select id, case when username like 'cw%' then 'CASEWORKER' when username like 'coord%' then 'COORDINATOR'
                                    when username like 'so%' then 'CABINET_SUPPORT_OFFICER' when username like 'hoo%' then 'HEAD_OF_OFFICE'
                                    else 'ADMIN' end
                    from app_user where username ~ '^(cw[0-9]{3}|coord[0-9]{2}|so[0-9]{2}|hoo[0-9]{2}|adm[0-9]{2})$'""");
            s.execute("""
                    insert into app_user (username, display_name, email, password_hash, member_id)
                    select 'member' || lpad(m.id::text, 2, '0'), m.full_name, 'member' || m.id || '@council.example.org',
                           (select password_hash from app_user where username = 'caseworker'), m.id
                    from member m where not exists (select 1 from app_user u where u.member_id = m.id)""");
            s.execute("""
                    insert into user_role (user_id, role) select id, 'MEMBER' from app_user
                    where username ~ '^member[0-9]+$' and not exists (select 1 from user_role r where r.user_id = app_user.id)""");
        }
    }

    private void readStaff(Connection db) throws SQLException {
        caseworkers = ids(db, "select id from app_user where username like 'cw%' order by username");
        supportOfficers = ids(db, "select id from app_user where username like 'so%' order by username");
        caseworkerNames = new String[caseworkers.length];
        for (int i = 0; i < caseworkers.length; i++) {
            caseworkerNames[i] = "Caseworker " + (i + 1);
        }
    }

    private List<String> dropIndexes(Connection db) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String tables = "'" + String.join("','", BIG_TABLES) + "'";
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select i.indexname, i.indexdef from pg_indexes i
                where i.schemaname = current_schema() and i.tablename in (%s)
                  and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)
                """.formatted(tables))) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        try (Statement s = db.createStatement()) {
            for (String name : names) {
                s.execute("drop index " + name);
            }
        }
        log("dropped %d secondary indexes for the load", names.size());
        return definitions;
    }

    // ---------------------------------------------------------------- the data

    private static final String[] FIRST = {"Mohammed", "Fatima", "James", "Olivia", "Abdul", "Amelia", "Rahul", "Sophie", "Daniel",
        "Ayesha", "Thomas", "Nadia", "Samuel", "Grace", "Ibrahim", "Chloe", "Joseph", "Hannah", "Yusuf", "Emily", "Kwame", "Zara",
        "Oliver", "Ruth", "Tariq", "Maria", "Peter", "Shirin", "George", "Leah"};
    private static final String[] LAST = {"Ahmed", "Begum", "Smith", "Khan", "Jones", "Ali", "Williams", "Hussain", "Brown",
        "Miah", "Taylor", "Rahman", "Wilson", "Islam", "Davies", "Uddin", "Evans", "Chowdhury", "Thomas", "Okafor", "Roberts",
        "Patel", "Johnson", "Hoque", "Walker", "Mensah", "Wright", "Nowak", "Green", "O'Brien", "Clarke", "Sharma", "Hall",
        "Kowalski", "Lewis", "Adeyemi", "Young", "Shah", "King", "Murphy"};
    private static final String[] STREETS = {"Commercial Road", "Whitechapel Road", "Mile End Road", "Roman Road", "Cable Street",
        "Brick Lane", "Bow Road", "Poplar High Street", "Westferry Road", "Manchester Road", "Stepney Way", "Jamaica Street",
        "Burdett Road", "Cannon Street Road", "Old Ford Road", "Bethnal Green Road", "Vallance Road", "East India Dock Road"};
    private static final String[] POSTCODE_DISTRICTS = {"E1", "E1W", "E2", "E3", "E14"};
    private static final String[] ENGAGEMENT_KINDS = {"INTERNAL_MEETING", "EXTERNAL_MEETING", "VISIT", "EVENT", "SURGERY",
        "COUNCIL_MEETING", "MEDIA"};
    private static final String[] BRIEFING_KINDS = {"BRIEFING_NOTE", "SPEECH", "SPEAKING_NOTES", "QA_LINES", "BACKGROUND_PAPER"};
    private static final String[] ISSUES = {"damp and mould in the bedroom", "a broken boiler", "a leaking roof", "noise from the flat above",
        "fly-tipping behind the estate", "parking permits", "a school place for my son", "a missed bin collection",
        "rent arrears and eviction", "overcrowding in a two-bedroom flat", "anti-social behaviour on the stairwell",
        "potholes on the road", "a planning application next door", "council tax arrears", "care at home for my mother",
        "a transfer to a ground-floor flat", "street lighting", "rats in the communal area", "a blocked drain",
        "the lift being out of order", "a housing benefit decision", "graffiti on the underpass", "the closure of the library",
        "temporary accommodation", "a disabled adaptation", "a licensing application for a late bar"};
    private static final String[] NOTES = {"Called the resident, who confirmed the problem is ongoing.",
        "Emailed the housing officer for an update on the repair.", "Directorate replied: inspection booked for next week.",
        "Resident sent photographs of the damage.", "Left a voicemail; will try again tomorrow.",
        "Checked the repairs system: the job was raised but not completed.", "Spoke to the neighbourhood team about the complaint.",
        "Resident is happy with the outcome and agrees the case can close.", "Chased the service for a reply to our enquiry.",
        "Raised with the Mayor's office at the weekly catch-up.", "The contractor attended and fixed the leak.",
        "Resident says the noise continues late at night.", "Asked the resident for their tenancy reference."};

    private static final String[] CHANNELS = {"EMAIL", "EMAIL", "EMAIL", "EMAIL", "LETTER", "PHONE", "PHONE", "SURGERY", "WALK_IN",
        "SOCIAL_MEDIA", "REFERRAL"};
    private static final String[] OPEN_STATUSES = {"NEW", "NEW", "NEW", "ALLOCATED", "ALLOCATED", "IN_PROGRESS", "IN_PROGRESS",
        "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "AWAITING_DIRECTORATE", "AWAITING_DIRECTORATE", "AWAITING_RESIDENT",
        "DRAFT_RESPONSE", "RESPONSE_SENT", "REOPENED"};
    /**
     * Open cases chosen to await approval, the same at every scale (at most half the open cases; those received in the
     * last two days are new instead, so about 300 wait): the members' approvals queues (about 20 drafts a member) do
     * not grow with the office's history, so the load test's members approve the same work at 10,000 cases as at
     * 1,000,000 (with 2 open cases in 18, the 10,000-case office's first two members had 8 drafts between them).
     */
    private static final int AWAITING_APPROVAL = 600;
    private static final Map<String, String> LABEL = new LinkedHashMap<>();

    static {
        String[][] labels = {{"NEW", "New"}, {"ALLOCATED", "Allocated"}, {"IN_PROGRESS", "In progress"},
            {"AWAITING_DIRECTORATE", "Awaiting directorate"}, {"AWAITING_RESIDENT", "Awaiting resident"},
            {"DRAFT_RESPONSE", "Draft response"}, {"AWAITING_APPROVAL", "Awaiting approval"}, {"RESPONSE_SENT", "Response sent"},
            {"CLOSED", "Closed"}, {"REOPENED", "Reopened"}};
        for (String[] l : labels) {
            LABEL.put(l[0], l[1]);
        }
    }

    private static final String[] OUTCOMES = {"RESOLVED", "RESOLVED", "RESOLVED", "NOT_UPHELD", "REFERRED", "WITHDRAWN",
        "NO_FURTHER_ACTION"};

    /** A skewed pick: low indexes far more often than high ones (wards, topics, caseworkers are uneven). */
    private int skewed(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String postcode() {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return pick(POSTCODE_DISTRICTS) + " " + random.nextInt(10) + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
    }

    private static String ts(LocalDate day, int minuteOfDay) {
        return day.atStartOfDay().plusMinutes(minuteOfDay).atOffset(ZoneOffset.UTC).toString();
    }

    private int minute() {
        return 8 * 60 + random.nextInt(10 * 60);
    }

    /** One COPY in progress per table, each on its own connection. */
    private static final class Copy implements AutoCloseable {
        private final Connection connection;
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        private long rows;
        private final String table;

        Copy(Generator g, String table, String columns) throws SQLException {
            this.table = table;
            this.connection = g.connect();
            connection.setAutoCommit(false);
            this.in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin");
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                buffer.append(v == null ? "\\N" : v.toString());
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() > (1 << 20) - 4096) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            flush();
            in.endCopy();
            connection.commit();
            connection.close();
            log("%-22s %,12d rows", table, rows);
        }
    }

    private long nextId(Connection db, String table) throws SQLException {
        return single(db, "select coalesce(max(id), 0) + 1 from " + table);
    }

    private void identityByDefault(Connection db, String table, boolean byDefault) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("alter table " + table + " alter column id set generated " + (byDefault ? "by default" : "always"));
        }
    }

    private static final String[] ID_TABLES = {"person", "casework_case", "case_event", "case_action", "correspondence_item",
        "members_enquiry", "draft_response", "draft_version", "engagement", "briefing"};

    private void generate(Connection db) throws Exception {
        for (String table : ID_TABLES) {
            identityByDefault(db, table, true);
        }
        long personId = nextId(db, "person");
        long caseId = nextId(db, "casework_case");
        long eventId = nextId(db, "case_event");
        long actionId = nextId(db, "case_action");
        long itemId = nextId(db, "correspondence_item");
        long enquiryId = nextId(db, "members_enquiry");
        long draftId = nextId(db, "draft_response");
        long versionId = nextId(db, "draft_version");
        engagementId = nextId(db, "engagement");
        briefingId = nextId(db, "briefing");

        int people = Math.max(100, (int) (cases * 0.4));
        String[] personName = new String[people];
        String[] personEmail = new String[people];
        try (Copy person = new Copy(this, "person", "id, kind, title, first_name, last_name, email, phone, address_line1, town,"
                + " postcode, ward_id, preferred_contact, created_at, created_by")) {
            for (int i = 0; i < people; i++) {
                String first = pick(FIRST);
                String last = pick(LAST);
                personName[i] = first + " " + last;
                personEmail[i] = random.nextInt(10) < 7 ? (first + "." + last + (i % 997)).toLowerCase().replace("'", "") + "@example.org" : null;
                person.row(personId + i, "RESIDENT", random.nextBoolean() ? "Ms" : "Mr", first, last, personEmail[i],
                        "020 7" + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000)),
                        (1 + random.nextInt(200)) + " " + pick(STREETS), "London", postcode(), wards[skewed(wards.length)],
                        personEmail[i] != null ? "EMAIL" : "LETTER", ts(today.minusDays(random.nextInt(5 * 365)), minute()), "generator");
            }
        }

        // Received dates: five years, growing towards today; open cases are recent. Sorted so references rise with time.
        int open = (int) Math.min(cases * 0.10, 3000 + cases * 0.002);
        double awaitingShare = Math.min(0.5, AWAITING_APPROVAL / (double) open);
        int[] closedAge = new int[cases - open];
        for (int i = 0; i < closedAge.length; i++) {
            double u = random.nextDouble();
            closedAge[i] = 30 + (int) (Math.sqrt(u) * (5 * 365 - 30));
        }
        Arrays.sort(closedAge);
        int[] openAge = new int[open];
        for (int i = 0; i < open; i++) {
            // Mostly recent, up to a month: about one open case in five is past its response deadline.
            double u = random.nextDouble();
            openAge[i] = (int) (30 * u * u * u);
        }
        Arrays.sort(openAge);
        // Oldest first: closed (reversed age order), then open.
        // References continue each year's counter (the demo organisation already numbered a few cases and enquiries).
        Map<Integer, Integer> counters = counters(db, "case_reference_counter");
        Map<Integer, Integer> enquiryCounters = counters(db, "enquiry_reference_counter");
        int[] longTimelineDone = new int[caseworkers.length];

        try (Copy caseCopy = new Copy(this, "casework_case", "id, reference, case_type_id, channel, subject, description, topic_id,"
                + " portfolio_id, ward_id, member_id, priority, status, outcome, confidentiality, lawful_basis, special_category,"
                + " received_on, internal_due_on, external_due_on, paused_since, allocated_to_id, allocated_at, closed_at,"
                + " created_at, created_by");
             Copy casePerson = new Copy(this, "case_person", "case_id, person_id");
             Copy events = new Copy(this, "case_event", "id, case_id, occurred_at, actor, kind, internal, body");
             Copy actions = new Copy(this, "case_action", "id, case_id, assignee_id, due_on, description, done_at, created_at, created_by");
             Copy items = new Copy(this, "correspondence_item", "id, direction, channel, status, occurred_on, sender_name, sender_email,"
                     + " person_id, recipient, member_id, subject, body, case_id, distributed_by, distributed_at, source, logged_by, logged_at");
             Copy enquiries = new Copy(this, "members_enquiry", "id, reference, case_id, directorate_id, recipient, to_address,"
                     + " question, target_days, raised_on, due_on, status, response, responded_on, answered_late, raised_by, raised_by_id,"
                     + " created_at, closed_at, closed_by");
             Copy drafts = new Copy(this, "draft_response", "id, case_id, person_id, case_reference, case_subject, recipient_name,"
                     + " member_id, status, current_version, created_by_id, created_by, submitted_at, approved_version, approved_by,"
                     + " approved_at, dispatched_at, dispatched_by, dispatch_channels, created_at");
             Copy versions = new Copy(this, "draft_version", "id, draft_id, number, text, author_id, author, created_at");
             Copy tags = new Copy(this, "case_tag", "case_id, tag, created_by")) {
            for (int n = 0; n < cases; n++) {
                boolean isOpen = n >= closedAge.length;
                int age = isOpen ? openAge[open - 1 - (n - closedAge.length)] : closedAge[closedAge.length - 1 - n];
                LocalDate received = today.minusDays(age);
                int year = received.getYear();
                int seq = counters.merge(year, 1, Integer::sum);
                String reference = "MO-" + year + "-" + String.format("%05d", seq);
                int type = random.nextInt(caseTypes.length);
                int target = caseTypeTarget[type];
                LocalDate externalDue = received.plusDays((target * 7 + 4) / 5);
                LocalDate internalDue = externalDue.minusDays(3);
                int topicIndex = skewed(topics.length);
                String issue = ISSUES[(topicIndex * 3 + random.nextInt(4)) % ISSUES.length];
                String street = pick(STREETS);
                String subject = capital(issue) + " at " + (1 + random.nextInt(200)) + " " + street;
                String description = "The resident writes about " + issue + " at their home on " + street + ". "
                        + pick(NOTES) + " They ask the Mayor to intervene.";
                int portfolio = random.nextInt(portfolios.length);
                Long member = random.nextInt(10) < 6 ? portfolioMember[portfolio] : null;
                String status;
                String outcome = null;
                Long allocatedTo = null;
                int cw = skewed(caseworkers.length);
                if (!isOpen) {
                    status = "CLOSED";
                    outcome = pick(OUTCOMES);
                } else if (random.nextDouble() < awaitingShare) {
                    status = "AWAITING_APPROVAL";
                } else {
                    status = OPEN_STATUSES[random.nextInt(OPEN_STATUSES.length)];
                }
                if (!status.equals("NEW")) {
                    allocatedTo = caseworkers[cw];
                }
                if (isOpen && !status.equals("NEW") && age < 2) {
                    // Nothing allocated the same day it arrived.
                    status = "NEW";
                    allocatedTo = null;
                }
                int r = random.nextInt(100);
                String confidentiality = r < 2 ? "RESTRICTED" : r < 7 ? "SENSITIVE" : "STANDARD";
                String priority = r % 10 == 0 ? "HIGH" : r % 33 == 0 ? "URGENT" : "NORMAL";
                LocalDate closed = isOpen ? null : received.plusDays(Math.min(age - 1, 3 + random.nextInt(35)));
                LocalDate allocatedOn = received.plusDays(1);
                String createdAt = ts(received, minute());
                long id = caseId + n;
                caseCopy.row(id, reference, caseTypes[type], pick(CHANNELS), subject, description, topics[topicIndex],
                        member == null ? null : portfolios[portfolio], wards[skewed(wards.length)], member, priority, status, outcome,
                        confidentiality, "PUBLIC_TASK", r < 4, received, internalDue, externalDue,
                        status.equals("AWAITING_RESIDENT") ? today.minusDays(random.nextInt(Math.max(1, age))) : null,
                        allocatedTo, allocatedTo == null ? null : ts(allocatedOn, minute()),
                        closed == null ? null : ts(closed, minute()), createdAt, "generator");
                int p = random.nextInt(people);
                casePerson.row(id, personId + p);
                if (random.nextInt(10) == 0) {
                    int q = (p + 1 + random.nextInt(people - 1)) % people;
                    casePerson.row(id, personId + q);
                }

                // Timeline: created, allocated, a few notes and status changes; closed cases end with a response and closure.
                String cwName = caseworkerNames[cw];
                events.row(eventId++, id, createdAt, "Coordinator 1", "CREATED", false, "Case created from " + "correspondence");
                int entries = 2;
                if (allocatedTo != null) {
                    events.row(eventId++, id, ts(allocatedOn, minute()), "Coordinator 1", "ALLOCATION", false, "Allocated to " + cwName);
                    entries++;
                }
                boolean longTimeline = isOpen && allocatedTo != null && !status.equals("CLOSED") && longTimelineDone[cw] == 0
                        && !confidentiality.equals("RESTRICTED");
                int notes = longTimeline ? 196 : 1 + random.nextInt(3);
                if (longTimeline) {
                    longTimelineDone[cw] = 1;
                    tags.row(id, LONG_TIMELINE_TAG, "generator");
                }
                for (int k = 0; k < notes; k++) {
                    LocalDate on = received.plusDays(Math.min(Math.max(0, age - 1), 1 + k / 4 + random.nextInt(5)));
                    events.row(eventId++, id, ts(on, minute()), cwName, "NOTE", random.nextInt(5) == 0, pick(NOTES));
                }
                if (!isOpen) {
                    events.row(eventId++, id, ts(closed.minusDays(1), minute()), cwName, "STATUS", false,
                            "Status changed from Awaiting approval to Response sent");
                    events.row(eventId++, id, ts(closed, minute()), cwName, "STATUS", false,
                            "Status changed from Response sent to Closed. Outcome: " + outcome.charAt(0) + outcome.substring(1).toLowerCase().replace('_', ' '));
                } else if (!status.equals("NEW") && !status.equals("ALLOCATED")) {
                    events.row(eventId++, id, ts(today.minusDays(Math.min(age, 2)), minute()), cwName, "STATUS", false,
                            "Status changed from In progress to " + LABEL.get(status));
                }

                // Correspondence: the letter in, a follow-up, and (for answered cases) the reply out. About 3 a case.
                String writer = personName[p];
                String writerEmail = personEmail[p];
                items.row(itemId++, "IN", "EMAIL", "NEW_CASE", received, writer, writerEmail, personId + p, null, null, subject,
                        description, id, "Coordinator 1", createdAt, "MANUAL", "Coordinator 1", createdAt);
                if (random.nextInt(10) < 8) {
                    LocalDate on = isOpen ? received.plusDays(Math.min(age, 3)) : received.plusDays(2);
                    items.row(itemId++, "IN", "EMAIL", "ATTACHED", on, writer, writerEmail, personId + p, null, null, "RE: " + subject,
                            "Further to my email, " + pick(NOTES).toLowerCase(), id, cwName, ts(on, minute()), "MANUAL", cwName, ts(on, minute()));
                }
                if (!isOpen || random.nextInt(4) == 0) {
                    LocalDate on = isOpen ? today : closed.minusDays(1);
                    items.row(itemId++, "OUT", random.nextInt(4) == 0 ? "LETTER" : "EMAIL", "SENT", on, null, null, personId + p, writer,
                            member, "Your enquiry " + reference, "Thank you for contacting the Mayor about " + issue + ".", id, null, null,
                            "RESPONSE", cwName, ts(on, minute()));
                }

                // Members' enquiries to a directorate: one case in four.
                if (random.nextInt(4) == 0 && allocatedTo != null) {
                    int d = skewed(directorates.length);
                    LocalDate raised = received.plusDays(Math.min(Math.max(0, age - 1), 2));
                    LocalDate due = raised.plusDays(14);
                    int eyear = raised.getYear();
                    String eref = "ME-" + eyear + "-" + String.format("%05d", enquiryCounters.merge(eyear, 1, Integer::sum));
                    boolean answered = !isOpen || status.equals("RESPONSE_SENT") || random.nextInt(3) == 0;
                    LocalDate responded = answered ? raised.plusDays(Math.min(Math.max(0, age - 3), 5 + random.nextInt(15))) : null;
                    enquiries.row(enquiryId++, eref, id, directorates[d], "Service manager", directorateEmail[d],
                            "Please advise on " + issue + " for our resident.", 10, raised, due, answered ? "ANSWERED" : "OPEN",
                            answered ? "The service has looked into this and will act." : null, responded,
                            answered ? Boolean.valueOf(responded.isAfter(due)) : null, cwName, allocatedTo, ts(raised, minute()),
                            answered ? ts(responded, minute()) : null, answered ? cwName : null);
                }

                // Draft responses: every closed case in three, and every open case awaiting approval (the approvals queue).
                boolean awaiting = status.equals("AWAITING_APPROVAL");
                if (allocatedTo != null && (awaiting || (!isOpen && random.nextInt(3) == 0))) {
                    String draftCreated = ts(closed == null ? today.minusDays(1) : closed.minusDays(2), minute());
                    drafts.row(draftId, id, personId + p, reference, subject, writer, member, awaiting ? "AWAITING_APPROVAL" : "DISPATCHED", 1,
                            allocatedTo, cwName, draftCreated, awaiting ? null : 1, awaiting ? null : "Aisha Rahman",
                            awaiting ? null : draftCreated, awaiting ? null : ts(closed.minusDays(1), minute()), awaiting ? null : cwName,
                            awaiting ? null : "EMAIL", draftCreated);
                    versions.row(versionId++, draftId, 1, "Dear " + writer + ",\\n\\nThank you for writing to the Mayor about " + issue
                            + ". " + pick(NOTES) + "\\n\\nYours sincerely", allocatedTo, cwName, draftCreated);
                    draftId++;
                }

                // Follow-up actions: one on most open allocated cases (some overdue), a done one on some closed cases.
                if (allocatedTo != null && (isOpen || random.nextInt(5) == 0)) {
                    LocalDate due = isOpen ? today.plusDays(random.nextInt(20) - 5) : closed.minusDays(2);
                    actions.row(actionId++, id, allocatedTo, due, "Chase the service for an update", isOpen ? null : ts(closed, minute()),
                            createdAt, cwName);
                }
            }

            // The correspondence triage inbox: items not yet attached to a case.
            int triage = Math.max(50, Math.min(2000, cases / 500));
            for (int i = 0; i < triage; i++) {
                int p = random.nextInt(people);
                LocalDate on = today.minusDays(random.nextInt(10));
                String issue = pick(ISSUES);
                items.row(itemId++, "IN", "EMAIL", "IN_TRIAGE", on, personName[p], personEmail[p], personId + p, null, null,
                        capital(issue), "I am writing about " + issue + ".", null, null, null, "MANUAL", "Coordinator 1", ts(on, minute()));
            }
        }
        try (Statement s = db.createStatement()) {
            for (Map.Entry<Integer, Integer> e : counters.entrySet()) {
                s.execute("insert into case_reference_counter (year, last_value) values (" + e.getKey() + ", " + e.getValue()
                        + ") on conflict (year) do update set last_value = greatest(case_reference_counter.last_value, excluded.last_value)");
            }
            s.execute("""
                    insert into enquiry_reference_counter (year, last_value)
                    select substring(reference from 4 for 4)::int, max(substring(reference from 9)::int) from members_enquiry
                    group by 1 on conflict (year) do update set last_value = greatest(enquiry_reference_counter.last_value, excluded.last_value)""");
        }

        // Diaries. A member's diary does not grow with the caseload: from this week's Monday to two months ahead each
        // member has a working diary at every scale (2-4 engagements a working day, the first three members one more,
        // a Saturday in three), so the week view and "Briefings due" show the same office whatever the scale. The five
        // years before are history in proportion to the office (~0.05 engagements a case), so the table still grows.
        // Briefings for about half.
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int history = Math.max(500, cases / 20);
        try (Copy eng = new Copy(this, "engagement", "id, member_id, title, kind, starts_at, ends_at, location, status, private, ward_id,"
                + " topic_id, created_at, created_by");
             Copy brief = new Copy(this, "briefing", "id, engagement_id, member_id, kind, title, author_id, due_on, status, position,"
                     + " created_at, created_by")) {
            for (int i = 0; i < history; i++) {
                LocalDate day = monday.minusDays(1 + random.nextInt(5 * 365));
                engagement(eng, brief, members[skewed(members.length)], day);
            }
            for (LocalDate day = monday; !day.isAfter(today.plusDays(60)); day = day.plusDays(1)) {
                boolean saturday = day.getDayOfWeek() == DayOfWeek.SATURDAY;
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                for (int m = 0; m < members.length; m++) {
                    int count = saturday ? (random.nextInt(3) == 0 ? 1 : 0) : 2 + random.nextInt(3) + (m < 3 ? 1 : 0);
                    for (int k = 0; k < count; k++) {
                        engagement(eng, brief, members[m], day);
                    }
                }
            }
        }

        for (String table : ID_TABLES) {
            identityByDefault(db, table, false);
            try (Statement s = db.createStatement()) {
                s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select coalesce(max(id), 1) from " + table + "))");
            }
        }
    }

    /**
     * One engagement of {@code member} on {@code day} (past ones confirmed or now and then cancelled, coming ones a
     * quarter tentative), with a briefing half the time (ready for past engagements).
     */
    private void engagement(Copy eng, Copy brief, long member, LocalDate day) throws SQLException {
        boolean past = day.isBefore(today);
        OffsetDateTime starts = day.atTime(9 + random.nextInt(9), random.nextBoolean() ? 0 : 30).atOffset(ZoneOffset.UTC);
        OffsetDateTime ends = starts.plusMinutes(30 + 30L * random.nextInt(4));
        String issue = pick(ISSUES);
        long id = engagementId++;
        String status = past ? (random.nextInt(15) == 0 ? "CANCELLED" : "CONFIRMED")
                : (random.nextInt(4) == 0 ? "TENTATIVE" : "CONFIRMED");
        eng.row(id, member, "Meeting about " + issue, pick(ENGAGEMENT_KINDS), starts, ends, pick(STREETS), status, random.nextInt(12) == 0,
                wards[skewed(wards.length)], topics[skewed(topics.length)], ts(day.minusDays(20), minute()), "Support Officer 1");
        if (random.nextBoolean()) {
            LocalDate due = day.minusDays(3);
            String bstatus = past ? "READY" : new String[] {"COMMISSIONED", "DRAFTED", "CLEARED", "READY"}[random.nextInt(4)];
            brief.row(briefingId++, id, member, pick(BRIEFING_KINDS), "Briefing: " + issue,
                    supportOfficers[random.nextInt(supportOfficers.length)], due, bstatus, 0, ts(due.minusDays(10), minute()),
                    "Support Officer 1");
        }
    }

    private static Map<Integer, Integer> counters(Connection db, String table) throws SQLException {
        Map<Integer, Integer> counters = new LinkedHashMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select year, last_value from " + table)) {
            while (rs.next()) {
                counters.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return counters;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void finish(Connection db) throws SQLException {
        long t = System.nanoTime();
        try (Statement s = db.createStatement()) {
            // VACUUM too: it sets the visibility map, so index-only scans need no heap visits (autovacuum would, later).
            s.execute("vacuum analyze");
        }
        log("analyzed in %.0f s", (System.nanoTime() - t) / 1e9);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select (select count(*) from casework_case), (select count(*) from casework_case where status <> 'CLOSED'),
                       (select count(*) from casework_case where status = 'NEW' and allocated_to_id is null),
                       (select count(*) from casework_case where status <> 'CLOSED' and external_due_on < current_date),
                       (select count(*) from casework_case where confidentiality = 'RESTRICTED'),
                       (select count(*) from person), (select count(*) from case_event), (select count(*) from correspondence_item),
                       (select count(*) from members_enquiry), (select count(*) from draft_response), (select count(*) from engagement),
                       (select count(*) from app_user),
                       (select count(*) from draft_response where status = 'AWAITING_APPROVAL')""")) {
            rs.next();
            log("cases %,d (open %,d, triage %,d, overdue %,d, restricted %,d); people %,d; timeline %,d; correspondence %,d;"
                    + " enquiries %,d; drafts %,d (awaiting approval %,d); engagements %,d; users %,d", rs.getLong(1), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                    rs.getLong(10), rs.getLong(13), rs.getLong(11), rs.getLong(12));
        }
    }

}
