package org.mayorsoffice.casework.search.web;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.search.internal.ErasureService;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Erasure on request and legal holds: the head of office only. */
@Controller
@PreAuthorize("hasRole('HEAD_OF_OFFICE')")
class ErasureController {

    private final ErasureService erasure;

    ErasureController(ErasureService erasure) {
        this.erasure = erasure;
    }

    @GetMapping("/people/{id}/erase")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("view", erasure.view(id));
        model.addAttribute("error", null);
        return "search/erase";
    }

    @PostMapping("/people/{id}/erase")
    String erase(@PathVariable long id, @RequestParam(required = false) String confirm,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            if (!"yes".equals(confirm)) {
                throw new RuleViolationException("confirm", "Confirm that you have checked the request and want to erase this person");
            }
            erasure.erase(id, user);
        } catch (RuleViolationException e) {
            model.addAttribute("view", erasure.view(id));
            model.addAttribute("error", e.getMessage());
            return "search/erase";
        }
        redirect.addFlashAttribute("success", "Person erased");
        return "redirect:/people/" + id;
    }

    @PostMapping("/people/{id}/legal-hold")
    String personHold(@PathVariable long id, @RequestParam(defaultValue = "false") boolean hold,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        erasure.setPersonHold(id, hold, user);
        redirect.addFlashAttribute("success", hold ? "Legal hold placed" : "Legal hold lifted");
        return "redirect:/people/" + id + "/erase";
    }

    @GetMapping("/cases/{id}/legal-hold")
    String caseHoldPage(@PathVariable long id, Model model) {
        model.addAttribute("view", erasure.caseHold(id));
        model.addAttribute("reason", "");
        model.addAttribute("error", null);
        return "search/case-legal-hold";
    }

    @PostMapping("/cases/{id}/legal-hold")
    String caseHold(@PathVariable long id, @RequestParam(defaultValue = "false") boolean hold,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        try {
            erasure.setCaseHold(id, hold, reason, user);
        } catch (RuleViolationException e) {
            model.addAttribute("view", erasure.caseHold(id));
            model.addAttribute("reason", reason);
            model.addAttribute("error", e.getMessage());
            return "search/case-legal-hold";
        }
        redirect.addFlashAttribute("success", hold ? "Legal hold placed on the case" : "Legal hold on the case released");
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/personal")
    String personal(@PathVariable long id, @RequestParam(defaultValue = "false") boolean personal,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        erasure.setPersonalToMember(id, personal, user);
        redirect.addFlashAttribute("success", personal ? "Case marked as personal to the member" : "Case marked as office casework");
        return "redirect:/cases/" + id;
    }
}
