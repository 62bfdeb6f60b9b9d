package org.mayorsoffice.casework.plan.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.plan.internal.DeliveryPeriod;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Level;
import org.mayorsoffice.casework.plan.internal.PlanEnums.Rag;
import org.mayorsoffice.casework.plan.internal.PlanQueries;
import org.mayorsoffice.casework.plan.internal.PlanService;
import org.mayorsoffice.casework.plan.internal.PlanService.ItemData;
import org.mayorsoffice.casework.plan.internal.PlanService.UpdateData;
import org.mayorsoffice.casework.plan.internal.PlanViews.ItemDetail;
import org.mayorsoffice.casework.plan.web.PlanForms.ItemForm;
import org.mayorsoffice.casework.plan.web.PlanForms.UpdateForm;
import org.mayorsoffice.casework.shared.export.TabularExport;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.DateInput;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The strategic plan and the delivery plan: everyone in the office (and members) reads them; the head of office and
 * cabinet support officers keep them up to date.
 */
@Controller
class PlanController {

    static final String READERS = "hasAnyRole('HEAD_OF_OFFICE', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'CASEWORKER', 'MEMBER')";
    static final String EDITORS = "hasAnyRole('HEAD_OF_OFFICE', 'CABINET_SUPPORT_OFFICER')";

    private final PlanQueries queries;
    private final PlanService plan;

    PlanController(PlanQueries queries, PlanService plan) {
        this.queries = queries;
        this.plan = plan;
    }

    @InitBinder("form")
    void itemFields(WebDataBinder binder) {
        binder.setAllowedFields("title", "description", "directorateId", "owner", "portfolioId", "targetDateDay",
                "targetDateMonth", "targetDateYear", "completedOnDay", "completedOnMonth", "completedOnYear", "version");
    }

    @InitBinder("update")
    void updateFields(WebDataBinder binder) {
        binder.setAllowedFields("onDay", "onMonth", "onYear", "rag", "progress", "complete");
    }

    /** Whether the user may add and change plan items and record progress (shows the buttons). */
    @ModelAttribute("canEdit")
    boolean canEdit(@AuthenticationPrincipal CurrentUser user) {
        return user != null && (user.hasRole(Role.HEAD_OF_OFFICE) || user.hasRole(Role.CABINET_SUPPORT_OFFICER));
    }

    @GetMapping("/plan")
    @PreAuthorize(READERS)
    String plan(@RequestParam(required = false) String portfolioId, Model model) {
        Long portfolio = PlanForms.id(portfolioId);
        model.addAttribute("page", queries.plan(portfolio != null && portfolio > 0 ? portfolio : null));
        model.addAttribute("portfolios", plan.portfolioOptions());
        model.addAttribute("portfolioId", portfolio == null ? "" : String.valueOf(portfolio));
        return "plan/index";
    }

    @GetMapping("/plan.csv")
    @PreAuthorize(READERS)
    ResponseEntity<StreamingResponseBody> planCsv() {
        return TabularExport.download("strategic-plan", false, PlanQueries.PLAN_HEADERS, queries::forEachPlanRow);
    }

    @GetMapping("/plan.xlsx")
    @PreAuthorize(READERS)
    ResponseEntity<StreamingResponseBody> planXlsx() {
        return TabularExport.download("strategic-plan", true, PlanQueries.PLAN_HEADERS, queries::forEachPlanRow);
    }

    @GetMapping("/plan/delivery")
    @PreAuthorize(READERS)
    String delivery(@RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String quarter, Model model) {
        model.addAttribute("page", queries.delivery(period(period, year, quarter)));
        return "plan/delivery";
    }

    @GetMapping("/plan/delivery.csv")
    @PreAuthorize(READERS)
    ResponseEntity<StreamingResponseBody> deliveryCsv(@RequestParam(required = false) String period,
            @RequestParam(required = false) String year, @RequestParam(required = false) String quarter) {
        DeliveryPeriod p = period(period, year, quarter);
        return TabularExport.download("delivery-plan", false, PlanQueries.DELIVERY_HEADERS, sink -> queries.forEachDeliveryRow(p, sink));
    }

