package org.mayorsoffice.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.cases.internal.CaseTypeRules;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;

class CaseTypeRulesTest {

    @Test
    void theCodeIsTheNameInUpperCaseLettersAndUnderscores() {
        assertThat(CaseTypeRules.code("Mayor's casework", taken -> false)).isEqualTo("MAYORS_CASEWORK");
        assertThat(CaseTypeRules.code("  Member or public question ", taken -> false)).isEqualTo("MEMBER_OR_PUBLIC_QUESTION");
        assertThat(CaseTypeRules.code("Freedom of Information (FOI) 2025 – review", taken -> false))
                .isEqualTo("FREEDOM_OF_INFORMATION_FOI_REVIEW");
        assertThat(CaseTypeRules.code("Café société", taken -> false)).isEqualTo("CAFE_SOCIETE");
        assertThat(CaseTypeRules.code("X", taken -> false)).isEqualTo("X_TYPE");
        assertThat(CaseTypeRules.code("2025", taken -> false)).isEqualTo("CASE_TYPE");
    }

    @Test
    void aTakenCodeGetsALetterSuffixAndLongNamesAreCutToFit() {
        Set<String> taken = Set.of("COMPLAINT", "COMPLAINT_B");
        assertThat(CaseTypeRules.code("Complaint!", taken::contains)).isEqualTo("COMPLAINT_C");
        String longName = "A very long case type name that goes on and on well past forty characters";
        String code = CaseTypeRules.code(longName, taken::contains);
        assertThat(code).matches("^[A-Z_]{2,40}$").startsWith("A_VERY_LONG_CASE_TYPE");
        assertThat(CaseTypeRules.code(longName, code::equals)).matches("^[A-Z_]{2,40}$").endsWith("_B");
    }

    @Test
    void targetsAreWholeWorkingDaysFrom1To200WithTheInternalOneNoLater() {
        assertThatCode(() -> CaseTypeRules.checkTargets(7, 10)).doesNotThrowAnyException();
        assertThatCode(() -> CaseTypeRules.checkTargets(1, 1)).doesNotThrowAnyException();
        assertThatCode(() -> CaseTypeRules.checkTargets(200, 200)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CaseTypeRules.checkTargets(0, 10))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Internal target must be a whole number from 1 to 200")
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("internalTargetDays");
        assertThatThrownBy(() -> CaseTypeRules.checkTargets(10, 201))
                .extracting(e -> ((RuleViolationException) e).field()).isEqualTo("externalTargetDays");
        assertThatThrownBy(() -> CaseTypeRules.checkTargets(11, 10))
                .hasMessage("Internal target must be the same as or shorter than the response target");
    }
}
