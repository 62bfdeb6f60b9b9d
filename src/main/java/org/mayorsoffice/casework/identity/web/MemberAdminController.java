package org.mayorsoffice.casework.identity.web;

import java.util.Arrays;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberOffice;
import org.mayorsoffice.casework.identity.internal.MemberService;
import org.mayorsoffice.casework.identity.internal.MemberService.MemberData;
import org.mayorsoffice.casework.identity.internal.MemberService.MemberDetail;
import org.mayorsoffice.casework.identity.internal.MemberService.PortfolioData;
import org.mayorsoffice.casework.identity.internal.MemberService.PortfolioDetail;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators maintain the executive: members and their portfolios. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class MemberAdminController {

    private final MemberService members;

    MemberAdminController(MemberService members) {
        this.members = members;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("fullName", "office", "email", "active", "name", "description", "memberId", "version");
    }

    @ModelAttribute("officeOptions")
    List<Option> officeOptions() {
        return Arrays.stream(MemberOffice.values()).map(o -> Option.of(o.name(), o.label())).toList();
    }

    @ModelAttribute("yesNoOptions")
    List<Option> yesNoOptions() {
        return List.of(Option.of("true", "Yes"), Option.of("false", "No"));
    }

    @GetMapping("/admin/members")
    String members(Model model) {
        model.addAttribute("members", members.members());
        return "admin/members/list";
    }

    @GetMapping("/admin/members/new")
    String newMember(Model model) {
        model.addAttribute("form", new MemberForm());
        return "admin/members/form";
    }

    @PostMapping("/admin/members")
    String createMember(@Validated @ModelAttribute("form") MemberForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                members.createMember(memberData(form), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return "admin/members/form";
        }
        redirect.addFlashAttribute("success", form.getFullName().trim() + " added");
        return "redirect:/admin/members";
    }

    @GetMapping("/admin/members/{id}/edit")
    String editMember(@PathVariable long id, Model model) {
        MemberDetail member = members.member(id);
        MemberForm form = new MemberForm();
        form.setFullName(member.fullName());
        form.setOffice(member.office());
        form.setEmail(member.email());
        form.setActive(member.active());
        form.setVersion(member.version());
        model.addAttribute("form", form);
        model.addAttribute("memberId", id);
        return "admin/members/form";
    }

    @PostMapping("/admin/members/{id}")
    String updateMember(@PathVariable long id, @Validated @ModelAttribute("form") MemberForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        members.member(id);
        if (!result.hasErrors()) {
            try {
                members.updateMember(id, memberData(form), form.getVersion(), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("memberId", id);
            return "admin/members/form";
        }
        redirect.addFlashAttribute("success", "Changes to " + form.getFullName().trim() + " saved");
        return "redirect:/admin/members";
    }

    @GetMapping("/admin/portfolios")
    String portfolios(Model model) {
        model.addAttribute("portfolios", members.portfolios());
        return "admin/portfolios/list";
    }

    @GetMapping("/admin/portfolios/new")
    String newPortfolio(Model model) {
        model.addAttribute("form", new PortfolioForm());
        model.addAttribute("memberOptions", members.memberOptions());
        return "admin/portfolios/form";
    }

    @PostMapping("/admin/portfolios")
    String createPortfolio(@Validated @ModelAttribute("form") PortfolioForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                members.createPortfolio(portfolioData(form), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("memberOptions", members.memberOptions());
            return "admin/portfolios/form";
        }
        redirect.addFlashAttribute("success", form.getName().trim() + " portfolio added");
        return "redirect:/admin/portfolios";
    }

    @GetMapping("/admin/portfolios/{id}/edit")
    String editPortfolio(@PathVariable long id, Model model) {
        PortfolioDetail portfolio = members.portfolio(id);
        PortfolioForm form = new PortfolioForm();
        form.setName(portfolio.name());
        form.setDescription(portfolio.description());
        form.setMemberId(portfolio.memberId());
        form.setActive(portfolio.active());
        form.setVersion(portfolio.version());
        model.addAttribute("form", form);
        model.addAttribute("portfolioId", id);
        model.addAttribute("memberOptions", members.memberOptions());
        return "admin/portfolios/form";
    }

    @PostMapping("/admin/portfolios/{id}")
    String updatePortfolio(@PathVariable long id, @Validated @ModelAttribute("form") PortfolioForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        members.portfolio(id);
        if (!result.hasErrors()) {
            try {
                members.updatePortfolio(id, portfolioData(form), form.getVersion(), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("portfolioId", id);
            model.addAttribute("memberOptions", members.memberOptions());
            return "admin/portfolios/form";
        }
        redirect.addFlashAttribute("success", "Changes to " + form.getName().trim() + " saved");
        return "redirect:/admin/portfolios";
    }

    private static MemberData memberData(MemberForm form) {
        return new MemberData(form.getFullName(), form.getOffice(), form.getEmail(), form.isActive());
    }

    private static PortfolioData portfolioData(PortfolioForm form) {
        return new PortfolioData(form.getName(), form.getDescription(), form.getMemberId(), form.isActive());
    }
}