    @GetMapping("/plan/delivery.xlsx")
    @PreAuthorize(READERS)
    ResponseEntity<StreamingResponseBody> deliveryXlsx(@RequestParam(required = false) String period,
            @RequestParam(required = false) String year, @RequestParam(required = false) String quarter) {
        DeliveryPeriod p = period(period, year, quarter);
        return TabularExport.download("delivery-plan", true, PlanQueries.DELIVERY_HEADERS, sink -> queries.forEachDeliveryRow(p, sink));
    }

    private DeliveryPeriod period(String period, String year, String quarter) {
        return DeliveryPeriod.of(period, number(year), number(quarter), queries.today());
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/plan/items/{id}")
    @PreAuthorize(READERS)
    String item(@PathVariable long id, Model model) {
        return itemPage(model, queries.item(id), new UpdateForm());
    }

    // Adding items

    @GetMapping("/plan/priorities/new")
    @PreAuthorize(EDITORS)
    String newPriority(Model model) {
        return formPage(model, Level.PRIORITY, null, null, new ItemForm());
    }

    @PostMapping("/plan/priorities")
    @PreAuthorize(EDITORS)
    String createPriority(@ModelAttribute("form") ItemForm form, BindingResult result, Principal user, Model model,
            RedirectAttributes redirect) {
        return create(Level.PRIORITY, null, null, form, result, user, model, redirect);
    }

    @GetMapping("/plan/items/{id}/new")
    @PreAuthorize(EDITORS)
    String newChild(@PathVariable long id, Model model) {
        ItemDetail parent = queries.item(id);
        Level level = plan.parentLevel(id).child();
        ItemForm form = new ItemForm();
        if (level == Level.MILESTONE) { // a milestone usually shares its commitment's owner and portfolio
            form.setDirectorateId(str(parent.item().directorateId()));
            form.setOwner(parent.item().owner());
            form.setPortfolioId(str(parent.item().portfolioId()));
        }
        return formPage(model, level, parent, null, form);
    }

    @PostMapping("/plan/items/{id}/children")
    @PreAuthorize(EDITORS)
    String createChild(@PathVariable long id, @ModelAttribute("form") ItemForm form, BindingResult result, Principal user,
            Model model, RedirectAttributes redirect) {
        Level level = plan.parentLevel(id).child();
        return create(level, id, queries.item(id), form, result, user, model, redirect);
    }

    private String create(Level level, Long parentId, ItemDetail parent, ItemForm form, BindingResult result, Principal user,
            Model model, RedirectAttributes redirect) {
        ItemData data = data(form, result, level);
        long id = 0;
        if (!rejectProblems(plan.problems(level, data, null, null), result) && !result.hasErrors()) {
            try {
                id = plan.create(level, parentId, data, user.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return formPage(model, level, parent, null, form);
        }
        redirect.addFlashAttribute("success", level.label() + " added: " + form.getTitle().strip());
        return "redirect:/plan/items/" + id;
    }

    // Changing an item

    @GetMapping("/plan/items/{id}/edit")
    @PreAuthorize(EDITORS)
    String edit(@PathVariable long id, Model model) {
        ItemDetail item = queries.item(id);
        ItemForm form = new ItemForm();
        form.setTitle(item.item().title());
        form.setDescription(item.description());
        form.setDirectorateId(str(item.item().directorateId()));
        form.setOwner(item.item().owner());
        form.setPortfolioId(str(item.item().portfolioId()));
        DateInput.fill(item.item().targetDate(), form::setTargetDateDay, form::setTargetDateMonth, form::setTargetDateYear);
        DateInput.fill(item.item().completedOn(), form::setCompletedOnDay, form::setCompletedOnMonth, form::setCompletedOnYear);
        form.setVersion(item.version());
        return formPage(model, item.item().level(), null, item, form);
    }

    @PostMapping("/plan/items/{id}")
    @PreAuthorize(EDITORS)
    String update(@PathVariable long id, @ModelAttribute("form") ItemForm form, BindingResult result, Principal user,
            Model model, RedirectAttributes redirect) {
        ItemDetail item = queries.item(id);
        Level level = item.item().level();
        ItemData data = data(form, result, level);
        if (!rejectProblems(plan.problems(level, data, item.item().directorateId(), item.item().portfolioId()), result)
                && !result.hasErrors()) {
            try {
                plan.update(id, data, form.getVersion(), user.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return formPage(model, level, null, item, form);
        }
        redirect.addFlashAttribute("success", "Changes to the " + level.noun() + " saved");
        return "redirect:/plan/items/" + id;
    }

    @PostMapping("/plan/items/{id}/updates")
    @PreAuthorize(EDITORS)
    String addUpdate(@PathVariable long id, @ModelAttribute("update") UpdateForm form, BindingResult result, Principal user,
            Model model, RedirectAttributes redirect) {
        ItemDetail item = queries.item(id);
        LocalDate on = DateInput.read(result, "on", form.getOnDay(), form.getOnMonth(), form.getOnYear(), true,
                "the date of the update");
        UpdateData data = new UpdateData(on, form.getRag(), form.getProgress(), form.isComplete());
        if (!rejectProblems(plan.problems(data, item.item().level()), result) && !result.hasErrors()) {
            try {
                plan.addUpdate(id, data, user.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return itemPage(model, item, form);
        }
        redirect.addFlashAttribute("success", "Progress update recorded");
        return "redirect:/plan/items/" + id;
    }

    private String itemPage(Model model, ItemDetail item, UpdateForm form) {
        if (form.getOnDay() == null && form.getOnMonth() == null && form.getOnYear() == null) {
            DateInput.fill(queries.today(), form::setOnDay, form::setOnMonth, form::setOnYear);
        }
        if (form.getRag() == null) {
            form.setRag(item.item().rag().name());
        }
        model.addAttribute("detail", item);
        model.addAttribute("update", form);
        model.addAttribute("ragOptions", ragOptions());
        return "plan/item";
    }

    private String formPage(Model model, Level level, ItemDetail parent, ItemDetail item, ItemForm form) {
        model.addAttribute("level", level);
        model.addAttribute("parent", parent);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("directorates", plan.directorateOptions());
        model.addAttribute("portfolios", plan.portfolioOptions());
        return "plan/form";
    }

    static List<Option> ragOptions() {
        return Arrays.stream(Rag.values()).map(r -> Option.of(r.name(), r.label() + ": " + r.meaning().toLowerCase())).toList();
    }

    private static ItemData data(ItemForm form, BindingResult result, Level level) {
        LocalDate target = DateInput.read(result, "targetDate", form.getTargetDateDay(), form.getTargetDateMonth(),
                form.getTargetDateYear(), level != Level.PRIORITY, "the target date");
        LocalDate completed = level != Level.MILESTONE ? null : DateInput.read(result, "completedOn", form.getCompletedOnDay(),
                form.getCompletedOnMonth(), form.getCompletedOnYear(), false, "the date completed");
        return new ItemData(form.getTitle(), form.getDescription(), PlanForms.id(form.getDirectorateId()), form.getOwner(),
                PlanForms.id(form.getPortfolioId()), target, completed);
    }

    /** Puts every problem the form's own checks have not already marked on the form; true when there were any. */
    private static boolean rejectProblems(List<RuleViolationException> problems, BindingResult result) {
        problems.forEach(p -> {
            if (!result.hasFieldErrors(p.field())) {
                FormErrors.reject(result, p);
            }
        });
        return !problems.isEmpty();
    }

    private static String str(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}
