package org.mayorsoffice.casework.notifications.web;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.internal.NotificationService;
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
@PreAuthorize("isAuthenticated()")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("page", notifications.page(user.id(), page));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return "redirect:" + notifications.open(user.id(), id);
    }

    @PostMapping("/notifications/read")
    String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        int count = notifications.markAllRead(user.id());
        redirect.addFlashAttribute("success", count == 1 ? "1 notification marked as read" : count + " notifications marked as read");
        return "redirect:/notifications";
    }
}
