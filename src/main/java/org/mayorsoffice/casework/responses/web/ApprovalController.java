package org.mayorsoffice.casework.responses.web;

import java.time.Clock;
import java.time.LocalDate;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.responses.internal.DelegationService;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.responses.internal.DraftViews.ApprovalDetail;
import org.mayorsoffice.casework.responses.web.Forms.ApprovalForm;
import org.mayorsoffice.casework.responses.web.Forms.DelegationForm;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approvals queue of a member (or their delegate, or the head of office), approving and returning drafts, delegation. */
@Controller
class ApprovalController {

    static final String APPROVERS = "hasAnyRole('MEMBER', 'HEAD_OF_OFFICE')";

    private final DraftService drafts;
    private final DelegationService delegations;
    private final Clock clock;

    ApprovalController(DraftService drafts, DelegationService delegations, Clock clock) {
        this.drafts = drafts;
        this.delegations = delegations;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("text", "comments", "delegateUserId", "startsOnDay", "startsOnMonth", "startsOnYear",
                "endsOnDay", "endsOnMonth", "endsOnYear");
    }

    @GetMapping("/approvals")
    @PreAuthorize(APPROVERS)
    String queue(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("approvals", drafts.awaitingApproval(user, 100));
        model.addAttribute("canDelegate", user.hasRole(org.mayorsoffice.casework.identity.Role.MEMBER));
        return "responses/approvals";
    }

    @GetMapping("/approvals/{id}")
    @PreAuthorize(APPROVERS)
    String approval(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ApprovalDetail a = drafts.approval(id, user);
        ApprovalForm form = new ApprovalForm();
        form.setText(a.text());
        return approvalPage(model, a, form, user);
    }

    @PostMapping("/approvals/{id}/approve")
    @PreAuthorize(APPROVERS)
    String approve(@PathVariable long id, @RequestParam(defaultValue = "approve") String action,
            @ModelAttribute("form") ApprovalForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        ApprovalDetail a = drafts.approval(id, user);
        try {
            drafts.approve(id, "edit".equals(action) ? form.getText() : null, user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return approvalPage(model, a, form, user);
        }
        redirect.addFlashAttribute("success", "Draft for " + a.c().reference() + " approved"
                + ("edit".equals(action) ? " with your changes" : "") + ". The office will send it.");
        return "redirect:/approvals";
    }

    @PostMapping("/approvals/{id}/return")
    @PreAuthorize(APPROVERS)
    String returnDraft(@PathVariable long id, @ModelAttribute("form") ApprovalForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ApprovalDetail a = drafts.approval(id, user);
        try {
            drafts.returnDraft(id, form.getComments(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            if (form.getText() == null) {
                form.setText(a.text());
            }
            return approvalPage(model, a, form, user);
        }
        redirect.addFlashAttribute("success", "Draft for " + a.c().reference() + " returned to " + a.submittedBy()
                + " with your comments");
        return "redirect:/approvals";
    }

    @GetMapping("/approvals/{id}/versions/{number}")
    @PreAuthorize(APPROVERS)
    String version(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal CurrentUser user, Model model) {
        drafts.approval(id, user);
        model.addAttribute("v", drafts.version(id, number, user));
        model.addAttribute("backHref", "/approvals/" + id);
        return "responses/version";
    }

    private String approvalPage(Model model, ApprovalDetail a, ApprovalForm form, CurrentUser user) {
        model.addAttribute("a", a);
        model.addAttribute("versions", drafts.versionsForApprover(a.draftId(), user));
        model.addAttribute("form", form);
        return "responses/approval";
    }

    // ------------------------------------------------------------ delegation

    @GetMapping("/approvals/delegations")
    @PreAuthorize("hasRole('MEMBER')")
    String delegationsPage(@AuthenticationPrincipal CurrentUser user, Model model) {
        DelegationForm form = new DelegationForm();
        form.setStartsOn(LocalDate.now(clock));
        return delegationsPage(model, user, form);
    }

    @PostMapping("/approvals/delegations")
    @PreAuthorize("hasRole('MEMBER')")
    String addDelegation(@ModelAttribute("form") DelegationForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        LocalDate from = DelegationForm.date(form.getStartsOnDay(), form.getStartsOnMonth(), form.getStartsOnYear());
        LocalDate to = DelegationForm.date(form.getEndsOnDay(), form.getEndsOnMonth(), form.getEndsOnYear());
        if (form.getDelegateUserId() == null) {
            result.rejectValue("delegateUserId", "required", "Select who may approve for you");
        }
        if (DelegationForm.blank(form.getStartsOnDay(), form.getStartsOnMonth(), form.getStartsOnYear())) {
            result.addError(new FieldError("form", "startsOn", "Enter the first day of the delegation"));
        } else if (from == null) {
            result.addError(new FieldError("form", "startsOn", "Start date must be a real date"));
        }
        if (DelegationForm.blank(form.getEndsOnDay(), form.getEndsOnMonth(), form.getEndsOnYear())) {
            result.addError(new FieldError("form", "endsOn", "Enter the last day of the delegation"));
        } else if (to == null) {
            result.addError(new FieldError("form", "endsOn", "End date must be a real date"));
        }
        if (!result.hasErrors()) {
            try {
                delegations.add(user, form.getDelegateUserId(), from, to);
            } catch (RuleViolationException e) {
                if ("startsOn".equals(e.field()) || "endsOn".equals(e.field())) {
                    result.addError(new FieldError("form", e.field(), e.getMessage()));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        if (result.hasErrors()) {
            return delegationsPage(model, user, form);
        }
        redirect.addFlashAttribute("success", "Delegation added");
        return "redirect:/approvals/delegations";
    }

    @PostMapping("/approvals/delegations/{id}/end")
    @PreAuthorize("hasRole('MEMBER')")
    String endDelegation(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        delegations.end(user, id);
        redirect.addFlashAttribute("success", "Delegation ended");
        return "redirect:/approvals/delegations";
    }

    private String delegationsPage(Model model, CurrentUser user, DelegationForm form) {
        model.addAttribute("delegations", delegations.delegations(user));
        model.addAttribute("delegateOptions", delegations.delegateOptions(user));
        model.addAttribute("form", form);
        return "responses/delegations";
    }
}
