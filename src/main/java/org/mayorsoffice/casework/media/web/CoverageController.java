package org.mayorsoffice.casework.media.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.media.internal.CoverageService;
import org.mayorsoffice.casework.media.internal.MediaViews.NewCoverage;
import org.mayorsoffice.casework.media.internal.MediaViews.Tone;
import org.mayorsoffice.casework.media.web.MediaForms.CoverageForm;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Media monitoring: logging coverage and seeing what is said about a portfolio. */
@Controller
class CoverageController {

    private final CoverageService coverage;
    private final MemberDirectory members;
    private final CaseDesk cases;
    private final Clock clock;

    CoverageController(CoverageService coverage, MemberDirectory members, CaseDesk cases, Clock clock) {
        this.coverage = coverage;
        this.members = members;
        this.cases = cases;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("outlet", "publishedOnDay", "publishedOnMonth", "publishedOnYear", "headline", "linkText",
                "tone", "portfolioId", "topicId", "caseReferences");
    }

    @GetMapping("/media/coverage")
    @PreAuthorize(MediaController.MEDIA_TEAM)
    String list(@RequestParam(required = false) Long portfolioId, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("items", coverage.recent(portfolioId, user));
        model.addAttribute("tones", coverage.tones(portfolioId));
        model.addAttribute("portfolioOptions", members.portfolioOptions());
        model.addAttribute("portfolioId", portfolioId == null ? "" : portfolioId.toString());
        return "media/coverage";
    }

    @GetMapping("/media/coverage/new")
    @PreAuthorize(MediaController.MEDIA_TEAM)
    String newItem(Model model) {
        CoverageForm form = new CoverageForm();
        LocalDate today = LocalDate.now(clock);
        form.setPublishedOnDay(String.valueOf(today.getDayOfMonth()));
        form.setPublishedOnMonth(String.valueOf(today.getMonthValue()));
        form.setPublishedOnYear(String.valueOf(today.getYear()));
        return newPage(model, form);
    }

    @PostMapping("/media/coverage")
    @PreAuthorize(MediaController.MEDIA_TEAM)
    String create(@ModelAttribute("form") CoverageForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        check(result, "outlet", form.getOutlet(), "Enter the outlet", 200);
        LocalDate on = MediaForms.date(form.getPublishedOnDay(), form.getPublishedOnMonth(), form.getPublishedOnYear());
        if (MediaForms.blank(form.getPublishedOnDay(), form.getPublishedOnMonth(), form.getPublishedOnYear())) {
            result.addError(new FieldError("form", "publishedOn", "Enter the date it was published"));
        } else if (on == null) {
            result.addError(new FieldError("form", "publishedOn", "The date published must be a real date"));
        }
        check(result, "headline", form.getHeadline(), "Enter the headline", 300);
        if (form.getLinkText() != null && form.getLinkText().strip().length() > 1000) {
            result.rejectValue("linkText", "length", "The link must be 1000 characters or fewer");
        }
        if (form.getTone() == null) {
            result.rejectValue("tone", "required", "Select the tone of the coverage");
        }
        if (!result.hasErrors()) {
            try {
                coverage.log(new NewCoverage(form.getOutlet(), on, form.getHeadline(), form.getLinkText(), form.getTone(),
                        form.getPortfolioId(), form.getTopicId(), form.getCaseReferences()), user);
                redirect.addFlashAttribute("success", "Coverage logged");
                return "redirect:/media/coverage";
            } catch (RuleViolationException e) {
                if ("publishedOn".equals(e.field())) {
                    result.addError(new FieldError("form", "publishedOn", e.getMessage()));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        return newPage(model, form);
    }

    private static void check(BindingResult result, String field, String value, String message, int max) {
        if (value == null || value.isBlank()) {
            result.rejectValue(field, "required", message);
        } else if (value.strip().length() > max) {
            result.rejectValue(field, "length", "This must be " + max + " characters or fewer");
        }
    }

    private String newPage(Model model, CoverageForm form) {
        model.addAttribute("form", form);
        model.addAttribute("toneOptions", Arrays.stream(Tone.values()).map(t -> new Option(t.name(), t.label())).toList());
        model.addAttribute("portfolioOptions", members.portfolioOptions());
        model.addAttribute("topicOptions", cases.topicOptions());
        return "media/coverage-new";
    }
}
