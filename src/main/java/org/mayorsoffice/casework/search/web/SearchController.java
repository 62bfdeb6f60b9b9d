package org.mayorsoffice.casework.search.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.SearchService;
import org.mayorsoffice.casework.search.internal.SearchService.Group;
import org.mayorsoffice.casework.search.internal.SearchService.Kind;
import org.mayorsoffice.casework.search.internal.SearchService.Query;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
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
        model.addAttribute("groups", groups.stream().map(g -> new GroupView(g, link(query, g.kind(), g.page() + 1),
                link(query, g.kind(), g.page() - 1), link(query, g.kind(), 0))).toList());
        model.addAttribute("kindOptions", search.kinds(user).stream().map(k -> new Option(k.name(), k.label())).toList());
        model.addAttribute("statusOptions",
                Arrays.stream(CaseStatus.values()).map(s -> new Option(s.name(), s.label())).toList());
        model.addAttribute("wardOptions", search.wardOptions());
        return "search/results";
    }

    /** A group with its paging links (null when there is nowhere to go). */
    record GroupView(Group group, String moreHref, String previousHref, String allHref) {

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
