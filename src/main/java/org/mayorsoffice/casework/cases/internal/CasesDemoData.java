package org.mayorsoffice.casework.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo casework (default profile, first start): about 300 cases over the last four months, spread
 * over every type, status, ward and caseworker; some overdue, some sensitive or restricted.
 * Deterministic (seeded), so every demo looks the same.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("casework.demo-data.enabled")
class CasesDemoData implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(CasesDemoData.class);
    private static final int CASES = 300;

    private static final String[] SUBJECTS = {
        "Damp and mould in bedroom not repaired", "Request for a housing transfer", "Noise from neighbours late at night",
        "Missed bin collections on our street", "Fly-tipping behind the estate", "Parking permit refused",
        "Pothole outside the primary school", "Secondary school place for my son", "EHCP assessment delayed",
        "Care package for elderly mother", "Council tax arrears and payment plan", "Housing benefit suspended",
        "Street lighting out on the high road", "Objection to planning application", "Anti-social behaviour in the stairwell",
        "Overcrowding: family of six in a two-bed flat", "Homeless and sleeping at a friend's", "Licensing of a late-night shop",
        "Broken lift in the tower block", "Leak from the flat above", "Blue badge application", "Tree overhanging the pavement",
        "Rats in the communal bin store", "Library opening hours", "Youth club closure"};

    private final JdbcClient jdbc;
    private final WorkingDayCalendar calendar;
    private final CaseReferences references;
    private final Clock clock;

    CasesDemoData(JdbcClient jdbc, WorkingDayCalendar calendar, CaseReferences references, Clock clock) {
        this.references = references;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from casework_case").query(Long.class).single() > 0) {
            return;
        }
        List<Long> people = ids("select id from person where merged_into_id is null order by id limit 1000");
        List<Long> caseworkers = ids("select distinct u.id from app_user u join user_role r on r.user_id = u.id"
                + " where r.role in ('CASEWORKER', 'CABINET_SUPPORT_OFFICER') and u.enabled order by u.id");
        if (people.isEmpty() || caseworkers.isEmpty()) {
            return;
        }
        List<Long> wards = ids("select id from ward order by id");
        List<Long> topics = ids("select id from topic order by id");
        List<Long> portfolios = ids("select id from portfolio order by id");
        List<Long> members = ids("select id from member order by id");
        List<Object[]> types = jdbc.sql("select id, internal_target_days, external_target_days from case_type order by id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getInt(3)}).list();

        Random random = new Random(20261123L);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < CASES; i++) {
            LocalDate received = today.minusDays((long) (Math.pow(random.nextDouble(), 1.6) * 120));
            Object[] type = types.get(random.nextInt(types.size()));
            CaseStatus status = pickStatus(random, received, today);
            Long caseworker = status == CaseStatus.NEW ? null : caseworkers.get(random.nextInt(caseworkers.size()));
            String confidentiality = random.nextInt(100) < 3 ? "RESTRICTED" : random.nextInt(100) < 10 ? "SENSITIVE" : "STANDARD";
            LocalDate internalDue = calendar.addWorkingDays(received, (Integer) type[1]);
            LocalDate externalDue = calendar.addWorkingDays(received, (Integer) type[2]);
            LocalDate paused = status == CaseStatus.AWAITING_RESIDENT ? min(today, received.plusDays(3 + random.nextInt(10))) : null;
            String outcome = status == CaseStatus.CLOSED ? Outcome.values()[random.nextInt(Outcome.values().length)].name() : null;
            String reference = references.next(received.getYear());
            long caseId = jdbc.sql("""
                            insert into casework_case (reference, case_type_id, channel, subject, description, topic_id,
                                portfolio_id, ward_id, member_id, priority, status, outcome, confidentiality, lawful_basis,
                                special_category, received_on, internal_due_on, external_due_on, paused_since, allocated_to_id,
                                allocated_at, closed_at, created_at, created_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                    case when ? then (?::date + time '10:00') at time zone 'Europe/London' end,
                                    case when ? then (?::date + time '16:00') at time zone 'Europe/London' end,
                                    (?::date + time '09:30') at time zone 'Europe/London', 'demo')
                            returning id""")
                    .params(reference, type[0], Channel.values()[random.nextInt(Channel.values().length)].name(),
                            SUBJECTS[random.nextInt(SUBJECTS.length)],
                            "Resident's account as first given to the office. Demo data.",
                            topics.get(random.nextInt(topics.size())), portfolios.get(random.nextInt(portfolios.size())),
                            wards.get((int) (Math.pow(random.nextDouble(), 1.3) * wards.size())),
                            members.get(random.nextInt(members.size())),
                            random.nextInt(100) < 10 ? "URGENT" : random.nextInt(100) < 25 ? "HIGH" : "NORMAL",
                            status.name(), outcome, confidentiality, random.nextInt(100) < 85 ? "PUBLIC_TASK" : "CONSENT",
                            random.nextInt(100) < 15, received, internalDue, externalDue, paused, caseworker,
                            caseworker != null, received.plusDays(1), status == CaseStatus.CLOSED,
                            min(today, externalDue.minusDays(random.nextInt(4))), received)
                    .query(Long.class).single();
            jdbc.sql("insert into case_person (case_id, person_id) values (?, ?)")
                    .params(caseId, people.get(random.nextInt(people.size()))).update();
            jdbc.sql("insert into case_event (case_id, occurred_at, actor, kind, body) values (?, (?::date + time '09:30')"
                            + " at time zone 'Europe/London', 'Demo data', 'CREATED', 'Case opened')")
                    .params(caseId, received).update();
            if (caseworker != null) {
                jdbc.sql("insert into case_event (case_id, occurred_at, actor, kind, body) values (?, (?::date + time '10:00')"
                                + " at time zone 'Europe/London', 'Tom Reilly', 'ALLOCATION', 'Allocated')")
                        .params(caseId, received.plusDays(1)).update();
            }
            if ("RESTRICTED".equals(confidentiality) && caseworker != null) {
                jdbc.sql("insert into case_access (case_id, user_id, granted_by) values (?, ?, 'demo')").params(caseId, caseworker).update();
            }
        }
        log.info("Loaded " + CASES + " demo cases");
    }

    private static CaseStatus pickStatus(Random random, LocalDate received, LocalDate today) {
        boolean old = received.isBefore(today.minusDays(30));
        int roll = random.nextInt(100);
        if (old && roll < 70) {
            return roll < 62 ? CaseStatus.CLOSED : CaseStatus.RESPONSE_SENT;
        }
        CaseStatus[] open = {CaseStatus.NEW, CaseStatus.ALLOCATED, CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS,
            CaseStatus.AWAITING_DIRECTORATE, CaseStatus.AWAITING_RESIDENT, CaseStatus.DRAFT_RESPONSE,
            CaseStatus.AWAITING_APPROVAL, CaseStatus.RESPONSE_SENT, CaseStatus.CLOSED};
        return open[random.nextInt(open.length)];
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private List<Long> ids(String sql) {
        return new ArrayList<>(jdbc.sql(sql).query(Long.class).list());
    }

}
