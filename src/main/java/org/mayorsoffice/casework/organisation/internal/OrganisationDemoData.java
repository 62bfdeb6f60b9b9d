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

    private final WardRepository wards;
    private final DirectorateRepository directorates;
    private final ServiceAreaRepository serviceAreas;

    OrganisationDemoData(WardRepository wards, DirectorateRepository directorates, ServiceAreaRepository serviceAreas) {
        this.wards = wards;
        this.directorates = directorates;
        this.serviceAreas = serviceAreas;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (wards.count() > 0) {
            return;
        }
        WARDS.forEach(name -> wards.save(new Ward(name)));
        DIRECTORATES.forEach((name, areas) -> {
            String slug = name.toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
            Directorate directorate = directorates.save(new Directorate(name, slug + ".enquiries@council.example.org"));
            areas.forEach(area -> serviceAreas.save(new ServiceArea(directorate, area)));
        });
        log.info("Loaded demo organisation: " + WARDS.size() + " wards, " + DIRECTORATES.size() + " directorates");
    }
}
