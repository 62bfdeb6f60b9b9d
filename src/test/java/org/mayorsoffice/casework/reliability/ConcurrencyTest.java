package org.mayorsoffice.casework.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.internal.UserAccountService;
import org.mayorsoffice.casework.responses.ResponseFixtures;
import org.mayorsoffice.casework.responses.ResponseFixtures.CaseFixture;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many users at once: case references stay unique under load, two coordinators allocating one case at the
 * same moment get one winner and one clear message, and a draft approved twice at once is approved once.
 */
@IntegrationTest
class ConcurrencyTest {

    private static final ExecutorService pool = Executors.newFixedThreadPool(16);

    @Autowired
    CaseService cases;

    @Autowired
    DraftService drafts;

    @Autowired
    UserAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private OpenCase newCase(String subject, long personId) {
        long caseType = jdbc.queryForObject("select id from case_type where code = 'MAYORS_CASEWORK'", Long.class);
        return new OpenCase(caseType, Channel.EMAIL, subject, null, null, null, null, null, Priority.NORMAL,
                Confidentiality.STANDARD, LawfulBasis.PUBLIC_TASK, false, LocalDate.now(), List.of(personId));
    }

    private long resident() {
        return jdbc.queryForObject("insert into person (kind, first_name, last_name, created_by) values"
                + " ('RESIDENT', 'Connie', 'Current', 'test') returning id", Long.class);
    }

    /** Runs the tasks together (released at one barrier) and returns each one's result or exception. */
    private List<Object> together(List<Callable<Object>> tasks) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            try {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                outcomes.add(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("a concurrent task did not finish", e);
            }
        }
        return outcomes;
    }

    @Test
    void oneUserSigningInFromTwoTabsAtOnceSucceedsInBoth() throws Exception {
        for (int round = 0; round < 5; round++) {
            jdbc.update("update app_user set failed_attempts = 2 where username = 'coordinator'");
            List<Object> outcomes = together(List.of(
                    () -> { accounts.recordSuccessfulSignIn("coordinator"); return "signed in"; },
                    () -> { accounts.recordSuccessfulSignIn("coordinator"); return "signed in"; }));
            assertThat(outcomes).as("round " + round).containsExactly("signed in", "signed in");
            assertThat(jdbc.queryForObject("select failed_attempts from app_user where username = 'coordinator'", Integer.class))
                    .isZero();
        }
    }

    @Test
    void aThousandCasesOpenedAtOnceGetAThousandDifferentReferences() throws Exception {
        long personId = resident();
        CurrentUser coordinator = accounts.loadUserByUsername("coordinator");
        String marker = "Load " + System.nanoTime();
        List<Future<Long>> opened = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            OpenCase command = newCase(marker + " #" + i, personId);
            opened.add(pool.submit(() -> cases.open(command, coordinator)));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<Long> future : opened) {
            ids.add(future.get(120, TimeUnit.SECONDS));
        }

        assertThat(ids).hasSize(1000);
        List<String> references = jdbc.queryForList("select reference from casework_case where subject like ?", String.class,
                marker + " #%");
        assertThat(references).hasSize(1000).doesNotHaveDuplicates().allMatch(r -> r.matches("MO-\\d{4}-\\d{5,}"));
    }

    @Test
    void twoCoordinatorsAllocatingOneCaseAtOnceGetOneWinnerAndOneClearMessage() throws Exception {
        CurrentUser coordinator = accounts.loadUserByUsername("coordinator");
        CurrentUser head = accounts.loadUserByUsername("head");
        long caseworker = jdbc.queryForObject("select id from app_user where username = 'caseworker'", Long.class);
        long support = jdbc.queryForObject("select id from app_user where username = 'support'", Long.class);
        long personId = resident();
        for (int round = 0; round < 5; round++) {
            long caseId = cases.open(newCase("Race to allocate " + round, personId), coordinator);
            String reference = jdbc.queryForObject("select reference from casework_case where id = ?", String.class, caseId);

            List<Object> outcomes = together(List.of(
                    () -> cases.allocate(List.of(caseId), caseworker, null, coordinator),
                    () -> cases.allocate(List.of(caseId), support, null, head)));

            assertThat(outcomes).as("one allocation wins").filteredOn(o -> Integer.valueOf(1).equals(o)).hasSize(1);
            assertThat(outcomes).as("the other is refused with a message naming the case")
                    .filteredOn(o -> o instanceof RuleViolationException).hasSize(1)
                    .allSatisfy(o -> assertThat(((RuleViolationException) o).getMessage()).contains(reference)
                            .containsAnyOf("allocated by someone else a moment ago", "Give a reason for reallocating"));
            Long winner = outcomes.get(0).equals(1) ? caseworker : support;
            assertThat(jdbc.queryForObject("select allocated_to_id from casework_case where id = ?", Long.class, caseId))
                    .isEqualTo(winner);
            assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'ALLOCATION'",
                    Long.class, caseId)).isEqualTo(1);
        }
    }

    @Test
    void aDraftApprovedTwiceAtOnceIsApprovedOnce() throws Exception {
        ResponseFixtures fixtures = new ResponseFixtures(jdbc, cases, accounts);
        CurrentUser caseworker = fixtures.user("caseworker");
        CurrentUser head = fixtures.user("head");
        for (int round = 0; round < 5; round++) {
            CaseFixture c = fixtures.inProgressCase(null, "Double approval " + round);
            long draftId = drafts.create(c.caseId(), c.personId(), null, "Thank you for your letter.\n\nIt is done.", caseworker);
            drafts.submit(draftId, caseworker);

            List<Object> outcomes = together(List.of(
                    () -> { drafts.approve(draftId, null, head); return "approved"; },
                    () -> { drafts.approve(draftId, null, head); return "approved"; }));

            assertThat(outcomes).filteredOn("approved"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof RuleViolationException || o instanceof NotFoundException)
                    .hasSize(1);
            assertThat(fixtures.draftStatus(draftId)).isEqualTo("APPROVED");
            assertThat(jdbc.queryForObject("select count(*) from case_event where case_id = ? and kind = 'APPROVAL'",
                    Long.class, c.caseId())).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from notification where link = ? and message like 'Draft approved%'",
                    Long.class, "/drafts/" + draftId)).isEqualTo(1);
        }
    }
}
