package org.mayorsoffice.casework.search.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.RetentionService;
import org.mayorsoffice.casework.search.internal.RetentionService.Action;
import org.mayorsoffice.casework.search.internal.RetentionService.RuleRow;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Retention rules (administrators) and the retention review (head of office). */
@Controller
class RetentionController {

    /** The rule form: {@code action} KEEP (no rule), ANONYMISE or DELETE; {@code years} needed unless KEEP. */
    record RuleForm(@NotBlank(message = "Select what happens to closed cases of this type") String action,
            String years) {

        Integer yearsValue() {
            try {
                int value = Integer.parseInt(years == null ? "" : years.strip());
                return value >= 1 && value <= 100 ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static final List<Option> ACTIONS = List.of(new Option("KEEP", "Keep them (no rule)"),
            new Option("ANONYMISE", "Anonymise them: keep the case for statistics, remove its details and people"),
            new Option("DELETE", "Delete them with everything on them"));

    private final RetentionService retention;

    RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @GetMapping("/admin/retention")
    @PreAuthorize("hasRole('ADMIN')")
    String rules(Model model) {
        model.addAttribute("rules", retention.rules());
        return "search/retention-rules";
    }

    @GetMapping("/admin/retention/{caseTypeId}")
    @PreAuthorize("hasRole('ADMIN')")
    String ruleForm(@PathVariable long caseTypeId, Model model) {
        RuleRow rule = retention.rule(caseTypeId);
        model.addAttribute("form", new RuleForm(rule.action() == null ? "KEEP" : rule.action().name(),
                rule.years() == null ? "" : rule.years().toString()));
        return ruleFormPage(rule, model);
    }

    @PostMapping("/admin/retention/{caseTypeId}")
    @PreAuthorize("hasRole('ADMIN')")
    String saveRule(@PathVariable long caseTypeId, @Valid @ModelAttribute("form") RuleForm form, BindingResult errors,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        RuleRow rule = retention.rule(caseTypeId);
        boolean keep = "KEEP".equals(form.action());
        if (!errors.hasFieldErrors("action") && !keep && ACTIONS.stream().noneMatch(o -> o.value().equals(form.action()))) {
            errors.rejectValue("action", "invalid", "Select what happens to closed cases of this type");
        }
        if (!keep && form.yearsValue() == null) {
            errors.rejectValue("years", "required", "Enter how many years after closure, a whole number from 1 to 100");
        }
        if (errors.hasErrors()) {
            return ruleFormPage(rule, model);
        }
        try {
            retention.saveRule(caseTypeId, keep ? null : form.yearsValue(), keep ? null : Action.valueOf(form.action()),
                    user.getUsername());
        } catch (RuleViolationException e) {
            errors.rejectValue("years", "rule", e.getMessage());
            return ruleFormPage(rule, model);
        }
        redirect.addFlashAttribute("success", "Retention rule for " + rule.caseType() + " saved");
        return "redirect:/admin/retention";
    }

    private String ruleFormPage(RuleRow rule, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("actions", ACTIONS);
        return "search/retention-rule-form";
    }

    // --- The review (head of office) ---

    @GetMapping("/records/retention")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String review(Model model) {
        model.addAttribute("batch", retention.pendingBatchId().map(retention::batch).orElse(null));
        model.addAttribute("recent", retention.recentBatches());
        return "search/retention-review";
    }

    @GetMapping("/records/retention/dry-run")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String dryRun(Model model) {
        model.addAttribute("cases", retention.dryRun());
        model.addAttribute("limit", RetentionService.BATCH_LIMIT);
        return "search/retention-dry-run";
    }

    @PostMapping("/records/retention/batches")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String startReview(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (retention.createBatch(user.getUsername()).isEmpty()) {
            redirect.addFlashAttribute("success", "No closed cases are past their retention period");
        }
        return "redirect:/records/retention";
    }

    @GetMapping("/records/retention/batches/{id}")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String batch(@PathVariable long id, Model model) {
        model.addAttribute("batch", retention.batch(id));
        return "search/retention-batch";
    }

    @PostMapping("/records/retention/batches/{id}/items/{caseId}")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String exclude(@PathVariable long id, @PathVariable long caseId, @RequestParam(defaultValue = "true") boolean excluded,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        retention.setExcluded(id, caseId, excluded, user.getUsername());
        redirect.addFlashAttribute("success", excluded ? "Case excluded: it will be kept" : "Case included again");
        return "redirect:/records/retention";
    }

    @PostMapping("/records/retention/batches/{id}/approve")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String approve(@PathVariable long id, @RequestParam(required = false) String confirm,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            model.addAttribute("batch", retention.batch(id));
            model.addAttribute("recent", retention.recentBatches());
            model.addAttribute("error", "Confirm that you have checked the list and want these records removed");
            return "search/retention-review";
        }
        redirect.addFlashAttribute("success", "Retention review approved: " + retention.approve(id, user.getUsername()));
        return "redirect:/records/retention/batches/" + id;
    }

    @PostMapping("/records/retention/batches/{id}/cancel")
    @PreAuthorize("hasRole('HEAD_OF_OFFICE')")
    String cancel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        retention.cancel(id, user.getUsername());
        redirect.addFlashAttribute("success", "Retention review cancelled: nothing was removed");
        return "redirect:/records/retention";
    }
}
