package org.mayorsoffice.casework.home;

import org.mayorsoffice.casework.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each user to their role's home page; the pages say what each team's queue will hold. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:" + user.homePath();
    }

    @GetMapping("/home/caseworker")
    String caseworker() {
        return "home/caseworker";
    }

    @GetMapping("/home/coordinator")
    String coordinator() {
        return "home/coordinator";
    }

    @GetMapping("/home/support-officer")
    String supportOfficer() {
        return "home/support-officer";
    }

    @GetMapping("/home/member")
    String member() {
        return "home/member";
    }

    @GetMapping("/home/head-of-office")
    String headOfOffice() {
        return "home/head-of-office";
    }
}
