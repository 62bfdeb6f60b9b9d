package org.mayorsoffice.casework.home;

import org.mayorsoffice.casework.cases.CaseworkQueue;
import org.mayorsoffice.casework.diary.DiaryApi;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.responses.ApprovalQueue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sends each user to their role's home page, which shows that role's real queue. */
@Controller
class HomeController {

    private static final int PREVIEW = 10;

    private final CaseworkQueue queue;
    private final ApprovalQueue approvals;
    private final DiaryApi diary;

    HomeController(CaseworkQueue queue, ApprovalQueue approvals, DiaryApi diary) {
        this.queue = queue;
        this.approvals = approvals;
        this.diary = diary;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:" + user.homePath();
    }

    @GetMapping("/home/caseworker")
    String caseworker(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cases", queue.myCases(user, 0));
        model.addAttribute("overdue", queue.myOverdueCount(user));
        model.addAttribute("actions", queue.myActions(user, PREVIEW));
        return "home/caseworker";
    }

    @GetMapping("/home/coordinator")
    String coordinator(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("triage", queue.triage(user, 0));
        model.addAttribute("board", queue.board(user));
        model.addAttribute("counts", queue.counts(user));
        return "home/coordinator";
    }

    @GetMapping("/home/support-officer")
    String supportOfficer(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cases", queue.myCases(user, 0));
        model.addAttribute("actions", queue.myActions(user, PREVIEW));
        model.addAttribute("diaryActions", diary.myActions(user, PREVIEW));
        return "home/support-officer";
    }

    @GetMapping("/home/member")
    String member(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("approvals", approvals.awaitingApproval(user, PREVIEW));
        model.addAttribute("approvalCount", approvals.awaitingApprovalCount(user));
        model.addAttribute("cases", queue.memberCases(user, page - 1));
        model.addAttribute("myWeek", diary.myWeek(user));
        return "home/member";
    }

    @GetMapping("/home/head-of-office")
    String headOfOffice(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("counts", queue.counts(user));
        model.addAttribute("board", queue.board(user));
        return "home/head-of-office";
    }
}
