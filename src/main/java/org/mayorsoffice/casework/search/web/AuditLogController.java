package org.mayorsoffice.casework.search.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.AuditLogService;
import org.mayorsoffice.casework.search.internal.AuditLogService.Filter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log viewer and its CSV export: the head of office only. */
@Controller
@PreAuthorize("hasRole('HEAD_OF_OFFICE')")
class AuditLogController {

    private final AuditLogService log;

    AuditLogController(AuditLogService log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) String user, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String person, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before, Model model) {
        Filter filter = Filter.of(user, reference, person, action, from, to);
        Map<String, String> errors = log.errors(filter);
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", log.actions());
        if (errors.isEmpty()) {
            AuditLogService.Page page = log.page(filter, before);
            model.addAttribute("page", page);
            model.addAttribute("olderHref", page.olderThan() == null ? null
                    : link("/audit", filter).queryParam("before", page.olderThan()).build().encode().toUriString());
            model.addAttribute("newestHref", link("/audit", filter).build().encode().toUriString());
            model.addAttribute("exportHref", link("/audit/export.csv", filter).build().encode().toUriString());
        }
        return "search/audit-log";
    }

    @GetMapping("/audit/export.csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String user,
            @RequestParam(required = false) String reference, @RequestParam(required = false) String person,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @AuthenticationPrincipal CurrentUser currentUser) {
        Filter filter = Filter.of(user, reference, person, action, from, to);
        if (!log.errors(filter).isEmpty()) {
            return ResponseEntity.status(302).header(HttpHeaders.LOCATION,
                    link("/audit", filter).build().encode().toUriString()).build();
        }
        String actor = currentUser.getUsername();
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            log.export(filter, writer, actor);
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("audit-log.csv").build().toString())
                .body(body);
    }

    private static UriComponentsBuilder link(String path, Filter f) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        String[][] params = {{"user", f.user()}, {"reference", f.reference()}, {"person", f.person()},
            {"action", f.action()}, {"from", f.from()}, {"to", f.to()}};
        for (String[] param : params) {
            if (!param[1].isEmpty()) {
                b.queryParam(param[0], param[1]);
            }
        }
        return b;
    }
}
