package org.mayorsoffice.casework.search.web;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the layout shows the search box in the header: staff only (not members or administrators). */
@ControllerAdvice
class SearchAdvice {

    @ModelAttribute("searchBox")
    boolean searchBox() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)
                || user.mustChangePassword()) {
            return false;
        }
        return user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR)
                || user.hasRole(Role.CABINET_SUPPORT_OFFICER) || user.hasRole(Role.HEAD_OF_OFFICE);
    }
}
