package org.mayorsoffice.casework.correspondence.web;

import static org.mayorsoffice.casework.correspondence.web.CorrespondenceController.STAFF;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.cases.CaseDesk.CaseSummary;
import org.mayorsoffice.casework.correspondence.MailboxIntake;
import org.mayorsoffice.casework.correspondence.MailboxIntake.PollResult;
import org.mayorsoffice.casework.correspondence.internal.CampaignService;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceService.CaseFromItem;
import org.mayorsoffice.casework.correspondence.internal.CorrespondenceViews.ItemDetail;
import org.mayorsoffice.casework.correspondence.web.SimpleForms.AttachForm;
import org.mayorsoffice.casework.correspondence.web.SimpleForms.CampaignForm;
import org.mayorsoffice.casework.correspondence.web.SimpleForms.NoActionForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage inbox: incoming items not yet distributed, oldest first, with near-duplicate groups
 * suggested as campaigns; and the three ways to distribute an item (attach to a case, open a new case,
 * no action). Each item is distributed once.
 */
@Controller
class TriageController {

    private final CorrespondenceService register;
    private final CampaignService campaigns;
    private final CaseDesk caseDesk;
    private final MemberDirectory members;
    private final MailboxIntake intake;

    TriageController(CorrespondenceService register, CampaignService campaigns, CaseDesk caseDesk, MemberDirectory members,
            MailboxIntake intake) {
        this.register = register;
        this.campaigns = campaigns;
        this.caseDesk = caseDesk;
        this.members = members;
        this.intake = intake;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("caseTypeId", "subject", "description", "personChoice", "memberId", "receivedOnDay",
                "receivedOnMonth", "receivedOnYear", "reason", "q", "caseId", "itemIds", "title", "campaignId");
    }

