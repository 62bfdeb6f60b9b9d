package org.mayorsoffice.casework.search.web;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.SubjectAccessService;
import org.mayorsoffice.casework.search.internal.SubjectAccessService.Download;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Subject access requests: log one and download everything held about the person as one ZIP. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
class SubjectAccessController {

    private final SubjectAccessService subjectAccess;

    SubjectAccessController(SubjectAccessService subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @GetMapping("/people/{id}/subject-access")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("person", subjectAccess.person(id));
        model.addAttribute("requests", subjectAccess.requests(id));
        return "search/subject-access";
    }

    @PostMapping("/people/{id}/subject-access")
    ResponseEntity<byte[]> request(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Download download = subjectAccess.request(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.content());
    }
}
