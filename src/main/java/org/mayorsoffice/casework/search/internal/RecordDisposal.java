package org.mayorsoffice.casework.search.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes one closed case and what hangs off it (timeline, actions, attachments, correspondence and its files,
 * members' enquiries, draft responses), or anonymises it; and erases or deletes the people on it who are linked
 * to no other case. Callers check legal holds first. Leaves no rows pointing at what it removed.
 */
@Component
class RecordDisposal {

    static final String ANONYMISED_SUBJECT = "Anonymised under a retention rule";

    /** What was removed, as counts (never names), for the audit entry and the report. */
    record Disposed(int notes, int correspondence, int attachments, int enquiries, int drafts, int people) {

        String describe() {
            return notes + " timeline entries, " + correspondence + " correspondence items, " + attachments
                    + " attachments, " + enquiries + " members' enquiries, " + drafts + " draft responses, " + people
                    + " people";
        }
    }

    private final JdbcClient jdbc;
    private final ErasureService erasure;

    RecordDisposal(JdbcClient jdbc, ErasureService erasure) {
        this.jdbc = jdbc;
        this.erasure = erasure;
    }

    /** People on the case who would go with it: linked to no other case and not under a legal hold. */
    List<Long> peopleWhoGo(long caseId) {
        return jdbc.sql("""
                select p.id from case_person cp join person p on p.id = cp.person_id
                 where cp.case_id = :case and not p.legal_hold
                   and not exists (select 1 from case_person o where o.person_id = p.id and o.case_id <> :case)
                   and not exists (select 1 from person m join case_person mo on mo.person_id = m.id
                                    where m.merged_into_id = p.id and mo.case_id <> :case)
                 order by p.id""").param("case", caseId).query(Long.class).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Disposed dispose(long caseId, boolean delete) {
        List<Long> going = peopleWhoGo(caseId);
        // Names first, everywhere (the audit trail included), while the case still links them.
        int erased = 0;
        for (long person : going) {
            erased += erasure.redact(person).personIds().size();
        }
        int notes = count("select count(*) from case_event where case_id = :case", caseId);
        int attachments = count("""
                select (select count(*) from case_attachment where case_id = :case)
                     + (select count(*) from correspondence_attachment a join correspondence_item i on i.id = a.item_id
                         where i.case_id = :case)""", caseId);
        String items = "select id from correspondence_item where case_id = :case";
        int correspondence = deleteCorrespondence(items, caseId);
        int enquiries = jdbc.sql("delete from members_enquiry where case_id = :case").param("case", caseId).update();
        jdbc.sql("delete from draft_version where draft_id in (select id from draft_response where case_id = :case)")
                .param("case", caseId).update();
        int drafts = jdbc.sql("delete from draft_response where case_id = :case").param("case", caseId).update();
        jdbc.sql("update surgery_attendance set case_id = null where case_id = :case").param("case", caseId).update();
        if (delete) {
            // Timeline, actions, attachments, tags, links, access list and person links go with the case.
            jdbc.sql("delete from casework_case where id = :case").param("case", caseId).update();
            deletePeople(going);
        } else {
            for (String table : List.of("case_event", "case_action", "case_attachment", "case_tag", "case_person")) {
                jdbc.sql("delete from " + table + " where case_id = :case").param("case", caseId).update();
            }
            jdbc.sql("""
                    update casework_case set subject = :subject, description = null, version = version + 1
                     where id = :case""").param("subject", ANONYMISED_SUBJECT).param("case", caseId).update();
            jdbc.sql("""
                    insert into case_event (case_id, actor, kind, internal, body)
                    values (:case, 'system', 'NOTE', true, :body)""")
                    .param("case", caseId)
                    .param("body", "Anonymised under a retention rule: its details, timeline, files, correspondence"
                            + " and the people on it were removed.")
                    .update();
        }
        return new Disposed(notes, correspondence, attachments, enquiries, drafts, erased);
    }

    private int deleteCorrespondence(String idsSql, long caseId) {
        jdbc.sql("update correspondence_item set reply_to_item_id = null where reply_to_item_id in (" + idsSql + ")")
                .param("case", caseId).update();
        return jdbc.sql("delete from correspondence_item where id in (" + idsSql + ")").param("case", caseId).update();
    }

    /** Deletes erased person records and everything that pointed at them. */
    private void deletePeople(List<Long> people) {
        if (people.isEmpty()) {
            return;
        }
        List<Long> ids = jdbc.sql("select id from person where id in (:ids) or merged_into_id in (:ids)")
                .param("ids", people).query(Long.class).list();
        String own = "select id from correspondence_item where person_id in (:ids) and case_id is null";
        jdbc.sql("update correspondence_item set reply_to_item_id = null where reply_to_item_id in (" + own + ")")
                .param("ids", ids).update();
        jdbc.sql("delete from correspondence_item where id in (" + own + ")").param("ids", ids).update();
        for (String sql : List.of(
                "update correspondence_item set person_id = null where person_id in (:ids)",
                "update draft_response set person_id = null where person_id in (:ids)",
                "update surgery_attendance set person_id = null where person_id in (:ids)",
                "delete from engagement_person where person_id in (:ids)",
                "delete from case_person where person_id in (:ids)",
                "delete from subject_access_request where person_id in (:ids)",
                "update person set merged_into_id = null where id in (:ids)",
                "delete from person where id in (:ids)")) {
            jdbc.sql(sql).param("ids", ids).update();
        }
    }

    private int count(String sql, long caseId) {
        return jdbc.sql(sql).param("case", caseId).query(Integer.class).single();
    }
}
