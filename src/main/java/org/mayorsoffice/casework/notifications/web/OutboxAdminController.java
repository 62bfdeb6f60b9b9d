package org.mayorsoffice.casework.notifications.web;

import java.util.Set;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.internal.OutboxAdminService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxAdminController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED");

    private final OutboxAdminService outbox;

    OutboxAdminController(OutboxAdminService outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        String filter = status != null && STATUSES.contains(status) ? status : null;
        model.addAttribute("status", filter);
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("page", outbox.page(filter, page));
        return "admin/outbox";
    }

    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        outbox.retry(id, user.getUsername());
        redirect.addFlashAttribute("success", "Email queued to be sent again");
        return "redirect:/admin/outbox";
    }
}
