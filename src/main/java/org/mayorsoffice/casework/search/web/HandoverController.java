package org.mayorsoffice.casework.search.web;

import java.nio.charset.StandardCharsets;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.HandoverService;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
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
import org.springframework.web.bind.annotation.RequestParam;

/** Change of office-holder, for the head of office: choose, check what moves, carry it out, keep the report. */
@Controller
@PreAuthorize("hasRole('HEAD_OF_OFFICE')")
class HandoverController {

    private final HandoverService handover;

    HandoverController(HandoverService handover) {
        this.handover = handover;
    }

    @GetMapping("/records/handover")
    String choose(@RequestParam(required = false) String outgoing, @RequestParam(required = false) String successor,
            Model model) {
        return choosePage(model, outgoing, successor, null, null);
    }

    @GetMapping("/records/handover/check")
    String check(@RequestParam(required = false) String outgoing, @RequestParam(required = false) String successor,
            Model model) {
        try {
            model.addAttribute("preview", handover.preview(outgoing, successor));
        } catch (RuleViolationException e) {
            return choosePage(model, outgoing, successor, e.field(), e.getMessage());
        }
        model.addAttribute("error", null);
        return "search/handover-check";
    }

    @PostMapping("/records/handover")
    String execute(@RequestParam(required = false) String outgoing, @RequestParam(required = false) String successor,
            @RequestParam(required = false) String confirm, @AuthenticationPrincipal CurrentUser user, Model model) {
        try {
            if (!"yes".equals(confirm)) {
                model.addAttribute("preview", handover.preview(outgoing, successor));
                model.addAttribute("error", "Confirm that you want to hand over this casework");
                return "search/handover-check";
            }
            return "redirect:/records/handover/" + handover.execute(outgoing, successor, user.getUsername());
        } catch (RuleViolationException e) {
            return choosePage(model, outgoing, successor, e.field(), e.getMessage());
        }
    }

    @GetMapping("/records/handover/{id}")
    String report(@PathVariable long id, Model model) {
        model.addAttribute("report", handover.report(id));
        return "search/handover-report";
    }

    @GetMapping("/records/handover/{id}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("handover-" + id + ".csv").build().toString())
                .body(handover.report(id).csv().getBytes(StandardCharsets.UTF_8));
    }

    private String choosePage(Model model, String outgoing, String successor, String field, String error) {
        model.addAttribute("members", handover.members());
        model.addAttribute("outgoing", outgoing == null ? "" : outgoing);
        model.addAttribute("successor", successor == null ? "" : successor);
        model.addAttribute("errorField", field);
        model.addAttribute("error", error);
        return "search/handover";
    }
}
