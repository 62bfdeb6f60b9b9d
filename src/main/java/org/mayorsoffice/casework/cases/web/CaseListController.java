package org.mayorsoffice.casework.cases.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mayorsoffice.casework.cases.CaseStatus;
import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.cases.internal.CaseQueries.Filters;
import org.mayorsoffice.casework.cases.internal.CaseQueries.Sort;
import org.mayorsoffice.casework.cases.internal.CaseService;
import org.mayorsoffice.casework.cases.web.BulkForm.Action;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case lists (my cases; all open cases) with filters, sorting, paging and bulk actions on the ticked cases. */
@Controller
@PreAuthorize(CaseController.STAFF)
class CaseListController {

    private final CaseQueries queries;
    private final CaseService cases;
    private final OrganisationApi organisation;

    CaseListController(CaseQueries queries, CaseService cases, OrganisationApi organisation) {
        this.queries = queries;
        this.cases = cases;
        this.organisation = organisation;
    }

    @GetMapping("/cases/mine")
    String myCases(@RequestParam(required = false) String status, @RequestParam(required = false) Long caseTypeId,
            @RequestParam(required = false) Long wardId, @RequestParam(defaultValue = "due") String sort,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        return listPage(model, user, true, filters(status, caseTypeId, wardId, sort), page, new BulkForm());
    }

    @GetMapping("/cases")
    String openCases(@RequestParam(required = false) String status, @RequestParam(required = false) Long caseTypeId,
            @RequestParam(required = false) Long wardId, @RequestParam(defaultValue = "due") String sort,
            @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
        return listPage(model, user, false, filters(status, caseTypeId, wardId, sort), page, new BulkForm());
    }

    @PostMapping("/cases/bulk")
    String bulk(@ModelAttribute("bulk") BulkForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        boolean mine = !"/cases".equals(form.getReturnTo());
        List<Long> ids = form.getCaseIds() == null ? List.of() : form.getCaseIds().stream().distinct().limit(100).toList();
        if (ids.isEmpty()) {
            result.rejectValue("caseIds", "required", "Select at least one case");
        }
        if (form.getBulkAction() == null) {
            result.rejectValue("bulkAction", "required", "Select what to do with the selected cases");
        } else {
            switch (form.getBulkAction()) {
                case STATUS -> { if (form.getStatus() == null) result.rejectValue("status", "required", "Select the new status"); }
                case CLOSE -> { if (form.getOutcome() == null) result.rejectValue("outcome", "required", "Select the outcome"); }
                case TAG -> { if (form.getTag() == null || form.getTag().isBlank()) result.rejectValue("tag", "required", "Enter a tag"); }
                case ALLOCATE -> {
                    if (!user.hasRole(Role.COORDINATOR) && !user.hasRole(Role.HEAD_OF_OFFICE)) {
                        result.rejectValue("bulkAction", "forbidden", "Only the casework coordinator or head of office can allocate cases");
                    } else if (form.getCaseworkerId() == null) {
                        result.rejectValue("caseworkerId", "required", "Select a caseworker");
                    }
                }
            }
        }
        if (result.hasErrors()) {
            return listPage(model, user, mine, filters(null, null, null, "due"), 1, form);
        }
        Map<Long, String> references = queries.references(ids, user);
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (Long id : ids) {
            String reference = references.getOrDefault(id, "A selected case");
            try {
                switch (form.getBulkAction()) {
                    case STATUS -> cases.changeStatus(id, form.getStatus(), null, form.getNote(), user);
                    case CLOSE -> cases.changeStatus(id, CaseStatus.CLOSED, form.getOutcome(), form.getNote(), user);
                    case TAG -> cases.addTag(id, form.getTag(), user);
                    case ALLOCATE -> cases.allocate(List.of(id), form.getCaseworkerId(), form.getNote(), user);
                }
                done++;
            } catch (RuleViolationException e) {
                problems.add(reference + ": " + e.getMessage());
            } catch (NotFoundException e) {
                problems.add(reference + ": not found");
            }
        }
        redirect.addFlashAttribute("success", done + (done == 1 ? " case" : " cases") + " changed");
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("important", "Not changed: " + String.join("; ", problems));
        }
        return "redirect:" + (mine ? "/cases/mine" : "/cases");
    }

    static Filters filters(String status, Long caseTypeId, Long wardId, String sort) {
        CaseStatus statusFilter = Arrays.stream(CaseStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Sort sortOrder = Arrays.stream(Sort.values()).filter(s -> s.name().equalsIgnoreCase(sort)).findFirst().orElse(Sort.DUE);
        return new Filters(statusFilter, caseTypeId, wardId, sortOrder);
    }

    private String listPage(Model model, CurrentUser user, boolean mine, Filters filters, int page, BulkForm bulk) {
        model.addAttribute("mine", mine);
        model.addAttribute("cases", mine ? queries.myCases(user, filters, page - 1) : queries.openCases(user, filters, page - 1));
        model.addAttribute("overdue", mine ? queries.myOverdueCount(user) : queries.counts(user).overdue());
        model.addAttribute("status", filters.status() == null ? "" : filters.status().name());
        model.addAttribute("caseTypeId", filters.caseTypeId());
        model.addAttribute("wardId", filters.wardId());
        model.addAttribute("sort", filters.sort().name().toLowerCase());
        List<Option> statuses = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen)
                .map(s -> Option.of(s.name(), s.label())).toList();
        model.addAttribute("statusOptions", statuses);
        model.addAttribute("caseTypeOptions", queries.caseTypeOptions());
        model.addAttribute("wardOptions", organisation.wardOptions());
        bulk.setReturnTo(mine ? "/cases/mine" : "/cases");
        model.addAttribute("bulk", bulk);
        boolean canAllocate = user.hasRole(Role.COORDINATOR) || user.hasRole(Role.HEAD_OF_OFFICE);
        List<Option> actions = new ArrayList<>(List.of(Option.of(Action.STATUS.name(), "Change status"),
                Option.of(Action.TAG.name(), "Add a tag"), Option.of(Action.CLOSE.name(), "Close with an outcome")));
        if (canAllocate) {
            actions.add(Option.of(Action.ALLOCATE.name(), "Allocate to a caseworker"));
            model.addAttribute("caseworkerOptions", queries.caseworkerOptions());
        }
        model.addAttribute("bulkActionOptions", actions);
        model.addAttribute("canAllocate", canAllocate);
        model.addAttribute("outcomeOptions", CaseOptions.outcomeOptions());
        return "cases/list";
    }
}
