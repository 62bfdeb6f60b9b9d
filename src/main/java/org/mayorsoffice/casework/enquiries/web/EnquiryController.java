package org.mayorsoffice.casework.enquiries.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.enquiries.internal.EnquiryQueries;
import org.mayorsoffice.casework.enquiries.internal.EnquiryService;
import org.mayorsoffice.casework.enquiries.internal.EnquiryService.RaiseEnquiry;
import org.mayorsoffice.casework.enquiries.internal.EnquiryService.Raised;
import org.mayorsoffice.casework.enquiries.internal.EnquiryViews.EnquiryDetail;
import org.mayorsoffice.casework.enquiries.web.EnquiryForms.RaiseForm;
import org.mayorsoffice.casework.enquiries.web.EnquiryForms.ResponseForm;
import org.mayorsoffice.casework.enquiries.web.EnquiryForms.WithdrawForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.organisation.OrganisationApi;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Members' enquiries: raising one from a case, the list of open enquiries, one enquiry, its response and withdrawal. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')")
class EnquiryController {

    private final EnquiryService enquiries;
    private final EnquiryQueries queries;
    private final OrganisationApi organisation;
    private final Clock clock;

    EnquiryController(EnquiryService enquiries, EnquiryQueries queries, OrganisationApi organisation, Clock clock) {
        this.enquiries = enquiries;
        this.queries = queries;
        this.organisation = organisation;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("recipient", "question", "response", "respondedOnDay", "respondedOnMonth",
                "respondedOnYear", "reason");
    }

    // The list

    @GetMapping("/enquiries")
    String list(@RequestParam(required = false) String directorate, @RequestParam(required = false) String overdue,
            @RequestParam(defaultValue = "1") String page, @AuthenticationPrincipal CurrentUser user, Model model) {
        Long directorateId = number(directorate);
        boolean overdueOnly = "true".equals(overdue);
        Long pageNumber = number(page);
        var list = queries.open(user, directorateId, overdueOnly, pageNumber == null ? 0 : (int) Math.min(pageNumber - 1, 100000));
        model.addAttribute("list", list);
        model.addAttribute("selectedDirectorate", directorateId == null ? "" : directorateId.toString());
        model.addAttribute("overdueOnly", overdueOnly);
        return "enquiries/list";
    }

    // One enquiry

    @GetMapping("/enquiries/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("e", queries.detail(id, user));
        return "enquiries/show";
    }

    // A case's enquiries and raising one

    @GetMapping("/cases/{id}/enquiries")
    String forCase(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("c", enquiries.visibleCase(id, user));
        model.addAttribute("enquiries", queries.onCase(id));
        return "enquiries/case";
    }

    @GetMapping("/cases/{id}/enquiries/new")
    String raiseForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return raisePage(model, enquiries.visibleCase(id, user), new RaiseForm());
    }

    @PostMapping("/cases/{id}/enquiries")
    String raise(@PathVariable long id, @ModelAttribute("form") RaiseForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        CaseSummary c = enquiries.visibleCase(id, user);
        RaiseEnquiry command = new RaiseEnquiry(form.getRecipient(), form.getQuestion());
        enquiries.problems(command).forEach(p -> FormErrors.reject(result, p));
        Raised raised = null;
        if (!result.hasErrors()) {
            try {
                raised = enquiries.raise(id, command, user);
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (raised == null) {
            return raisePage(model, c, form);
        }
        redirect.addFlashAttribute("success", "Members' enquiry " + raised.reference() + " sent to " + raised.recipient()
                + ". Response due " + date(raised.dueOn()) + ".");
        return "redirect:/enquiries/" + raised.id();
    }

    // The response

    @GetMapping("/enquiries/{id}/response")
    String responseForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        EnquiryDetail e = queries.detail(id, user);
        if (!e.open()) {
            return "redirect:/enquiries/" + id;
        }
        ResponseForm form = new ResponseForm();
        form.setRespondedOn(LocalDate.now(clock));
        return page(model, e, form, "enquiries/response");
    }

    @PostMapping("/enquiries/{id}/response")
    String recordResponse(@PathVariable long id, @ModelAttribute("form") ResponseForm form, BindingResult result,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) throws java.io.IOException {
        EnquiryDetail e = queries.detail(id, user);
        LocalDate respondedOn = form.respondedOn();
        if (form.getResponse() == null || form.getResponse().isBlank()) {
            result.rejectValue("response", "required", "Enter the directorate's response");
        }
        if (form.respondedOnBlank()) {
            result.addError(new FieldError("form", "respondedOn", "Enter the date the response was received"));
        } else if (respondedOn == null) {
            result.addError(new FieldError("form", "respondedOn", "The date of the response must be a real date, for example 27 3 2026"));
        }
        boolean late = false;
        if (!result.hasErrors()) {
            try {
                List<EnquiryService.ResponseFile> uploaded = new java.util.ArrayList<>();
                for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                    if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
                        uploaded.add(new EnquiryService.ResponseFile(file.getOriginalFilename(), file.getBytes()));
                    }
                }
                late = enquiries.recordResponse(id, form.getResponse(), respondedOn, uploaded, user);
            } catch (RuleViolationException ex) {
                if ("file".equals(ex.field())) {
                    result.addError(new FieldError("form", "files", ex.getMessage() + ". Select the files again."));
                } else if ("respondedOn".equals(ex.field())) {
                    result.addError(new FieldError("form", "respondedOn", ex.getMessage()));
                } else {
                    FormErrors.reject(result, ex);
                }
            }
        }
        if (result.hasErrors()) {
            return page(model, e, form, "enquiries/response");
        }
        redirect.addFlashAttribute("success", "Response to " + e.reference() + " recorded: answered "
                + (late ? "late" : "on time") + ".");
        return "redirect:/enquiries/" + id;
    }

    // Withdrawal

    @GetMapping("/enquiries/{id}/withdraw")
    String withdrawForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        EnquiryDetail e = queries.detail(id, user);
        if (!e.open()) {
            return "redirect:/enquiries/" + id;
        }
        return page(model, e, new WithdrawForm(), "enquiries/withdraw");
    }

    @PostMapping("/enquiries/{id}/withdraw")
    String withdraw(@PathVariable long id, @ModelAttribute("form") WithdrawForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        EnquiryDetail e = queries.detail(id, user);
        try {
            enquiries.withdraw(id, form.getReason(), user);
        } catch (RuleViolationException ex) {
            FormErrors.reject(result, ex);
            return page(model, e, form, "enquiries/withdraw");
        }
        redirect.addFlashAttribute("success", e.reference() + " withdrawn. " + e.recipient() + " has been told by email.");
        return "redirect:/enquiries/" + id;
    }

    private String raisePage(Model model, CaseSummary c, RaiseForm form) {
        List<Option> recipients = organisation.enquiryContacts().stream()
                .map(contact -> Option.of(contact.key(), contact.label() + " (" + contact.targetDays() + " working days"
                        + (contact.email() == null ? ", no email address" : "") + ")"))
                .toList();
        model.addAttribute("c", c);
        model.addAttribute("recipients", recipients);
        model.addAttribute("form", form);
        return "enquiries/new";
    }

    private static String page(Model model, EnquiryDetail e, Object form, String view) {
        model.addAttribute("e", e);
        model.addAttribute("form", form);
        return view;
    }

    private static Long number(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Long.parseLong(typed.strip());
    }

    private static String date(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }
}
