package org.mayorsoffice.casework.cases.web;

import java.util.Arrays;
import java.util.List;
import org.mayorsoffice.casework.cases.internal.BankHolidayService;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.calendar.WorkingDayCalendar.Kind;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the bank holidays that working-day deadlines skip: one-off extra or moved days. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BankHolidayAdminController {

    private static final String PAGE = "admin/bank-holidays/list";

    private final BankHolidayService bankHolidays;

    BankHolidayAdminController(BankHolidayService bankHolidays) {
        this.bankHolidays = bankHolidays;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("dayDay", "dayMonth", "dayYear", "kind", "description");
    }

    @ModelAttribute("kindOptions")
    List<Option> kindOptions() {
        return Arrays.stream(Kind.values()).map(k -> Option.of(k.name(), k.label())).toList();
    }

    @GetMapping("/admin/bank-holidays")
    String page(Model model) {
        model.addAttribute("form", new BankHolidayForm());
        model.addAttribute("calendar", bankHolidays.calendar());
        return PAGE;
    }

    @PostMapping("/admin/bank-holidays")
    String add(@Validated @ModelAttribute("form") BankHolidayForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        var day = form.day();
        if (day == null) {
            result.addError(new FieldError("form", "day", form.dayIsBlank()
                    ? "Enter the date"
                    : "Date must be a real date, for example 14 7 2033"));
        }
        if (form.getKind() != null && !form.getKind().isBlank() && form.kindValue() == null) {
            result.rejectValue("kind", "unknown", "Select what kind of day it is");
        }
        if (!result.hasErrors()) {
            try {
                bankHolidays.add(day, form.kindValue(), form.getDescription(), admin.getUsername());
            } catch (RuleViolationException e) {
                if ("day".equals(e.field())) {
                    // "day" is shown by the date input; it is not a property of the form
                    result.addError(new FieldError("form", "day", e.getMessage()));
                } else {
                    FormErrors.reject(result, e);
                }
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("calendar", bankHolidays.calendar());
            return PAGE;
        }
        redirect.addFlashAttribute("success", BankHolidayService.LONG_DATE.format(day) + " added: "
                + form.kindValue().label().toLowerCase());
        return "redirect:/admin/bank-holidays";
    }

    @PostMapping("/admin/bank-holidays/{id}/remove")
    String remove(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        String day = bankHolidays.remove(id, admin.getUsername());
        redirect.addFlashAttribute("success", "The change for " + day + " has been removed");
        return "redirect:/admin/bank-holidays";
    }
}
