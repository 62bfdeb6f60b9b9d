package org.mayorsoffice.casework.reports.web;

import java.util.List;
import java.util.function.Consumer;
import org.mayorsoffice.casework.diary.DiaryApi;
import org.mayorsoffice.casework.reports.internal.ApiTokens;
import org.mayorsoffice.casework.reports.internal.CaseExport;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The reporting feed for Power BI and similar tools: public routes (no session sign-in), each request
 * authenticated here by an API token in {@code Authorization: Bearer <token>}. Restricted cases never appear.
 */
@Controller
@PreAuthorize("permitAll()")
class ReportFeedController {

    private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

    /** No token, or one that is unknown or revoked. */
    static final class NoValidToken extends RuntimeException {
        NoValidToken() {
            super("no valid API token", null, false, false);
        }
    }

    @ExceptionHandler(NoValidToken.class)
    ResponseEntity<String> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.TEXT_PLAIN)
                .body("A valid API token is required: send the header Authorization: Bearer <token>.\n");
    }

    private final ApiTokens tokens;
    private final CaseExport export;

    ReportFeedController(ApiTokens tokens, CaseExport export) {
        this.tokens = tokens;
        this.export = export;
    }

    @GetMapping("/feed/cases.csv")
    ResponseEntity<StreamingResponseBody> casesCsv(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return feed(authorization, false, CaseExport.FEED_CASE_COLUMNS, export::forEachFeedCase);
    }

    @GetMapping("/feed/cases.json")
    ResponseEntity<StreamingResponseBody> casesJson(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return feed(authorization, true, CaseExport.FEED_CASE_COLUMNS, export::forEachFeedCase);
    }

    @GetMapping("/feed/enquiries.csv")
    ResponseEntity<StreamingResponseBody> enquiriesCsv(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return feed(authorization, false, CaseExport.FEED_ENQUIRY_COLUMNS, export::forEachFeedEnquiry);
    }

    @GetMapping("/feed/enquiries.json")
    ResponseEntity<StreamingResponseBody> enquiriesJson(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return feed(authorization, true, CaseExport.FEED_ENQUIRY_COLUMNS, export::forEachFeedEnquiry);
    }

    @GetMapping("/feed/engagements.csv")
    ResponseEntity<StreamingResponseBody> engagementsCsv(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return feed(authorization, false, DiaryApi.FEED_ENGAGEMENT_COLUMNS, export::forEachFeedEngagement);
    }

    @GetMapping("/feed/engagements.json")
    ResponseEntity<StreamingResponseBody> engagementsJson(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return feed(authorization, true, DiaryApi.FEED_ENGAGEMENT_COLUMNS, export::forEachFeedEngagement);
    }

    private ResponseEntity<StreamingResponseBody> feed(String authorization, boolean json, List<String> columns,
            Consumer<Consumer<List<Object>>> rows) {
        if (!tokens.authenticate(authorization)) {
            throw new NoValidToken();
        }
        StreamingResponseBody body = out -> {
            try (TabularExport.RowWriter writer = json ? TabularExport.json(out, columns) : TabularExport.csv(out, columns)) {
                rows.accept(writer);
            }
        };
        return ResponseEntity.ok()
                .contentType(json ? JSON : TabularExport.CSV)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
