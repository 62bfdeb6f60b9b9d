package org.mayorsoffice.casework.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.MemberOffice;
import org.mayorsoffice.casework.responses.internal.MemberTitles;
import org.mayorsoffice.casework.responses.internal.MergeFields;
import org.mayorsoffice.casework.responses.internal.TextDiff;

class MergeFieldsTest {

    @Test
    void fillsKnownFieldsAndReportsUnknownOnesLeavingThemInTheText() {
        MergeFields.Merged merged = MergeFields.merge("Dear {{person.salutation}}, re {{ case.reference }}: {{person.nmae}} {{person.nmae}} {{foo}}",
                Map.of("person.salutation", "Ms Smith", "case.reference", "MO-2026-00042"));
        assertThat(merged.text()).isEqualTo("Dear Ms Smith, re MO-2026-00042: {{person.nmae}} {{person.nmae}} {{foo}}");
        assertThat(merged.unknownFields()).containsExactly("{{person.nmae}}", "{{foo}}");
        assertThat(merged.complete()).isFalse();
    }

    @Test
    void valuesWithDollarSignsAndBackslashesAreInsertedAsWritten() {
        assertThat(MergeFields.merge("{{person.name}}", Map.of("person.name", "A $1 \\ B")).text()).isEqualTo("A $1 \\ B");
    }

    @Test
    void titlesFollowTheOfficeAndPortfolios() {
        assertThat(MemberTitles.title(MemberOffice.MAYOR, List.of(), "Tower Hamlets")).isEqualTo("Mayor of Tower Hamlets");
        assertThat(MemberTitles.title(MemberOffice.DEPUTY_MAYOR, List.of(), "X")).isEqualTo("Deputy Mayor");
        assertThat(MemberTitles.title(MemberOffice.DEPUTY_MAYOR, List.of("Housing"), "X"))
                .isEqualTo("Deputy Mayor and Cabinet Member for Housing");
        assertThat(MemberTitles.title(MemberOffice.CABINET_MEMBER, List.of("Culture", "Health", "Sport"), "X"))
                .isEqualTo("Cabinet Member for Culture, Health and Sport");
    }

    @Test
    void diffShowsAddedAndRemovedLines() {
        List<TextDiff.Line> lines = TextDiff.lines("a\nb\nc", "a\nc\nd");
        assertThat(lines).extracting(l -> l.change() + ":" + l.text())
                .containsExactly("SAME:a", "REMOVED:b", "SAME:c", "ADDED:d");
    }
}
