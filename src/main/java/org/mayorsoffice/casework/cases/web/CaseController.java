package org.mayorsoffice.casework.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.cases.internal.CaseCommands.CaseChanges;
import org.mayorsoffice.casework.cases.internal.CaseCommands.OpenCase;
import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.CaseViews.CaseDetail;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
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

/** Opening a case, its page, and changing its details. */
@Controller
class CaseController {

    static final String STAFF = "hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')";

    private final CaseService cases;
    private final CaseQueries queries;
    private final CaseOptions options;
    private final PeopleApi people;
    private final Clock clock;

    CaseController(CaseService cases, CaseQueries queries, CaseOptions options, PeopleApi people, Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.options = options;
        this.people = people;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("caseTypeId", "channel", "subject", "description", "topicId", "portfolioId", "wardId",
                "memberId", "priority", "confidentiality", "lawfulBasis", "specialCategory", "receivedOnDay",
                "receivedOnMonth", "receivedOnYear", "personId", "personQuery", "version", "sendAcknowledgement");
    }

    @GetMapping("/cases/new")
    @PreAuthorize(STAFF)
    String newCase(@RequestParam(required = false) Long personId, Model model) {
        CaseForm form = new CaseForm();
        form.setReceivedOn(LocalDate.now(clock));
        if (personId != null && people.summary(personId).isPresent()) {
            form.setPersonId(personId);
        }
        return openPage(model, form);
    }

    @PostMapping("/cases")
    @PreAuthorize(STAFF)
    String open(@Validated({CaseForm.Open.class, jakarta.validation.groups.Default.class}) @ModelAttribute("form") CaseForm form,
            BindingResult result, @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if ("search".equals(action)) {
            return openPage(model, form); // find the person; keep everything typed, no errors yet
        }
        LocalDate received = form.receivedOn();
        if (form.receivedOnBlank()) {
            result.addError(new FieldError("form", "receivedOn", "Enter the date the case was received"));
        } else if (received == null) {
            result.addError(new FieldError("form", "receivedOn", "Date received must be a real date"));
        }
        if (form.getPersonId() == null) {
            result.addError(new FieldError("form", "personQuery", "Find and select the person the case is about"));
        }
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = cases.open(new OpenCase(form.getCaseTypeId(), form.getChannel(), form.getSubject(), form.getDescription(),
                        form.getTopicId(), form.getPortfolioId(), form.getWardId(), form.getMemberId(), form.getPriority(),
                        form.getConfidentiality(), form.getLawfulBasis(), form.isSpecialCategory(), received,
                        List.of(form.getPersonId())), user);
            } catch (RuleViolationException e) {
                if ("receivedOn".equals(e.field()) || "personIds".equals(e.field())) {
                    result.addError(new FieldError("form", "personIds".equals(e.field()) ? "personQuery" : "receivedOn", e.getMessage()));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        if (result.hasErrors()) {
            return openPage(model, form);
        }
        CaseDetail opened = queries.detail(id, user);
        redirect.addFlashAttribute("success", "Case " + opened.reference() + " opened. Response due "
                + CaseDates.format(opened.deadline().dueOn()) + ".");
        if (form.isSendAcknowledgement()) {
            return "redirect:/cases/" + id + "/acknowledgement";
        }
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(STAFF + " or hasRole('MEMBER')")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseDetail c = queries.detail(id, user);
        model.addAttribute("c", c);
        boolean canWork = !user.roles().equals(java.util.EnumSet.of(org.mayorsoffice.casework.identity.Role.MEMBER));
        model.addAttribute("canWork", canWork);
        // Past its internal target with no response sent: prompt for a holding reply.
        model.addAttribute("holdingReplyDue", canWork && c.status().isOpen() && c.status() != CaseStatus.RESPONSE_SENT
                && c.pausedSince() == null && c.internalDueOn() != null && c.internalDueOn().isBefore(LocalDate.now(clock)));
        model.addAttribute("canAllocate", user.hasRole(org.mayorsoffice.casework.identity.Role.COORDINATOR)
                || user.hasRole(org.mayorsoffice.casework.identity.Role.HEAD_OF_OFFICE));
        model.addAttribute("canAudit", user.hasRole(org.mayorsoffice.casework.identity.Role.HEAD_OF_OFFICE));
        model.addAttribute("canHold", user.hasRole(org.mayorsoffice.casework.identity.Role.HEAD_OF_OFFICE));
        return "cases/show";
    }

    @GetMapping("/cases/{id}/edit")
    @PreAuthorize(STAFF)
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseDetail c = queries.detail(id, user);
        CaseForm form = new CaseForm();
        form.setSubject(c.subject());
        form.setDescription(c.description());
        form.setTopicId(c.topicId());
        form.setPortfolioId(c.portfolioId());
        form.setWardId(c.wardId());
        form.setMemberId(c.memberId());
        form.setPriority(org.mayorsoffice.casework.cases.CaseEnums.Priority.valueOf(c.priorityCode()));
        form.setConfidentiality(c.confidentiality());
        form.setLawfulBasis(org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis.valueOf(c.lawfulBasisCode()));
        form.setSpecialCategory(c.specialCategory());
        form.setVersion(c.version());
        return editPage(model, c, form);
    }

    @PostMapping("/cases/{id}")
    @PreAuthorize(STAFF)
    String update(@PathVariable long id, @Validated @ModelAttribute("form") CaseForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        CaseDetail c = queries.detail(id, user);
        if (!result.hasErrors()) {
            try {
                cases.update(id, new CaseChanges(form.getSubject(), form.getDescription(), form.getTopicId(),
                        form.getPortfolioId(), form.getWardId(), form.getMemberId(), form.getPriority(),
                        form.getConfidentiality(), form.getLawfulBasis(), form.isSpecialCategory(), form.getVersion()), user);
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return editPage(model, c, form);
        }
        redirect.addFlashAttribute("success", "Changes to " + c.reference() + " saved");
        return "redirect:/cases/" + id;
    }

    private String openPage(Model model, CaseForm form) {
        options.addTo(model);
        model.addAttribute("form", form);
        model.addAttribute("selectedPerson", form.getPersonId() == null ? null : people.summary(form.getPersonId()).orElse(null));
        model.addAttribute("personMatches", form.getPersonQuery() == null || form.getPersonQuery().isBlank()
                ? List.of() : people.search(form.getPersonQuery(), 20));
        return "cases/new";
    }

    private String editPage(Model model, CaseDetail c, CaseForm form) {
        options.addTo(model);
        model.addAttribute("c", c);
        model.addAttribute("form", form);
        return "cases/edit";
    }
}
