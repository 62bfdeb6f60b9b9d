package org.mayorsoffice.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/** The schema comes only from Flyway, on an empty database, and Hibernate validates the entities against it. */
@IntegrationTest
class MigrationsTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationWasAppliedSuccessfullyToTheEmptyTestDatabase() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        List<String> versions = Arrays.stream(files)
                .map(f -> f.getFilename().substring(1, f.getFilename().indexOf("__")))
                .sorted(java.util.Comparator.comparing(org.flywaydb.core.api.MigrationVersion::fromVersion))
                .toList(); // by version number, as Flyway applies them (V20 after V7)
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where success and version is not null order by installed_rank", String.class);
        assertThat(applied).containsExactlyElementsOf(versions);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class)).isZero();
    }

    @Test
    void coreTablesExist() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("app_user", "user_role", "member", "portfolio", "ward", "directorate", "service_area", "audit_event");
    }

    @Test
    void auditTrailIsAppendOnly() {
        jdbc.update("insert into audit_event (actor, action, subject_type, subject_id) values ('test', 'test.appended', 'test', '1')");
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone else' where action = 'test.appended'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where action = 'test.appended'"))
                .hasMessageContaining("append-only");
    }

    @Test
    void demoOrganisationIsLoaded() {
        assertThat(jdbc.queryForObject("select count(*) from ward", Integer.class)).isEqualTo(20);
        assertThat(jdbc.queryForList("select name from directorate", String.class)).containsExactlyInAnyOrder(
                "Children's Services", "Health, Adults & Community", "Housing & Regeneration", "Place", "Resources",
                "Chief Executive's Office");
        assertThat(jdbc.queryForObject("select count(*) from member", Integer.class)).isGreaterThanOrEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from portfolio where member_id is not null", Integer.class)).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.queryForList("select role from user_role", String.class)).contains(
                "CASEWORKER", "COORDINATOR", "CABINET_SUPPORT_OFFICER", "MEMBER", "HEAD_OF_OFFICE", "ADMIN");
        assertThat(jdbc.queryForObject("select count(*) from app_user where password_hash like '{bcrypt}%'", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from app_user", Integer.class));
    }
}
