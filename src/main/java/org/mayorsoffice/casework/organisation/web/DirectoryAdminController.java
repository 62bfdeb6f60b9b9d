package org.mayorsoffice.casework.organisation.web;

import java.security.Principal;
import java.util.List;
import org.mayorsoffice.casework.organisation.internal.DirectoryService;
import org.mayorsoffice.casework.organisation.internal.DirectoryService.AreaRow;
import org.mayorsoffice.casework.organisation.internal.DirectoryService.ContactData;
import org.mayorsoffice.casework.organisation.internal.DirectoryService.DirectorateRow;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the directorate directory that members' enquiries are sent and escalated from. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DirectoryAdminController {

    private final DirectoryService directory;

    DirectoryAdminController(DirectoryService directory) {
        this.directory = directory;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "enquiryEmail", "seniorName", "seniorEmail", "targetDays", "active", "version");
    }

    @ModelAttribute("yesNoOptions")
    List<Option> yesNoOptions() {
        return List.of(Option.of("true", "Yes"), Option.of("false", "No"));
    }

    @GetMapping("/admin/directorates")
    String list(Model model) {
        model.addAttribute("directorates", directory.directory());
        return "admin/directorates/list";
    }

    // Directorates

    @GetMapping("/admin/directorates/new")
    String newDirectorate(Model model) {
        ContactForm form = new ContactForm();
        form.setTargetDays("10");
        return directoratePage(model, null, form);
    }

    @PostMapping("/admin/directorates")
    String createDirectorate(@ModelAttribute("form") ContactForm form, BindingResult result, Principal admin, Model model,
            RedirectAttributes redirect) {
        if (!rejectProblems(form, true, result)) {
            try {
                directory.createDirectorate(data(form), admin.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return directoratePage(model, null, form);
        }
        redirect.addFlashAttribute("success", form.getName().strip() + " added to the directory");
        return "redirect:/admin/directorates";
    }

    @GetMapping("/admin/directorates/{id}/edit")
    String editDirectorate(@PathVariable long id, Model model) {
        DirectorateRow d = directory.directorate(id);
        ContactForm form = new ContactForm();
        form.setName(d.name());
        form.setEnquiryEmail(d.enquiryEmail());
        form.setSeniorName(d.seniorName());
        form.setSeniorEmail(d.seniorEmail());
        form.setTargetDays(String.valueOf(d.targetDays()));
        form.setActive(d.active());
        form.setVersion(d.version());
        return directoratePage(model, d, form);
    }

    @PostMapping("/admin/directorates/{id}")
    String updateDirectorate(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result,
            Principal admin, Model model, RedirectAttributes redirect) {
        DirectorateRow d = directory.directorate(id);
        if (!rejectProblems(form, true, result)) {
            try {
                directory.updateDirectorate(id, data(form), form.getVersion(), admin.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return directoratePage(model, d, form);
        }
        redirect.addFlashAttribute("success", "Changes to " + form.getName().strip() + " saved");
        return "redirect:/admin/directorates";
    }

    // Service areas

    @GetMapping("/admin/directorates/{id}/service-areas/new")
    String newServiceArea(@PathVariable long id, Model model) {
        return areaPage(model, directory.directorate(id), null, new ContactForm());
    }

    @PostMapping("/admin/directorates/{id}/service-areas")
    String createServiceArea(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result,
            Principal admin, Model model, RedirectAttributes redirect) {
        DirectorateRow d = directory.directorate(id);
        if (!rejectProblems(form, false, result)) {
            try {
                directory.createServiceArea(id, data(form), admin.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return areaPage(model, d, null, form);
        }
        redirect.addFlashAttribute("success", form.getName().strip() + " added to " + d.name());
        return "redirect:/admin/directorates";
    }

    @GetMapping("/admin/service-areas/{id}/edit")
    String editServiceArea(@PathVariable long id, Model model) {
        AreaRow a = directory.serviceArea(id);
        ContactForm form = new ContactForm();
        form.setName(a.name());
        form.setEnquiryEmail(a.enquiryEmail());
        form.setSeniorName(a.seniorName());
        form.setSeniorEmail(a.seniorEmail());
        form.setTargetDays(a.targetDays() == null ? null : String.valueOf(a.targetDays()));
        form.setActive(a.active());
        form.setVersion(a.version());
        return areaPage(model, directory.directorate(a.directorateId()), a, form);
    }

    @PostMapping("/admin/service-areas/{id}")
    String updateServiceArea(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result,
            Principal admin, Model model, RedirectAttributes redirect) {
        AreaRow a = directory.serviceArea(id);
        if (!rejectProblems(form, false, result)) {
            try {
                directory.updateServiceArea(id, data(form), form.getVersion(), admin.getName());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return areaPage(model, directory.directorate(a.directorateId()), a, form);
        }
        redirect.addFlashAttribute("success", "Changes to " + form.getName().strip() + " saved");
        return "redirect:/admin/directorates";
    }

    /** Puts every problem on the form at once; true when there were any. */
    private static boolean rejectProblems(ContactForm form, boolean isDirectorate, BindingResult result) {
        List<RuleViolationException> problems = DirectoryService.problems(data(form), isDirectorate);
        problems.forEach(p -> {
            if (!result.hasFieldErrors(p.field())) {
                FormErrors.reject(result, p);
            }
        });
        return !problems.isEmpty();
    }

    private static ContactData data(ContactForm form) {
        return new ContactData(form.getName(), form.getEnquiryEmail(), form.getSeniorName(), form.getSeniorEmail(),
                form.getTargetDays(), form.isActive());
    }

    private static String directoratePage(Model model, DirectorateRow directorate, ContactForm form) {
        model.addAttribute("directorate", directorate);
        model.addAttribute("form", form);
        return "admin/directorates/directorate";
    }

    private static String areaPage(Model model, DirectorateRow directorate, AreaRow area, ContactForm form) {
        model.addAttribute("directorate", directorate);
        model.addAttribute("area", area);
        model.addAttribute("form", form);
        return "admin/directorates/service-area";
    }
}
