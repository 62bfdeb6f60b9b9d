package org.mayorsoffice.casework.organisation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Demo organisation: Tower Hamlets' 20 wards and the council's directorates with their service areas. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class OrganisationDemoData implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(OrganisationDemoData.class);

    static final List<String> WARDS = List.of("Bethnal Green East", "Bethnal Green West", "Blackwall & Cubitt Town",
            "Bow East", "Bow West", "Bromley North", "Bromley South", "Canary Wharf", "Island Gardens", "Lansbury",
            "Limehouse", "Mile End", "Poplar", "Shadwell", "Spitalfields & Banglatown", "St Dunstan's",
            "St Katharine's & Wapping", "Stepney Green", "Weavers", "Whitechapel");

    static final Map<String, List<String>> DIRECTORATES = new LinkedHashMap<>();

    static {
        DIRECTORATES.put("Children's Services", List.of("Education and Schools", "Children's Social Care",
                "Special Educational Needs and Disabilities", "Early Help and Youth Services"));
        DIRECTORATES.put("Health, Adults & Community", List.of("Adult Social Care", "Public Health",
                "Community Safety", "Leisure and Culture", "Idea Stores and Libraries"));
        DIRECTORATES.put("Housing & Regeneration", List.of("Housing Options and Homelessness",
                "Housing Management and Repairs", "Regeneration", "Private Sector Housing"));
        DIRECTORATES.put("Place", List.of("Highways and Transport", "Parking", "Waste and Street Cleansing",
                "Planning and Building Control", "Environmental Health and Trading Standards", "Parks and Open Spaces"));
        DIRECTORATES.put("Resources", List.of("Council Tax and Business Rates", "Benefits", "Customer Services",
                "Finance", "Human Resources"));
        DIRECTORATES.put("Chief Executive's Office", List.of("Legal Services", "Democratic Services",
                "Communications", "Strategy and Policy", "Electoral Services"));
    }

    /** Each demo directorate's senior contact for escalated enquiries, and its response target in working days. */
    static final Map<String, String[]> SENIOR_CONTACTS = Map.of(
            "Children's Services", new String[] {"Priya Desai", "priya.desai@council.example.org", "10"},
            "Health, Adults & Community", new String[] {"Daniel Okafor", "daniel.okafor@council.example.org", "10"},
            "Housing & Regeneration", new String[] {"Karen Whitfield", "karen.whitfield@council.example.org", "10"},
            "Place", new String[] {"Owen Price", "owen.price@council.example.org", "10"},
            "Resources", new String[] {"Fatima Begum", "fatima.begum@council.example.org", "10"},
            "Chief Executive's Office", new String[] {"Richard Lowe", "richard.lowe@council.example.org", "5"});

    private final WardRepository wards;
    private final DirectorateRepository directorates;
    private final ServiceAreaRepository serviceAreas;

    private final JdbcClient jdbc;

    OrganisationDemoData(WardRepository wards, DirectorateRepository directorates, ServiceAreaRepository serviceAreas,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.wards = wards;
        this.directorates = directorates;
        this.serviceAreas = serviceAreas;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (wards.count() > 0) {
            enquiryContacts();
            return;
        }
        WARDS.forEach(name -> wards.save(new Ward(name)));
        DIRECTORATES.forEach((name, areas) -> {
            String slug = name.toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
            Directorate directorate = directorates.save(new Directorate(name, slug + ".enquiries@council.example.org"));
            areas.forEach(area -> serviceAreas.save(new ServiceArea(directorate, area)));
        });
        enquiryContacts();
        log.info("Loaded demo organisation: " + WARDS.size() + " wards, " + DIRECTORATES.size() + " directorates");
    }

    /**
     * Senior contacts and targets for the demo directorates (also for a demo database loaded before the
     * directory had them), and a service area with its own enquiry team. Fills blanks only.
     */
    private void enquiryContacts() {
        SENIOR_CONTACTS.forEach((name, contact) -> jdbc.sql("update directorate set senior_contact_name = ?,"
                        + " senior_contact_email = ?, response_target_days = ?, version = version + 1"
                        + " where name = ? and senior_contact_email is null")
                .params(contact[0], contact[1], Integer.parseInt(contact[2]), name).update());
        jdbc.sql("update service_area set enquiry_email = 'repairs.enquiries@council.example.org',"
                        + " senior_contact_name = 'Martin Hughes', senior_contact_email = 'martin.hughes@council.example.org',"
                        + " version = version + 1 where name = 'Housing Management and Repairs' and enquiry_email is null")
                .update();
    }
}
