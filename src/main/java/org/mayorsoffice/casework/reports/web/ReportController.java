package org.mayorsoffice.casework.reports.web;

import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.reports.internal.CaseExport;
import org.mayorsoffice.casework.reports.internal.ReportFilters;
import org.mayorsoffice.casework.reports.internal.ReportQueries;
import org.mayorsoffice.casework.reports.internal.ReportTable;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The reports dashboards and their CSV / XLSX exports. */
@Controller
class ReportController {

    static final String OFFICE = "hasAnyRole('HEAD_OF_OFFICE', 'COORDINATOR')";

    private final ReportQueries reports;
    private final CaseExport cases;

    ReportController(ReportQueries reports, CaseExport cases) {
        this.reports = reports;
        this.cases = cases;
    }

    @GetMapping("/reports")
    @PreAuthorize(OFFICE)
    String dashboard(@ModelAttribute("filters") ReportFilters filters, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(filters, user, model, "/reports", true);
    }

    /** A member's own dashboard: the same figures for the cases handled on their behalf. */
    @GetMapping("/reports/member")
    @PreAuthorize("hasRole('MEMBER')")
    String member(@ModelAttribute("filters") ReportFilters filters, @AuthenticationPrincipal CurrentUser user, Model model) {
        filters.setMemberId(user.memberId() == null ? -1L : user.memberId());
        return page(filters, user, model, "/reports/member", false);
    }

    private String page(ReportFilters filters, CurrentUser user, Model model, String path, boolean office) {
        List<ReportTable> tables = reports.dashboard(user, filters);
        model.addAttribute("tables", tables);
        model.addAttribute("office", office);
        model.addAttribute("path", path);
        model.addAttribute("query", filters.queryString());
        model.addAttribute("today", reports.today());
        reports.filterOptions().forEach(model::addAttribute);
        return "reports/dashboard";
    }

    @GetMapping("/reports/cases.csv")
    @PreAuthorize(OFFICE)
    ResponseEntity<StreamingResponseBody> casesCsv(@ModelAttribute ReportFilters filters, @AuthenticationPrincipal CurrentUser user) {
        return TabularExport.download("cases", false, CaseExport.HEADERS, sink -> cases.forEachCase(user, filters, sink));
    }

    @GetMapping("/reports/cases.xlsx")
    @PreAuthorize(OFFICE)
    ResponseEntity<StreamingResponseBody> casesXlsx(@ModelAttribute ReportFilters filters, @AuthenticationPrincipal CurrentUser user) {
        return TabularExport.download("cases", true, CaseExport.HEADERS, sink -> cases.forEachCase(user, filters, sink));
    }

    @GetMapping("/reports/{table}.csv")
    @PreAuthorize(OFFICE)
    ResponseEntity<StreamingResponseBody> tableCsv(@PathVariable String table, @ModelAttribute ReportFilters filters,
            @AuthenticationPrincipal CurrentUser user) {
        return download(reports.table(user, filters, table), false);
    }

    @GetMapping("/reports/{table}.xlsx")
    @PreAuthorize(OFFICE)
    ResponseEntity<StreamingResponseBody> tableXlsx(@PathVariable String table, @ModelAttribute ReportFilters filters,
            @AuthenticationPrincipal CurrentUser user) {
        return download(reports.table(user, filters, table), true);
    }

    @GetMapping("/reports/member/{table}.csv")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<StreamingResponseBody> memberTableCsv(@PathVariable String table, @ModelAttribute ReportFilters filters,
            @AuthenticationPrincipal CurrentUser user) {
        filters.setMemberId(user.memberId() == null ? -1L : user.memberId());
        return tableCsv(table, filters, user);
    }

    @GetMapping("/reports/member/{table}.xlsx")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<StreamingResponseBody> memberTableXlsx(@PathVariable String table, @ModelAttribute ReportFilters filters,
            @AuthenticationPrincipal CurrentUser user) {
        filters.setMemberId(user.memberId() == null ? -1L : user.memberId());
        return tableXlsx(table, filters, user);
    }

    /** A dashboard table (already computed, so an unknown table is a 404 before the download starts). */
    private static ResponseEntity<StreamingResponseBody> download(ReportTable table, boolean xlsx) {
        return TabularExport.download(table.key(), xlsx, table.headers(), sink -> table.rows().forEach(sink));
    }
}
