package org.mayorsoffice.casework.diary.web;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryTimes;
import org.mayorsoffice.casework.diary.internal.DiaryViews.InvitationDetail;
import org.mayorsoffice.casework.diary.internal.InvitationService;
import org.mayorsoffice.casework.diary.internal.InvitationService.Decision;
import org.mayorsoffice.casework.diary.internal.InvitationService.NewInvitation;
import org.mayorsoffice.casework.diary.web.Forms.DecisionForm;
import org.mayorsoffice.casework.diary.web.Forms.InvitationForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Invitations to members: the replies-due list, logging one, and the decision. */
@Controller
class InvitationController {

    static final List<Option> DECISIONS = List.of(Option.of("ACCEPT", "Accept: add it to the diary as confirmed"),
            Option.of("DECLINE", "Decline: record the reply sent"));

    private final InvitationService invitations;
    private final DiaryOptions options;

    InvitationController(InvitationService invitations, DiaryOptions options) {
        this.invitations = invitations;
        this.options = options;
    }

    @GetMapping("/invitations")
    @PreAuthorize(DiaryController.KEEPERS)
    String list(@RequestParam(defaultValue = "awaiting") String show, @RequestParam(defaultValue = "1") int page, Model model) {
        boolean decided = "decided".equals(show);
        model.addAttribute("decided", decided);
        model.addAttribute("invitations", decided ? invitations.decided(page - 1) : invitations.awaiting(page - 1));
        return "invitations/list";
    }

    @GetMapping("/invitations/new")
    @PreAuthorize(DiaryController.KEEPERS)
    String newInvitation(Model model) {
        return formPage(model, new InvitationForm());
    }

    @PostMapping("/invitations")
    @PreAuthorize(DiaryController.KEEPERS)
    String log(@ModelAttribute("form") InvitationForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        Forms.required(result, "memberId", form.getMemberId(), "Select who is invited");
        Forms.required(result, "inviter", form.getInviter(), "Enter who the invitation is from");
        Forms.required(result, "title", form.getTitle(), "Enter what the invitation is to");
        Forms.required(result, "kind", form.getKind(), "Select the type of engagement");
        Forms.required(result, "startTime", form.getStartTime(), "Enter the start time, for example 10:00");
        Forms.required(result, "endTime", form.getEndTime(), "Enter the end time, for example 11:30");
        LocalDate date = Forms.date(result, "date", form.getDateDay(), form.getDateMonth(), form.getDateYear(), true,
                "the date of the engagement");
        LocalDate replyBy = Forms.date(result, "replyBy", form.getReplyByDay(), form.getReplyByMonth(), form.getReplyByYear(),
                false, "the reply-by date");
        var start = DiaryTimes.parseTime(form.getStartTime());
        var end = DiaryTimes.parseTime(form.getEndTime());
        if (!Forms.blank(form.getStartTime()) && start == null) {
            result.addError(new FieldError("form", "startTime", "Start time must be a real time, for example 10:00 or 2:30pm"));
        }
        if (!Forms.blank(form.getEndTime()) && end == null) {
            result.addError(new FieldError("form", "endTime", "End time must be a real time, for example 11:30 or 4pm"));
        }
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = invitations.log(new NewInvitation(Forms.id(form.getMemberId()), form.getInviter(), form.getTitle(),
                        form.getDetails(), Forms.enumValue(EngagementKind.class, form.getKind()), date, start, end,
                        form.getLocation(), replyBy), user);
            } catch (RuleViolationException e) {
                Forms.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return formPage(model, form);
        }
        redirect.addFlashAttribute("success", "Invitation logged");
        return "redirect:/invitations/" + id;
    }

    @GetMapping("/invitations/{id}")
    @PreAuthorize(DiaryController.KEEPERS)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        InvitationDetail inv = invitations.detail(id, user);
        DecisionForm form = new DecisionForm();
        form.setVersion(inv.version());
        return showPage(model, inv, form);
    }

    @PostMapping("/invitations/{id}/decision")
    @PreAuthorize(DiaryController.KEEPERS)
    String decide(@PathVariable long id, @ModelAttribute("form") DecisionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        InvitationDetail inv = invitations.detail(id, user);
        Long engagementId = null;
        try {
            engagementId = invitations.decide(id, Forms.enumValue(Decision.class, form.getDecision()), form.getReplyNote(),
                    form.getVersion(), user);
        } catch (RuleViolationException e) {
            Forms.reject(result, e);
        } catch (ConcurrentEditException e) {
            FormErrors.reject(result, e);
            form.setVersion(e.currentVersion());
        }
        if (result.hasErrors()) {
            return showPage(model, invitations.detail(id, user), form);
        }
        if (engagementId != null) {
            redirect.addFlashAttribute("success", "Invitation accepted and added to " + inv.member() + "'s diary");
            return "redirect:/diary/engagements/" + engagementId;
        }
        redirect.addFlashAttribute("success", "Invitation declined and the reply recorded");
        return "redirect:/invitations/" + id;
    }

    private String formPage(Model model, InvitationForm form) {
        model.addAttribute("form", form);
        model.addAttribute("memberOptions", options.members());
        model.addAttribute("kindOptions", DiaryOptions.KINDS);
        return "invitations/new";
    }

    private String showPage(Model model, InvitationDetail inv, DecisionForm form) {
        model.addAttribute("inv", inv);
        model.addAttribute("form", form);
        model.addAttribute("decisionOptions", DECISIONS);
        return "invitations/show";
    }
}
