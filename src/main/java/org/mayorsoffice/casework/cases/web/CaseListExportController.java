package org.mayorsoffice.casework.cases.web;

import java.util.Arrays;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseViews.CaseRow;
import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.cases.internal.CaseQueries.Filters;
import org.mayorsoffice.casework.cases.internal.CaseQueries.Sort;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The case lists as CSV or XLSX: My cases, all open cases and the triage queue, with the list's filters and
 * order, only the cases the user may see, every row (streamed).
 */
@Controller
class CaseListExportController {

    static final List<String> HEADERS = List.of("Reference", "Subject", "Case type", "Ward", "Portfolio", "Status",
            "Priority", "Allocated to", "Received", "Response due", "Overdue", "Confidentiality");

    private final CaseQueries queries;

    CaseListExportController(CaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/cases/mine.{format}")
    @PreAuthorize(CaseController.STAFF)
    ResponseEntity<StreamingResponseBody> mine(@PathVariable String format, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long caseTypeId, @RequestParam(required = false) Long wardId,
            @RequestParam(defaultValue = "due") String sort, @AuthenticationPrincipal CurrentUser user) {
        return download("my-cases", format, "mine", CaseListController.filters(status, caseTypeId, wardId, sort), user);
    }

    @GetMapping("/cases.{format}")
    @PreAuthorize(CaseController.STAFF)
    ResponseEntity<StreamingResponseBody> open(@PathVariable String format, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long caseTypeId, @RequestParam(required = false) Long wardId,
            @RequestParam(defaultValue = "due") String sort, @AuthenticationPrincipal CurrentUser user) {
        return download("open-cases", format, "open", CaseListController.filters(status, caseTypeId, wardId, sort), user);
    }

    @GetMapping("/cases/triage.{format}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    ResponseEntity<StreamingResponseBody> triage(@PathVariable String format, @AuthenticationPrincipal CurrentUser user) {
        return download("triage", format, "triage", new Filters(null, null, null, Sort.DUE), user);
    }

    private ResponseEntity<StreamingResponseBody> download(String name, String format, String list, Filters filters,
            CurrentUser user) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new org.mayorsoffice.casework.shared.validation.NotFoundException("Download");
        }
        return TabularExport.download(name, "xlsx".equals(format), HEADERS,
                sink -> queries.forEachListedCase(list, user, filters, row -> sink.accept(row(row))));
    }

    private static List<Object> row(CaseRow c) {
        return Arrays.asList(c.reference(), c.subject(), c.type(), c.ward(), c.portfolio(), c.statusLabel(), c.priority(),
                c.allocatedTo(), c.receivedOn(), c.deadline() == null ? null : c.deadline().dueOn(),
                c.deadline() != null && c.deadline().overdue() ? "Yes" : "No", c.confidentiality().label());
    }
}
