package org.mayorsoffice.casework.cases.web;

import static org.mayorsoffice.casework.cases.web.CaseController.STAFF;

import java.util.List;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.cases.CaseViews.CaseDetail;
import org.mayorsoffice.casework.cases.web.CaseworkForms.ActionForm;
import org.mayorsoffice.casework.cases.web.CaseworkForms.AllocationForm;
import org.mayorsoffice.casework.cases.web.CaseworkForms.DeadlineForm;
import org.mayorsoffice.casework.cases.web.CaseworkForms.NoteForm;
import org.mayorsoffice.casework.cases.web.CaseworkForms.StatusForm;
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

/** One page per thing a caseworker does to a case: note, status, allocation, deadline, follow-up action. */
@Controller
@PreAuthorize(STAFF)
class CaseWorkController {

    private final CaseService cases;
    private final CaseQueries queries;
    private final org.mayorsoffice.casework.people.PeopleApi people;

    CaseWorkController(CaseService cases, CaseQueries queries,
            org.mayorsoffice.casework.people.PeopleApi people) {
        this.people = people;
        this.cases = cases;
        this.queries = queries;
    }

    // Notes

    @GetMapping("/cases/{id}/note")
    String noteForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(model, queries.fields(id, user), "form", new NoteForm(), "cases/note");
    }

    @PostMapping("/cases/{id}/note")
    String addNote(@PathVariable long id, @ModelAttribute("form") NoteForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            cases.addNote(id, form.getText(), form.isInternal(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return page(model, queries.fields(id, user), "form", form, "cases/note");
        }
        redirect.addFlashAttribute("success", form.isInternal() ? "Internal note added" : "Note added");
        return "redirect:/cases/" + id;
    }

    // Status

    @GetMapping("/cases/{id}/status")
    String statusForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseDetail c = queries.fields(id, user);
        StatusForm form = new StatusForm();
        form.setVersion(c.version());
        return statusPage(model, c, form);
    }

    @PostMapping("/cases/{id}/status")
    String changeStatus(@PathVariable long id, @ModelAttribute("form") StatusForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (form.getStatus() == null) {
            result.rejectValue("status", "required", "Select the new status");
        } else {
            try {
                cases.changeStatus(id, form.getStatus(), form.getOutcome(), form.getNote(), form.getVersion(), user);
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return statusPage(model, queries.fields(id, user), form);
        }
        redirect.addFlashAttribute("success", "Status changed to " + form.getStatus().label().toLowerCase()
                + (form.getStatus().pausesClock() ? ": the deadline clock is paused until the case moves on" : ""));
        return "redirect:/cases/" + id;
    }

    // Allocation (coordinator and head of office)

    @GetMapping("/cases/{id}/allocate")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    String allocateForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseDetail c = queries.fields(id, user);
        AllocationForm form = new AllocationForm();
        form.setCaseworkerId(c.allocatedToId());
        return allocatePage(model, c, form);
    }

    @PostMapping("/cases/{id}/allocate")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')")
    String allocate(@PathVariable long id, @ModelAttribute("form") AllocationForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (form.getCaseworkerId() == null) {
            result.rejectValue("caseworkerId", "required", "Select a caseworker");
        } else {
            try {
                cases.allocate(List.of(id), form.getCaseworkerId(), form.getNote(), user);
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        CaseDetail c = queries.fields(id, user);
        if (result.hasErrors()) {
            return allocatePage(model, c, form);
        }
        redirect.addFlashAttribute("success", c.reference() + " allocated to " + c.allocatedTo());
        return "redirect:/cases/" + id;
    }

    // Deadline extension

    @GetMapping("/cases/{id}/deadline")
    String deadlineForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(model, queries.fields(id, user), "form", new DeadlineForm(), "cases/deadline");
    }

    @PostMapping("/cases/{id}/deadline")
    String extend(@PathVariable long id, @ModelAttribute("form") DeadlineForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        var newDue = form.newDueOn();
        if (newDue == null) {
            result.addError(new FieldError("form", "newDueOn", "Enter the new response date as a real date, for example 27 3 2027"));
        } else {
            try {
                cases.extendDeadline(id, newDue, form.getReason(), user);
            } catch (RuleViolationException e) {
                result.addError(new FieldError("form", e.field() == null ? "reason" : e.field(), e.getMessage()));
            }
        }
        if (result.hasErrors()) {
            return page(model, queries.fields(id, user), "form", form, "cases/deadline");
        }
        redirect.addFlashAttribute("success", "Response deadline extended to " + CaseDates.format(newDue));
        return "redirect:/cases/" + id;
    }

    // Follow-up actions

    @GetMapping("/cases/{id}/action")
    String actionForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        ActionForm form = new ActionForm();
        form.setAssigneeId(user.id());
        return actionPage(model, queries.fields(id, user), form);
    }

    @PostMapping("/cases/{id}/action")
    String addAction(@PathVariable long id, @ModelAttribute("form") ActionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        var dueOn = form.dueOn();
        if (dueOn == null) {
            result.addError(new FieldError("form", "dueOn", "Enter the date the action is due as a real date"));
        }
        if (form.getAssigneeId() == null) {
            result.rejectValue("assigneeId", "required", "Select who the action is for");
        }
        if (!result.hasErrors()) {
            try {
                cases.addAction(id, form.getAssigneeId(), dueOn, form.getDescription(), user);
            } catch (RuleViolationException e) {
                result.addError(new FieldError("form", e.field() == null ? "description" : e.field(), e.getMessage()));
            }
        }
        if (result.hasErrors()) {
            return actionPage(model, queries.fields(id, user), form);
        }
        redirect.addFlashAttribute("success", "Follow-up action added, due " + CaseDates.format(dueOn));
        return "redirect:/cases/" + id;
    }

    @PostMapping("/actions/{id}/done")
    String actionDone(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        long caseId = cases.completeAction(id, user);
        redirect.addFlashAttribute("success", "Action marked as done");
        return "redirect:/cases/" + caseId;
    }

    // Linked cases

    @GetMapping("/cases/{id}/link")
    String linkForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return linkPage(model, queries.fields(id, user), new CaseworkForms.LinkForm());
    }

    @PostMapping("/cases/{id}/link")
    String link(@PathVariable long id, @ModelAttribute("form") CaseworkForms.LinkForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        boolean duplicate = "DUPLICATE_OF".equals(form.getKind());
        try {
            cases.link(id, form.getReference(), duplicate, user);
        } catch (RuleViolationException e) {
            result.rejectValue(e.field() == null || e.field().equals("kind") ? "reference" : e.field(), "rule", e.getMessage());
            return linkPage(model, queries.fields(id, user), form);
        }
        redirect.addFlashAttribute("success", duplicate
                ? "Case closed as a duplicate of " + form.getReference().strip().toUpperCase()
                : "Linked to " + form.getReference().strip().toUpperCase());
        return "redirect:/cases/" + id;
    }

    // Tags

    @GetMapping("/cases/{id}/tag")
    String tagForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(model, queries.fields(id, user), "form", new CaseworkForms.TagForm(), "cases/tag");
    }

    @PostMapping("/cases/{id}/tag")
    String tag(@PathVariable long id, @ModelAttribute("form") CaseworkForms.TagForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            cases.addTag(id, form.getTag(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return page(model, queries.fields(id, user), "form", form, "cases/tag");
        }
        redirect.addFlashAttribute("success", "Tag added");
        return "redirect:/cases/" + id;
    }

    // People the case concerns

    @GetMapping("/cases/{id}/people")
    String personForm(@PathVariable long id, @RequestParam(required = false) String personQuery,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseworkForms.PersonForm form = new CaseworkForms.PersonForm();
        form.setPersonQuery(personQuery);
        return personPage(model, queries.detail(id, user), form);
    }

    @PostMapping("/cases/{id}/people")
    String addPerson(@PathVariable long id, @ModelAttribute("form") CaseworkForms.PersonForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            cases.addPerson(id, form.getPersonId(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return personPage(model, queries.detail(id, user), form);
        }
        redirect.addFlashAttribute("success", "Person added to the case");
        return "redirect:/cases/" + id;
    }

    private String personPage(Model model, CaseDetail c, CaseworkForms.PersonForm form) {
        model.addAttribute("personMatches", form.getPersonQuery() == null || form.getPersonQuery().isBlank()
                ? List.of() : people.search(form.getPersonQuery(), 20));
        return page(model, c, "form", form, "cases/people");
    }

    // Access list of a restricted case

    @GetMapping("/cases/{id}/access")
    String accessForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return accessPage(model, queries.detail(id, user), new CaseworkForms.AccessForm(), user);
    }

    @PostMapping("/cases/{id}/access")
    String grantAccess(@PathVariable long id, @ModelAttribute("form") CaseworkForms.AccessForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            cases.grantAccess(id, form.getUserId(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return accessPage(model, queries.detail(id, user), form, user);
        }
        redirect.addFlashAttribute("success", "Access list updated");
        return "redirect:/cases/" + id + "/access";
    }

    @PostMapping("/cases/{id}/access/{userId}/remove")
    String revokeAccess(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            cases.revokeAccess(id, userId, user);
            redirect.addFlashAttribute("success", "Access list updated");
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("important", e.getMessage());
        }
        return "redirect:/cases/" + id + "/access";
    }

    private String accessPage(Model model, CaseDetail c, CaseworkForms.AccessForm form, CurrentUser user) {
        model.addAttribute("accessList", queries.accessList(c.id(), user));
        model.addAttribute("staffOptions", queries.staffOptions());
        return page(model, c, "form", form, "cases/access");
    }

    private String linkPage(Model model, CaseDetail c, CaseworkForms.LinkForm form) {
        model.addAttribute("linkKindOptions", List.of(Option.of("RELATED", "Related case"),
                Option.of("DUPLICATE_OF", "This case is a duplicate of it (this case will be closed)")));
        return page(model, c, "form", form, "cases/link");
    }

    private String statusPage(Model model, CaseDetail c, StatusForm form) {
        model.addAttribute("statusOptions", c.nextStatuses().stream().map(s -> Option.of(s.name(), s.label())).toList());
        model.addAttribute("closing", c.nextStatuses().contains(CaseStatus.CLOSED));
        model.addAttribute("outcomeOptions", CaseOptions.outcomeOptions());
        return page(model, c, "form", form, "cases/status");
    }

    private String allocatePage(Model model, CaseDetail c, AllocationForm form) {
        model.addAttribute("caseworkerOptions", queries.caseworkerOptions());
        return page(model, c, "form", form, "cases/allocate");
    }

    private String actionPage(Model model, CaseDetail c, ActionForm form) {
        model.addAttribute("staffOptions", queries.staffOptions());
        return page(model, c, "form", form, "cases/action");
    }

    private String page(Model model, CaseDetail c, String name, Object form, String view) {
        model.addAttribute("c", c);
        model.addAttribute(name, form);
        return view;
    }
}
