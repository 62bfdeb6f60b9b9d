package org.mayorsoffice.casework.correspondence.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.TimelineKind;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Channel;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Direction;
import org.mayorsoffice.casework.correspondence.CorrespondenceEnums.Status;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo correspondence (first start): 15 incoming items waiting in the triage inbox, among them five
 * near-identical emails objecting to a planning application (the campaign suggestion picks them up),
 * plus letters and phone calls; and a few items already distributed to existing cases.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class CorrespondenceDemoData implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(CorrespondenceDemoData.class);
    private static final String ACTOR = "Demo data";

    private record Demo(Channel channel, int daysAgo, String name, String email, String address, String subject, String body) {}

    private static final List<Demo> TRIAGE = List.of(
            new Demo(Channel.EMAIL, 6, "Priya Sharma", "priya.sharma@example.org", null,
                    "Objection to planning application PA/26/00417 Bow Wharf tower",
                    "I object to the 28-storey tower at Bow Wharf. It will overshadow the canal and the school playground."),
            new Demo(Channel.EMAIL, 6, "Daniel Okafor", "d.okafor@example.net", null,
                    "Objection to planning application PA/26/00417 - Bow Wharf tower",
                    "Please oppose the Bow Wharf tower. The local GP surgery cannot take hundreds more patients."),
            new Demo(Channel.EMAIL, 5, "Sarah Whitfield", "sarah.whitfield@example.com", null,
                    "Objection: planning application PA/26/00417 Bow Wharf tower",
                    "As a resident of Roman Road I object to this application: too tall, too dense, no affordable homes."),
            new Demo(Channel.EMAIL, 5, "Mohammed Ali", "m.ali@example.org", null,
                    "Re: Objection to planning application PA/26/00417 Bow Wharf",
                    "I am writing to object to the Bow Wharf tower. The canal towpath is already overcrowded."),
            new Demo(Channel.EMAIL, 4, "Helen Carter", "helen.carter@example.co.uk", null,
                    "Objection to planning application PA/26/00417 Bow Wharf tower block",
                    "Dear Mayor, I object to the tower. It is out of keeping with the conservation area."),
            new Demo(Channel.LETTER, 9, "Mr George Thompson", null, "14 Antill Road\nLondon\nE3 5BT",
                    "Letter about a blocked drain outside 14 Antill Road",
                    "Handwritten letter: the drain outside his house has been blocked since September and floods the pavement."),
            new Demo(Channel.LETTER, 8, "Mrs Rita Patel", null, "Flat 3, Brunton Wharf\nLondon\nE14 7LQ",
                    "Request for help with a Blue Badge renewal",
                    "Mrs Patel's Blue Badge expires next month; her renewal has had no answer for eight weeks."),
            new Demo(Channel.PHONE, 3, "Kwame Mensah", null, null, "Phone call: noise from a late-night shop on Mile End Road",
                    "Mr Mensah rang: the shop below his flat plays music until 3am. He has complained to the shop twice."),
            new Demo(Channel.PHONE, 2, "Anna Kowalski", "anna.kowalski@example.org", null,
                    "Phone call: school transport for her son",
                    "Ms Kowalski rang about travel assistance for her son, who has an EHCP; the bus stopped coming last week."),
            new Demo(Channel.EMAIL, 2, "Riverside Homes Housing Association", "tenancy.team@riverside-homes.example.org", null,
                    "Update on repairs at Brindley House",
                    "The lift contractor will attend on Thursday. We will update the Mayor's office after the visit."),
            new Demo(Channel.SOCIAL_MEDIA, 1, "@bowresident", null, null, "Message on X: street lights out on Bow Road",
                    "Three street lights have been out on Bow Road near the station for two weeks. It feels unsafe at night."),
            new Demo(Channel.SURGERY, 7, "Fatima Begum", null, "Lansbury Estate", "Surgery note: overcrowding in a two-bed flat",
                    "Met at the Mayor's surgery. Family of six in a two-bed flat; on the housing register for five years."),
            new Demo(Channel.EMAIL, 1, "Tom Baker", "tom.baker@example.com", null, "Parking suspension on Grove Road",
                    "Why is the parking on Grove Road suspended for three weeks? Nobody was told."),
            new Demo(Channel.LETTER, 11, "Friends of Victoria Park", null, "c/o 2 Old Ford Road\nLondon\nE2 9PJ",
                    "Invitation to the Victoria Park summer fair",
                    "The Friends of Victoria Park invite the Mayor to open the summer fair on 4 July."),
            new Demo(Channel.EMAIL, 0, "Lina Haddad", "lina.haddad@example.net", null, "Missed bin collections on Ben Jonson Road",
                    "Our recycling has not been collected for three weeks running."));

    private final CorrespondenceService register;
    private final CaseDesk caseDesk;
    private final MemberDirectory members;
    private final JdbcClient jdbc;
    private final Clock clock;

    CorrespondenceDemoData(CorrespondenceService register, CaseDesk caseDesk, MemberDirectory members, JdbcClient jdbc,
            Clock clock) {
        this.members = members;
        this.register = register;
        this.caseDesk = caseDesk;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from correspondence_item").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Long mayor = members.memberOptions().stream().findFirst().map(o -> Long.valueOf(o.value())).orElse(null);
        for (Demo d : TRIAGE) {
            register.insert(Direction.IN, d.channel(), Status.IN_TRIAGE, today.minusDays(d.daysAgo()), d.name(), d.email(),
                    d.address(), null, null, mayor, d.subject(), d.body(), null, "DEMO", ACTOR);
        }
        // A few items already distributed to existing cases, with the entry on each case's timeline.
        List<Long> cases = jdbc.sql("select id from casework_case where status <> 'CLOSED' and confidentiality = 'STANDARD'"
                        + " order by id limit 4")
                .query(Long.class).list();
        int n = 0;
        for (Long caseId : cases) {
            var summary = caseDesk.summaryAsSystem(caseId).orElseThrow();
            var person = summary.people().isEmpty() ? null : summary.people().get(0);
            long id = register.insert(Direction.IN, n % 2 == 0 ? Channel.EMAIL : Channel.LETTER, Status.IN_TRIAGE,
                    summary.receivedOn(), person == null ? "A resident" : person.displayName(),
                    person == null ? null : person.email(), null, person == null ? null : person.id(), null,
                    summary.memberId(), summary.subject(), "Further details about " + summary.subject().toLowerCase() + ".",
                    null, "DEMO", ACTOR).orElseThrow();
            jdbc.sql("update correspondence_item set status = 'ATTACHED', case_id = ?, distributed_by = 'Tom Reilly',"
                            + " distributed_at = now() where id = ?")
                    .params(caseId, id).update();
            caseDesk.recordAsSystem(caseId, TimelineKind.CORRESPONDENCE, "Tom Reilly",
                    CorrespondenceService.timelineText(register.load(id)));
            n++;
        }
        log.info("Demo correspondence loaded: " + TRIAGE.size() + " items in triage, " + n + " on cases");
    }
}