    @GetMapping("/correspondence/triage")
    @PreAuthorize(STAFF)
    String triage(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CampaignForm());
        }
        model.addAttribute("items", register.triage(page));
        model.addAttribute("suggestions", campaigns.suggestions());
        model.addAttribute("campaignOptions", campaigns.openCampaignOptions());
        model.addAttribute("canCheckMailbox", canCheckMailbox(user));
        model.addAttribute("mailboxEnabled", intake.enabled());
        return "correspondence/triage";
    }

    @PostMapping("/correspondence/mailbox/check")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    String checkMailbox(RedirectAttributes redirect) {
        if (!intake.enabled()) {
            redirect.addFlashAttribute("important", "Email intake is not switched on (casework.intake.imap.enabled).");
            return "redirect:/correspondence/triage";
        }
        PollResult result = intake.pollOnce();
        redirect.addFlashAttribute("success", "Mailbox checked: " + result.imported() + " new "
                + (result.imported() == 1 ? "email" : "emails") + (result.threaded() > 0 ? ", " + result.threaded()
                + " threaded onto cases" : "") + (result.failed() > 0 ? ", " + result.failed() + " to try again" : "") + ".");
        return "redirect:/correspondence/triage";
    }

    // ----- attach to an existing case -----

    @GetMapping("/correspondence/{id}/attach")
    @PreAuthorize(STAFF)
    String attachForm(@PathVariable long id, @ModelAttribute("form") AttachForm form, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        ItemDetail item = register.detail(id, user);
        if (!item.inTriage()) {
            return already(item, redirect);
        }
        if (form.getQ() == null) {
            form.setQ(item.subject());
        }
        return attachPage(model, item, form, user);
    }

    @PostMapping("/correspondence/{id}/attach")
    @PreAuthorize(STAFF)
    String attach(@PathVariable long id, @ModelAttribute("form") AttachForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ItemDetail item = register.detail(id, user);
        try {
            CaseSummary c = register.attach(id, form.getCaseId(), user);
            redirect.addFlashAttribute("success", "Attached to case " + c.reference() + ".");
            return "redirect:/correspondence/" + id;
        } catch (RuleViolationException e) {
            if (e.field() == null) {
                redirect.addFlashAttribute("important", e.getMessage());
                return "redirect:/correspondence/" + id;
            }
            FormErrors.reject(result, e);
            return attachPage(model, item, form, user);
        }
    }

    private String attachPage(Model model, ItemDetail item, AttachForm form, CurrentUser user) {
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("matches", form.getQ() == null || form.getQ().isBlank() ? List.of()
                : caseDesk.search(form.getQ(), user, 20));
        return "correspondence/attach";
    }

    // ----- open a new case -----

    @GetMapping("/correspondence/{id}/new-case")
    @PreAuthorize(STAFF)
    String newCaseForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ItemDetail item = register.detail(id, user);
        if (!item.inTriage()) {
            return already(item, redirect);
        }
        CaseFromItemForm form = new CaseFromItemForm();
        form.setSubject(item.subject().length() > 200 ? item.subject().substring(0, 200) : item.subject());
        form.setDescription(item.body());
        form.setMemberId(item.memberId());
        form.setReceivedOn(item.occurredOn());
        List<PersonSummary> matches = register.personMatches(item);
        if (item.personId() != null) {
            form.setPersonChoice(String.valueOf(item.personId()));
        } else if (item.senderEmail() != null && !matches.isEmpty() && item.senderEmail().equalsIgnoreCase(matches.get(0).email())) {
            form.setPersonChoice(String.valueOf(matches.get(0).id()));
        }
        List<Option> types = caseDesk.caseTypeOptions();
        if (types.size() == 1) {
            form.setCaseTypeId(Long.valueOf(types.get(0).value())); // otherwise the type is a decision, not a default
        }
        model.addAttribute("form", form);
        return newCasePage(model, item, matches);
    }

    @PostMapping("/correspondence/{id}/new-case")
    @PreAuthorize(STAFF)
    String newCase(@PathVariable long id, @Validated @ModelAttribute("form") CaseFromItemForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ItemDetail item = register.detail(id, user);
        LocalDate received = form.receivedOn();
        if (form.receivedOnBlank()) {
            result.addError(new FieldError("form", "receivedOn", "Enter the date the case was received"));
        } else if (received == null) {
            result.addError(new FieldError("form", "receivedOn", "Date received must be a real date"));
        }
        if (form.personId() == null && !form.addWriter()) {
            result.addError(new FieldError("form", "personChoice", "Select the person the case is about, or add the writer to the directory"));
        }
        if (!result.hasErrors()) {
            try {
                long caseId = register.createCase(id, new CaseFromItem(form.getCaseTypeId(), form.getSubject(),
                        form.getDescription(), form.personId(), form.addWriter(), form.getMemberId(), received), user);
                String reference = caseDesk.summary(caseId, user).map(CaseSummary::reference).orElse("");
                redirect.addFlashAttribute("success", "Case " + reference + " opened from the correspondence.");
                return "redirect:/cases/" + caseId;
            } catch (RuleViolationException e) {
                if (e.field() == null) {
                    redirect.addFlashAttribute("important", e.getMessage());
                    return "redirect:/correspondence/" + id;
                }
                String field = e.field().equals("personIds") ? "personChoice" : e.field();
                result.addError(new FieldError("form", field, e.getMessage()));
            }
        }
        return newCasePage(model, item, register.personMatches(item));
    }

    private String newCasePage(Model model, ItemDetail item, List<PersonSummary> matches) {
        List<Option> people = new ArrayList<>();
        for (PersonSummary p : matches) {
            people.add(Option.of(p.id(), p.displayName() + (p.email() != null ? ", " + p.email() : "")
                    + (p.postcode() != null ? ", " + p.postcode() : "")));
        }
        if (item.senderName() != null && !item.senderName().isBlank()) {
            people.add(Option.of(CaseFromItemForm.ADD_WRITER, "Add " + item.senderName() + " to the people directory"
                    + (item.senderEmail() != null ? " (" + item.senderEmail() + ")" : "")));
        }
        model.addAttribute("item", item);
        model.addAttribute("personOptions", people);
        model.addAttribute("caseTypeOptions", caseDesk.caseTypeOptions());
        model.addAttribute("memberOptions", members.memberOptions());
        return "correspondence/new-case";
    }

    // ----- no action -----

    @GetMapping("/correspondence/{id}/no-action")
    @PreAuthorize(STAFF)
    String noActionForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ItemDetail item = register.detail(id, user);
        if (!item.inTriage()) {
            return already(item, redirect);
        }
        model.addAttribute("item", item);
        model.addAttribute("form", new NoActionForm());
        return "correspondence/no-action";
    }

    @PostMapping("/correspondence/{id}/no-action")
    @PreAuthorize(STAFF)
    String noAction(@PathVariable long id, @ModelAttribute("form") NoActionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        ItemDetail item = register.detail(id, user);
        try {
            register.noAction(id, form.getReason(), user);
        } catch (RuleViolationException e) {
            if (e.field() == null) {
                redirect.addFlashAttribute("important", e.getMessage());
                return "redirect:/correspondence/" + id;
            }
            FormErrors.reject(result, e);
            model.addAttribute("item", item);
            return "correspondence/no-action";
        }
        redirect.addFlashAttribute("success", "Filed as no action.");
        return "redirect:/correspondence/triage";
    }

    private static String already(ItemDetail item, RedirectAttributes redirect) {
        redirect.addFlashAttribute("important", CorrespondenceService.alreadyDistributed(item).getMessage());
        return "redirect:/correspondence/" + item.id();
    }

    static boolean canCheckMailbox(CurrentUser user) {
        return user.hasRole(Role.COORDINATOR) || user.hasRole(Role.HEAD_OF_OFFICE);
    }
}
