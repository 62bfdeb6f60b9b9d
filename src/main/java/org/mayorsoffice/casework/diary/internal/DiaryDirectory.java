package org.mayorsoffice.casework.diary.internal;

import java.util.List;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is who for the diary: members (through the identity module's directory), the office staff who
 * may attend or author, and the sign-ins of a member. The last two read the identity tables directly,
 * read-only and bounded, because the identity API has no such question yet.
 */
@Component
public class DiaryDirectory {

    private final JdbcClient jdbc;
    private final MemberDirectory members;

    DiaryDirectory(JdbcClient jdbc, MemberDirectory members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    public List<Option> memberOptions() {
        return members.memberOptions();
    }

    public boolean isMember(long memberId) {
        return jdbc.sql("select count(*) from member where id = ? and active").param(memberId).query(Long.class).single() > 0;
    }

    public String memberName(long memberId) {
        return jdbc.sql("select full_name from member where id = ?").param(memberId).query(String.class).optional()
                .orElse("Unknown member");
    }

    /** Enabled office staff (everyone with a role other than member or administrator only), by name. */
    public List<Option> staffOptions() {
        return jdbc.sql("select u.id, u.display_name from app_user u where u.enabled and exists (select 1 from user_role r"
                        + " where r.user_id = u.id and r.role in ('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER',"
                        + " 'HEAD_OF_OFFICE')) order by lower(u.display_name), u.id limit 500")
                .query((rs, n) -> Option.of(rs.getLong(1), rs.getString(2))).list();
    }

    public boolean isStaff(long userId) {
        return jdbc.sql("select count(*) from app_user u where u.id = ? and u.enabled and exists (select 1 from user_role r"
                        + " where r.user_id = u.id and r.role in ('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER',"
                        + " 'HEAD_OF_OFFICE'))")
                .param(userId).query(Long.class).single() > 0;
    }

    /** The enabled sign-ins that belong to the member (the member's own user). */
    public List<Long> userIdsOfMember(long memberId) {
        return jdbc.sql("select id from app_user where member_id = ? and enabled order by id limit 10").param(memberId)
                .query(Long.class).list();
    }

    public String userName(long userId) {
        return jdbc.sql("select display_name from app_user where id = ?").param(userId).query(String.class).optional()
                .orElse("Unknown");
    }
}
