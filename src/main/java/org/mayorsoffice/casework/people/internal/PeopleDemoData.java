package org.mayorsoffice.casework.people.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.organisation.OrganisationApi.Named;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo directory (first start only): about 200 clearly fictional correspondents spread over the
 * wards, mostly residents, with some organisations and public bodies, two MPs and three
 * councillors, and two deliberate duplicates to try merging. Deterministic (fixed seed). Emails use
 * the reserved example.* domains; phone numbers are from Ofcom's ranges kept for drama
 * (020 7946 0xxx, 07700 900xxx); streets are invented.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class PeopleDemoData implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(PeopleDemoData.class);

    static final int RESIDENTS = 174;

    private static final String INSERT = "insert into person (kind, title, first_name, last_name, organisation_name, email,"
            + " phone, mobile, address_line1, address_line2, town, postcode, ward_id, preferred_contact, preferred_language,"
            + " accessibility_notes, consent_to_share, consent_date, consent_method, created_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')";

    /** Each ward's usual postcode district. */
    private static final Map<String, String> DISTRICT_BY_WARD = Map.ofEntries(
            Map.entry("Bethnal Green East", "E2"), Map.entry("Bethnal Green West", "E2"), Map.entry("Weavers", "E2"),
            Map.entry("Blackwall & Cubitt Town", "E14"), Map.entry("Canary Wharf", "E14"), Map.entry("Island Gardens", "E14"),
            Map.entry("Lansbury", "E14"), Map.entry("Limehouse", "E14"), Map.entry("Poplar", "E14"),
            Map.entry("Bow East", "E3"), Map.entry("Bow West", "E3"), Map.entry("Bromley North", "E3"),
            Map.entry("Bromley South", "E3"), Map.entry("Mile End", "E3"),
            Map.entry("Shadwell", "E1"), Map.entry("Spitalfields & Banglatown", "E1"), Map.entry("St Dunstan's", "E1"),
            Map.entry("Stepney Green", "E1"), Map.entry("Whitechapel", "E1"), Map.entry("St Katharine's & Wapping", "E1W"));

    private static final List<String> FIRST_NAMES = List.of("Aisha", "Mohammed", "Fatima", "Abdul", "Sultana", "Rahim",
            "Nasreen", "Jamal", "Shirin", "Tahmina", "Imran", "Rukhsana", "Oliver", "Emily", "George", "Grace", "Daniel",
            "Sophie", "Patrick", "Siobhan", "Kwame", "Adaeze", "Chidi", "Funmi", "Tomasz", "Agnieszka", "Marek", "Giulia",
            "Luca", "Ana", "Rui", "Mei", "Wei", "Priya", "Arjun", "Leah", "Samuel", "Ruth", "Yusuf", "Hana");

    private static final List<String> LAST_NAMES = List.of("Ahmed", "Begum", "Miah", "Uddin", "Rahman", "Hussain", "Islam",
            "Khatun", "Ali", "Chowdhury", "Smith", "Jones", "Taylor", "Brown", "Walsh", "O'Brien", "Murphy", "Okafor",
            "Mensah", "Adeyemi", "Nowak", "Kowalski", "Rossi", "Silva", "Chen", "Wong", "Patel", "Shah", "Cohen", "Levy",
            "Green", "Hall", "Clarke", "Wright", "Evans", "Thomas", "Roberts", "Hughes", "Baker", "Price");

    private static final List<String> STREETS = List.of("Larkspur Street", "Quillon Road", "Tenterfield Walk",
            "Marlowe Gardens", "Pennyroyal Close", "Cobbler's Row", "Saltpetre Lane", "Weaver's Yard", "Bellfounder Street",
            "Lanternmaker Road", "Ropewalk Terrace", "Dockhand Way", "Gasholder Place", "Barge Lane", "Hopgarden Street",
            "Sailmaker Close", "Tidewater Road", "Cooperage Walk", "Silk Mill Street", "Wharfinger Row");

    private static final List<String> BLOCKS = List.of("Saffron Court", "Heron House", "Kestrel Point", "Mulberry House",
            "Juniper Court", "Osprey Tower", "Hawthorn House", "Linden Court");

    private static final List<String> TITLES = List.of("Ms", "Mr", "Mrs", "Miss", "Dr", "Mx");

    private static final List<String> LANGUAGES = List.of("Bengali (Sylheti)", "Bengali (Sylheti)", "Bengali (Sylheti)",
            "Somali", "Polish", "Cantonese", "Portuguese", "British Sign Language");

    private static final List<String> NOTES = List.of(
            "Uses a wheelchair: meetings on the ground floor only.",
            "Partially sighted: send letters in large print (18pt).",
            "Hard of hearing: prefers email to phone calls.",
            "Needs an interpreter for meetings.",
            "Carer for a disabled child: calls best after 7pm.",
            "Has told us of anxiety: explain next steps clearly and in writing.",
            "Recently bereaved: handle with care.");

    private static final List<String[]> ORGANISATIONS = List.of(
            new String[] {"Larkspur Street Tenants' Association", "Nadia", "Rahman"},
            new String[] {"Island Gardens Residents' Forum", "Peter", "Lowe"},
            new String[] {"Mile End Community Food Bank", null, null},
            new String[] {"Bow Creek Allotment Society", "Margaret", "Doyle"},
            new String[] {"Weavers Fields Youth Project", "Jamal", "Uddin"},
            new String[] {"Shadwell Mosque Welfare Committee", "Abdul", "Karim"},
            new String[] {"Limehouse Basin Boat Dwellers' Group", null, null},
            new String[] {"Whitechapel Traders' Partnership (demo)", "Sunita", "Shah"},
            new String[] {"Poplar Pensioners' Action Group", "Eileen", "Ward"},
            new String[] {"Stepney Green Parents' Network", null, null},
            new String[] {"Canary Wharf Cycle Safety Campaign", "Luca", "Bianchi"},
            new String[] {"Bethnal Green Arts Collective", null, null},
            new String[] {"Spitalfields Heritage Society (demo)", "Rebecca", "Stein"},
            new String[] {"Bromley-by-Bow Somali Community Association", "Hodan", "Farah"},
            new String[] {"Wapping Riverside Residents' Association", null, null});

    private static final List<String[]> OTHER_BODIES = List.of(
            new String[] {"Riverside Homes Housing Association (demo)", "tenancy.team@riverside-homes.example.org"},
            new String[] {"East Thames Water Services (demo)", "community@east-thames-water.example.org"},
            new String[] {"Thames Gateway Transport Partnership (demo)", "enquiries@tgtp.example.org"},
            new String[] {"Borough Safer Neighbourhoods Team (demo)", "safer.neighbourhoods@police.example.org"});

    private final JdbcTemplate jdbc;
    private final OrganisationApi organisation;

    PeopleDemoData(JdbcTemplate jdbc, OrganisationApi organisation) {
        this.jdbc = jdbc;
        this.organisation = organisation;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from person", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        List<Object[]> rows = rows(new Random(20260401L), organisation.wards());
        jdbc.batchUpdate(INSERT, rows);
        log.info("Loaded demo people directory: " + rows.size() + " correspondents");
    }

    static List<Object[]> rows(Random random, List<Named> wards) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            rows.add(resident(random, wards, i));
        }
        // Two deliberate duplicates: the same residents entered again with a different email and no phone.
        for (int i : new int[] {3, 11}) {
            Object[] copy = rows.get(i).clone();
            copy[5] = String.valueOf(copy[2]).toLowerCase(Locale.UK).charAt(0) + "."
                    + String.valueOf(copy[3]).toLowerCase(Locale.UK).replaceAll("[^a-z]", "") + "@mail.example.net";
            copy[6] = null;
            copy[7] = null;
            copy[13] = "EMAIL";
            copy[15] = null;
            copy[16] = false;
            copy[17] = null;
            copy[18] = null;
            rows.add(copy);
        }
        for (int i = 0; i < ORGANISATIONS.size(); i++) {
            String[] o = ORGANISATIONS.get(i);
            Named ward = ward(wards, random);
            String slug = o[0].toLowerCase(Locale.UK).replaceAll("\\(demo\\)", "").replaceAll("[^a-z]+", "-")
                    .replaceAll("^-|-$", "");
            rows.add(new Object[] {"ORGANISATION", null, o[1], o[2], o[0], "contact@" + slug + ".example.org",
                phone(random), null, (1 + random.nextInt(120)) + " " + pick(random, STREETS), null, "London",
                postcode(random, ward), ward == null ? null : ward.id(), "EMAIL", null, null, i % 2 == 0,
                i % 2 == 0 ? consentDate(random) : null, i % 2 == 0 ? "EMAIL" : null});
        }
        for (String[] b : OTHER_BODIES) {
            Named ward = ward(wards, random);
            rows.add(new Object[] {"OTHER_BODY", null, null, null, b[0], b[1], phone(random), null, null, null, null, null,
                ward == null ? null : ward.id(), "EMAIL", null, null, false, null, null});
        }
        rows.add(new Object[] {"MP", null, "Hannah", "Whitcombe", "House of Commons",
            "hannah.whitcombe.mp@parliament.example.org", "020 7946 0101", null, "House of Commons", null, "London",
            "SW1A 0AA", null, "EMAIL", null, null, false, null, null});
        rows.add(new Object[] {"MP", null, "Idris", "Mahmood", "House of Commons",
            "idris.mahmood.mp@parliament.example.org", "020 7946 0102", null, "House of Commons", null, "London",
            "SW1A 0AA", null, "EMAIL", null, null, false, null, null});
        String[][] councillors = {{"Rosa", "Delgado"}, {"Shahed", "Karim"}, {"Martin", "Fairweather"}};
        for (String[] c : councillors) {
            Named ward = ward(wards, random);
            rows.add(new Object[] {"COUNCILLOR", "Cllr", c[0], c[1], null,
                "cllr." + c[0].toLowerCase(Locale.UK) + "." + c[1].toLowerCase(Locale.UK) + "@council.example.org",
                null, mobile(random), null, null, null, null, ward == null ? null : ward.id(), "EMAIL", null, null, false,
                null, null});
        }
        return rows;
    }

    private static Object[] resident(Random random, List<Named> wards, int n) {
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        String title = random.nextInt(4) == 0 ? null : pick(random, TITLES);
        Named ward = ward(wards, random);
        boolean flat = random.nextBoolean();
        String line1 = flat ? "Flat " + (1 + random.nextInt(60)) + ", " + pick(random, BLOCKS)
                : (1 + random.nextInt(180)) + " " + pick(random, STREETS);
        String line2 = flat ? pick(random, STREETS) : null;
        String email = random.nextInt(4) == 0 ? null
                : first.toLowerCase(Locale.UK) + "." + last.toLowerCase(Locale.UK).replaceAll("[^a-z]", "") + n + "@example.com";
        String phone = random.nextInt(3) == 0 ? phone(random) : null;
        String mobile = random.nextInt(4) == 0 ? null : mobile(random);
        List<String> contacts = new ArrayList<>(List.of("LETTER", "NO_PREFERENCE"));
        if (email != null) {
            contacts.add("EMAIL");
            contacts.add("EMAIL");
        }
        if (phone != null || mobile != null) {
            contacts.add("PHONE");
        }
        boolean consent = random.nextInt(5) < 3;
        return new Object[] {"RESIDENT", title, first, last, null, email, phone, mobile, line1, line2, "London",
            postcode(random, ward), ward == null ? null : ward.id(), pick(random, contacts),
            random.nextInt(4) == 0 ? pick(random, LANGUAGES) : null,
            random.nextInt(10) == 0 ? pick(random, NOTES) : null, consent, consent ? consentDate(random) : null,
            consent ? pick(random, List.of("IN_WRITING", "VERBAL", "EMAIL", "ONLINE_FORM")) : null};
    }

    private static Named ward(List<Named> wards, Random random) {
        return wards.isEmpty() ? null : wards.get(random.nextInt(wards.size()));
    }

    private static String postcode(Random random, Named ward) {
        String district = ward == null ? "E1" : DISTRICT_BY_WARD.getOrDefault(ward.name(), "E1");
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return district + " " + (random.nextInt(9) + 1) + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
    }

    private static String phone(Random random) {
        return String.format("020 7946 0%03d", random.nextInt(1000));
    }

    private static String mobile(Random random) {
        return String.format("07700 900%03d", random.nextInt(1000));
    }

    private static LocalDate consentDate(Random random) {
        return LocalDate.of(2025, 1, 6).plusDays(random.nextInt(360));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
