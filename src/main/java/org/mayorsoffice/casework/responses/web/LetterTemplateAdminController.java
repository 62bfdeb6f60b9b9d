package org.mayorsoffice.casework.responses.web;

import java.util.Arrays;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.Kind;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.TemplateData;
import org.mayorsoffice.casework.responses.internal.LetterTemplateService.TemplateDetail;
import org.mayorsoffice.casework.responses.internal.MergeFields;
import org.mayorsoffice.casework.responses.web.Forms.TemplateForm;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators maintain letter templates and standard lines. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class LetterTemplateAdminController {

    private final LetterTemplateService templates;

    LetterTemplateAdminController(LetterTemplateService templates) {
        this.templates = templates;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "kind", "body", "active", "version");
    }

    @GetMapping("/admin/letter-templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "admin/letter-templates/list";
    }

    @GetMapping("/admin/letter-templates/new")
    String newTemplate(Model model) {
        TemplateForm form = new TemplateForm();
        form.setKind(Kind.TEMPLATE);
        return form(model, form, null);
    }

    @PostMapping("/admin/letter-templates")
    String create(@ModelAttribute("form") TemplateForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, form, null);
        }
        try {
            templates.create(new TemplateData(form.getName(), form.getKind(), form.getBody(), form.isActive()), user.getUsername());
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return form(model, form, null);
        }
        redirect.addFlashAttribute("success", form.getKind().label() + " ‘" + form.getName().strip() + "’ added");
        return "redirect:/admin/letter-templates";
    }

    @GetMapping("/admin/letter-templates/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        TemplateDetail t = templates.template(id);
        TemplateForm form = new TemplateForm();
        form.setName(t.name());
        form.setKind(t.kind());
        form.setBody(t.body());
        form.setActive(t.active());
        form.setVersion(t.version());
        return form(model, form, id);
    }

    @PostMapping("/admin/letter-templates/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TemplateForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        templates.template(id);
        if (result.hasErrors()) {
            return form(model, form, id);
        }
        try {
            templates.update(id, new TemplateData(form.getName(), form.getKind(), form.getBody(), form.isActive()),
                    form.getVersion(), user.getUsername());
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return form(model, form, id);
        } catch (ConcurrentEditException e) {
            FormErrors.reject(result, e);
            form.setVersion(e.currentVersion());
            return form(model, form, id);
        }
        redirect.addFlashAttribute("success", "‘" + form.getName().strip() + "’ saved");
        return "redirect:/admin/letter-templates";
    }

    private String form(Model model, TemplateForm form, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("templateId", id);
        model.addAttribute("yesNoOptions", java.util.List.of(new Option("true", "Yes"), new Option("false", "No")));
        model.addAttribute("kindOptions", Arrays.stream(Kind.values()).map(k -> new Option(k.name(), k.label())).toList());
        model.addAttribute("mergeFields", MergeFields.KNOWN.stream().map(f -> new Option("{{" + f[0] + "}}", f[1])).toList());
        return "admin/letter-templates/form";
    }
}
