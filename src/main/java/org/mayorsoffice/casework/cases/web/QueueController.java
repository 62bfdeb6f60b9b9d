package org.mayorsoffice.casework.cases.web;

import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.cases.web.CaseworkForms.AllocationForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Work queues: my actions, the coordinator's triage queue and allocation board, and a case's audit trail. */
@Controller
class QueueController {

    private final CaseQueries queries;
    private final CaseService cases;

    QueueController(CaseQueries queries, CaseService cases) {
        this.queries = queries;
        this.cases = cases;
    }

    @GetMapping("/actions/mine")
    @PreAuthorize(CaseController.STAFF)
    String myActions(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("actions", queries.myActions(user, 100));
        return "cases/actions";
    }

    @GetMapping("/cases/triage")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    String triage(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AllocationForm());
        }
        model.addAttribute("cases", queries.triage(user, page - 1));
        model.addAttribute("caseworkerOptions", queries.caseworkerOptions());
        return "cases/triage";
    }

    @PostMapping("/cases/triage/allocate")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    String allocateSelected(@ModelAttribute("form") AllocationForm form, org.springframework.validation.BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (form.getCaseIds() == null || form.getCaseIds().isEmpty()) {
            result.rejectValue("caseIds", "required", "Select at least one case to allocate");
        }
        if (form.getCaseworkerId() == null) {
            result.rejectValue("caseworkerId", "required", "Select a caseworker");
        }
        if (!result.hasErrors()) {
            try {
                int count = cases.allocate(form.getCaseIds(), form.getCaseworkerId(), form.getNote(), user);
                redirect.addFlashAttribute("success", count + (count == 1 ? " case" : " cases") + " allocated");
                return "redirect:/cases/triage";
            } catch (RuleViolationException e) {
                org.mayorsoffice.casework.shared.web.FormErrors.reject(result, e);
            }
        }
        model.addAttribute("cases", queries.triage(user, 0));
        model.addAttribute("caseworkerOptions", queries.caseworkerOptions());
        return "cases/triage";
    }

    @GetMapping("/cases/board")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    String board(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("board", queries.board(user));
        return "cases/board";
    }

    @GetMapping("/cases/{id}/audit")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String audit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("c", queries.detail(id, user));
        model.addAttribute("events", queries.auditTrail(id, user));
        return "cases/audit";
    }
}
