package org.mayorsoffice.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mayorsoffice.casework.cases.CaseStatus.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "NEW, ALLOCATED", "NEW, CLOSED", "ALLOCATED, IN_PROGRESS", "IN_PROGRESS, AWAITING_DIRECTORATE",
        "AWAITING_DIRECTORATE, IN_PROGRESS", "IN_PROGRESS, AWAITING_RESIDENT", "AWAITING_RESIDENT, IN_PROGRESS",
        "IN_PROGRESS, DRAFT_RESPONSE", "DRAFT_RESPONSE, AWAITING_APPROVAL", "AWAITING_APPROVAL, DRAFT_RESPONSE",
        "AWAITING_APPROVAL, RESPONSE_SENT", "RESPONSE_SENT, CLOSED", "CLOSED, REOPENED", "REOPENED, IN_PROGRESS"
    })
    void allowedMoves(CaseStatus from, CaseStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @CsvSource({
        "NEW, IN_PROGRESS", "NEW, RESPONSE_SENT", "ALLOCATED, RESPONSE_SENT", "IN_PROGRESS, RESPONSE_SENT",
        "AWAITING_RESIDENT, CLOSED", "DRAFT_RESPONSE, RESPONSE_SENT", "CLOSED, IN_PROGRESS", "RESPONSE_SENT, IN_PROGRESS",
        "AWAITING_DIRECTORATE, DRAFT_RESPONSE", "CLOSED, CLOSED"
    })
    void refusedMoves(CaseStatus from, CaseStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    void onlyAwaitingResidentPausesTheClock() {
        for (CaseStatus status : values()) {
            assertThat(status.pausesClock()).isEqualTo(status == AWAITING_RESIDENT);
        }
    }

    @Test
    void allocationIsNotOfferedAsAStatusChoice() {
        assertThat(NEW.nextChoices()).containsExactly(CLOSED);
    }

    @Test
    void otherModulesMoveACaseAlongTheShortestWorkingPath() {
        assertThat(ALLOCATED.pathTo(AWAITING_DIRECTORATE)).containsExactly(IN_PROGRESS, AWAITING_DIRECTORATE);
        assertThat(AWAITING_DIRECTORATE.pathTo(AWAITING_APPROVAL)).containsExactly(IN_PROGRESS, DRAFT_RESPONSE, AWAITING_APPROVAL);
        assertThat(AWAITING_APPROVAL.pathTo(DRAFT_RESPONSE)).containsExactly(DRAFT_RESPONSE);
        assertThat(AWAITING_APPROVAL.pathTo(RESPONSE_SENT)).containsExactly(RESPONSE_SENT);
        assertThat(IN_PROGRESS.pathTo(IN_PROGRESS)).isEmpty();
        assertThat(CLOSED.pathTo(IN_PROGRESS)).as("a closed case is reopened by a person, not by another module").isEmpty();
        assertThat(NEW.pathTo(IN_PROGRESS)).as("never through Allocated").isEmpty();
    }
}
