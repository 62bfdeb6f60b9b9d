package org.mayorsoffice.casework.notifications.web;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.notifications.Notifications;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The bell in the header: the signed-in user's unread count on every page (one indexed count). */
@ControllerAdvice
class NotificationsAdvice {

    private final Notifications notifications;

    NotificationsAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)
                || user.mustChangePassword() || user.id() <= 0) {
            return null;
        }
        return notifications.unreadCount(user.id());
    }
}
