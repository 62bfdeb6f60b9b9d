package org.mayorsoffice.casework.identity.internal;

import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.identity.MemberOffice;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.identity.Signatories;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class SignatoryQueries implements Signatories {

    private static final String USER_COLUMNS = "select u.id, u.display_name, u.email, u.member_id from app_user u";

    private final JdbcClient jdbc;

    SignatoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Signatory> signatory(long memberId) {
        List<String> portfolios = jdbc.sql("select name from portfolio where member_id = ? and active order by name limit 20")
                .param(memberId).query(String.class).list();
        return jdbc.sql("select id, full_name, office from member where id = ?").param(memberId)
                .query((rs, n) -> new Signatory(rs.getLong(1), rs.getString(2), MemberOffice.valueOf(rs.getString(3)), portfolios))
                .optional();
    }

    @Override
    public List<StaffUser> usersOfMember(long memberId) {
        return jdbc.sql(USER_COLUMNS + " join user_role r on r.user_id = u.id and r.role = 'MEMBER'"
                        + " where u.member_id = ? and u.enabled order by u.id limit 20")
                .param(memberId).query(SignatoryQueries::row).list();
    }

    @Override
    public List<StaffUser> usersWithRole(Role role) {
        return jdbc.sql(USER_COLUMNS + " join user_role r on r.user_id = u.id and r.role = ?"
                        + " where u.enabled order by lower(u.display_name), u.id limit 100")
                .param(role.name()).query(SignatoryQueries::row).list();
    }

    @Override
    public Optional<StaffUser> user(long userId) {
        return jdbc.sql(USER_COLUMNS + " where u.id = ? and u.enabled").param(userId).query(SignatoryQueries::row).optional();
    }

    private static StaffUser row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long member = rs.getLong(4);
        return new StaffUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : member);
    }
}
