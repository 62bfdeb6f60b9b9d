package org.mayorsoffice.casework.search.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.SearchService;
import org.mayorsoffice.casework.search.internal.SearchService.Group;
import org.mayorsoffice.casework.search.internal.SearchService.Hit;
import org.mayorsoffice.casework.search.internal.SearchService.Kind;
import org.mayorsoffice.casework.search.internal.SearchService.Query;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** The search results page behind the header box; a case reference goes straight to the case. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String ward,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletRequest request) {
        Optional<Long> caseId = search.caseByReference(q);
        if (caseId.isPresent()) {
            return "redirect:/cases/" + caseId.get();
        }
        Kind kindValue = parse(Kind.class, kind);
        CaseStatus statusValue = parse(CaseStatus.class, status);
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        Long wardId = number(ward);
        Query query = new Query(q, kindValue, statusValue, fromDate, toDate, wardId, page);
        List<Group> groups = search.search(query, user);
        model.addAttribute("q", query.text());
        model.addAttribute("kind", kindValue == null ? "" : kindValue.name());
        model.addAttribute("status", statusValue == null ? "" : statusValue.name());
        model.addAttribute("from", fromDate == null ? "" : fromDate.toString());
        model.addAttribute("to", toDate == null ? "" : toDate.toString());
        model.addAttribute("ward", wardId == null ? "" : wardId.toString());
        model.addAttribute("dateProblem", (from != null && !from.isBlank() && fromDate == null)
                || (to != null && !to.isBlank() && toDate == null));
        String contextPath = request.getContextPath();
        model.addAttribute("groups", groups.stream().map(g -> new GroupView(g, link(query, g.kind(), g.page() + 1),
                link(query, g.kind(), g.page() - 1), link(query, g.kind(), 0), hitsHtml(contextPath, g.hits()))).toList());
        model.addAttribute("kindOptions", search.kinds(user).stream().map(k -> new Option(k.name(), k.label())).toList());
        model.addAttribute("statusOptions",
                Arrays.stream(CaseStatus.values()).map(s -> new Option(s.name(), s.label())).toList());
        model.addAttribute("wardOptions", search.wardOptions());
        return "search/results";
    }

    /**
     * A group with its paging links (null when there is nowhere to go) and its results as list items ({@link #hitsHtml}).
     */
    record GroupView(Group group, String moreHref, String previousHref, String allHref, String hitsHtml) {

        public String heading() {
            return group.kind().label() + (group.capped()
                    ? " (more than " + String.format(java.util.Locale.UK, "%,d", group.total()) + ")"
                    : " (" + group.total() + ")");
        }

        /** The "show all" link's text: the number when it is known. */
        public String allLabel() {
            String kind = group.kind().label().toLowerCase(java.util.Locale.UK);
            return group.capped() ? "Show more " + kind : "Show all " + group.total() + " " + kind;
        }
    }

    /**
     * The results of a group as list items, built once here rather than by the template: a page of every kind shows up
     * to 80 results with four fields each: most of the expressions of a template that took about 45 % of a search's
     * time in the application (a Flight Recorder profile, BENCHMARKS.md). The title and snippet are already escaped HTML with {@code <mark>}
     * tags ({@code Highlight}); the link and the line under the title are escaped here.
     */
    static String hitsHtml(String contextPath, List<Hit> hits) {
        StringBuilder html = new StringBuilder(hits.size() * 512);
        for (Hit hit : hits) {
            html.append("<li class=\"app-search-result\">\n  <a class=\"govuk-link govuk-!-font-weight-bold\" href=\"")
                    .append(HtmlUtils.htmlEscape(contextPath + hit.href(), "UTF-8")).append("\">").append(hit.titleHtml())
                    .append("</a>\n  <p class=\"govuk-body-s app-search-result__meta\">")
                    .append(HtmlUtils.htmlEscape(hit.meta(), "UTF-8")).append("</p>\n");
            if (hit.snippetHtml() != null && !hit.snippetHtml().isEmpty()) {
                html.append("  <p class=\"govuk-body-s\">").append(hit.snippetHtml()).append("</p>\n");
            }
            html.append("</li>\n");
        }
        return html.toString();
    }

    private static String link(Query query, Kind kind, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search").queryParam("q", query.text())
                .queryParam("kind", kind.name());
        if (query.status() != null) {
            uri.queryParam("status", query.status().name());
        }
        if (query.from() != null) {
            uri.queryParam("from", query.from());
        }
        if (query.to() != null) {
            uri.queryParam("to", query.to());
        }
        if (query.wardId() != null) {
            uri.queryParam("ward", query.wardId());
        }
        if (page > 0) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
