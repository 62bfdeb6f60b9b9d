package org.mayorsoffice.casework.responses;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.springframework.jdbc.core.JdbcTemplate;

/** Cases, residents and users for the draft response tests. */
public final class ResponseFixtures {

    public record CaseFixture(long caseId, String reference, long personId, String email) {}

    private final JdbcTemplate jdbc;
    private final CaseService cases;
    private final UserAccountService accounts;

    public ResponseFixtures(JdbcTemplate jdbc, CaseService cases, UserAccountService accounts) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.accounts = accounts;
    }

    public long mayorMemberId() {
        return jdbc.queryForObject("select member_id from app_user where username = 'mayor'", Long.class);
    }

    public long memberId(String fullName) {
        return jdbc.queryForObject("select id from member where full_name = ?", Long.class, fullName);
    }

    public CurrentUser user(String username) {
        return accounts.loadUserByUsername(username);
    }

    public long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    /** A user signing in as another member (Daniel Okafor, Deputy Mayor), created once. */
    public CurrentUser deputy() {
        if (jdbc.queryForObject("select count(*) from app_user where username = 'dokafor'", Long.class) == 0) {
            long id = jdbc.queryForObject("insert into app_user (username, display_name, email, password_hash, member_id)"
                    + " values ('dokafor', 'Daniel Okafor', 'daniel.okafor@council.example.org', 'x', ?) returning id",
                    Long.class, memberId("Daniel Okafor"));
            jdbc.update("insert into user_role (user_id, role) values (?, 'MEMBER')", id);
        }
        return user("dokafor");
    }

    /**
     * A case in progress handled for the member (null: office-level), allocated to the caseworker, about Ms Olivia
     * Testwood of 12 Brick Lane with an email address.
     */
    public CaseFixture inProgressCase(Long memberId, String subject) {
        String email = "olivia-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long personId = jdbc.queryForObject("insert into person (kind, title, first_name, last_name, address_line1, town,"
                + " postcode, email, created_by) values ('RESIDENT', 'Ms', 'Olivia', 'Testwood', '12 Brick Lane', 'London',"
                + " 'E1 6RF', ?, 'test') returning id", Long.class, email);
        long caseType = jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class);
        long caseId = cases.open(new OpenCase(caseType, Channel.EMAIL, subject, "The repair has not been done for six weeks.",
                null, null, null, memberId, Priority.NORMAL, Confidentiality.STANDARD, LawfulBasis.PUBLIC_TASK, false,
                LocalDate.now(), List.of(personId)), user("coordinator"));
        jdbc.update("update casework_case set allocated_to_id = ?, status = 'IN_PROGRESS' where id = ?", userId("caseworker"), caseId);
        String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);
        return new CaseFixture(caseId, reference, personId, email);
    }

    public String caseStatus(long caseId) {
        return jdbc.queryForObject("select status from casework_case where id = ?", String.class, caseId);
    }

    public String draftStatus(long draftId) {
        return jdbc.queryForObject("select status from draft_response where id = ?", String.class, draftId);
    }

    public long templateId(String name) {
        return jdbc.queryForObject("select id from letter_template where name = ?", Long.class, name);
    }
}
