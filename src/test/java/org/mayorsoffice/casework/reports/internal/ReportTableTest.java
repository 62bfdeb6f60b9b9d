package org.mayorsoffice.casework.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dashboard table's rows as page markup: built once with the figures, every cell escaped. */
class ReportTableTest {

    @Test
    void rowsAreGovukTableRowsWithARowHeaderNumericCellsAndABar() {
        ReportTable table = new ReportTable("caseworkers", "Caseworkers", List.of("Caseworker", "Open", "Since"), List.of(1),
                List.of(Arrays.asList("Lin Chen", 10L, LocalDate.of(2026, 11, 2)), Arrays.asList("Sam <b>Okafor</b> & co", 5L, null)),
                1);
        assertThat(table.bodyHtml()).isEqualTo("""
                <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Lin Chen</th>\
                <td class="govuk-table__cell govuk-table__cell--numeric">10</td><td class="govuk-table__cell">2 Nov 2026</td>\
                <td class="govuk-table__cell app-bar-cell"><span aria-hidden="true" class="app-bar app-bar--100"></span></td></tr>
                <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">Sam &lt;b&gt;Okafor&lt;/b&gt; &amp; co</th>\
                <td class="govuk-table__cell govuk-table__cell--numeric">5</td><td class="govuk-table__cell">–</td>\
                <td class="govuk-table__cell app-bar-cell"><span aria-hidden="true" class="app-bar app-bar--50"></span></td></tr>
                """);
    }
}
