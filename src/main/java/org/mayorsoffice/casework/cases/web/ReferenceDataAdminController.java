package org.mayorsoffice.casework.cases.web;

import java.util.List;
import org.mayorsoffice.casework.cases.internal.CaseTypeRules;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService.CaseTypeData;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService.CaseTypeDetail;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService.TopicData;
import org.mayorsoffice.casework.cases.internal.ReferenceDataService.TopicDetail;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators maintain the casework reference data: case types with their targets, and topics. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ReferenceDataAdminController {

    private final ReferenceDataService referenceData;

    ReferenceDataAdminController(ReferenceDataService referenceData) {
        this.referenceData = referenceData;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "internalTargetDays", "externalTargetDays", "active", "version");
    }

    @ModelAttribute("yesNoOptions")
    List<Option> yesNoOptions() {
        return List.of(Option.of("true", "Yes"), Option.of("false", "No"));
    }

    // Case types

    @GetMapping("/admin/case-types")
    String caseTypes(Model model) {
        model.addAttribute("caseTypes", referenceData.caseTypes());
        return "admin/case-types/list";
    }

    @GetMapping("/admin/case-types/new")
    String newCaseType(Model model) {
        model.addAttribute("form", new CaseTypeForm());
        return "admin/case-types/form";
    }

    @PostMapping("/admin/case-types")
    String createCaseType(@Validated @ModelAttribute("form") CaseTypeForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        checkTargets(form, result);
        if (!result.hasErrors()) {
            try {
                referenceData.createCaseType(caseTypeData(form), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return "admin/case-types/form";
        }
        redirect.addFlashAttribute("success", form.getName().strip() + " case type added");
        return "redirect:/admin/case-types";
    }

    @GetMapping("/admin/case-types/{id}/edit")
    String editCaseType(@PathVariable long id, Model model) {
        CaseTypeDetail type = referenceData.caseType(id);
        CaseTypeForm form = new CaseTypeForm();
        form.setName(type.name());
        form.setInternalTargetDays(String.valueOf(type.internalTargetDays()));
        form.setExternalTargetDays(String.valueOf(type.externalTargetDays()));
        form.setActive(type.active());
        form.setVersion(type.version());
        model.addAttribute("form", form);
        model.addAttribute("caseType", type);
        return "admin/case-types/form";
    }

    @PostMapping("/admin/case-types/{id}")
    String updateCaseType(@PathVariable long id, @Validated @ModelAttribute("form") CaseTypeForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        CaseTypeDetail type = referenceData.caseType(id);
        checkTargets(form, result);
        if (!result.hasErrors()) {
            try {
                referenceData.updateCaseType(id, caseTypeData(form), form.getVersion(), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("caseType", type);
            return "admin/case-types/form";
        }
        redirect.addFlashAttribute("success", "Changes to " + form.getName().strip() + " saved");
        return "redirect:/admin/case-types";
    }

    /** The target rules, checked here too so that they are reported with any other mistakes on the form. */
    private static void checkTargets(CaseTypeForm form, BindingResult result) {
        if (result.hasFieldErrors("internalTargetDays") || result.hasFieldErrors("externalTargetDays")) {
            return;
        }
        try {
            CaseTypeRules.checkTargets(CaseTypeForm.days(form.getInternalTargetDays()),
                    CaseTypeForm.days(form.getExternalTargetDays()));
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
        }
    }

    private static CaseTypeData caseTypeData(CaseTypeForm form) {
        return new CaseTypeData(form.getName(), CaseTypeForm.days(form.getInternalTargetDays()),
                CaseTypeForm.days(form.getExternalTargetDays()), form.isActive());
    }

    // Topics

    @GetMapping("/admin/topics")
    String topics(Model model) {
        model.addAttribute("topics", referenceData.topics());
        return "admin/topics/list";
    }

    @GetMapping("/admin/topics/new")
    String newTopic(Model model) {
        model.addAttribute("form", new TopicForm());
        return "admin/topics/form";
    }

    @PostMapping("/admin/topics")
    String createTopic(@Validated @ModelAttribute("form") TopicForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                referenceData.createTopic(new TopicData(form.getName(), form.isActive()), admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return "admin/topics/form";
        }
        redirect.addFlashAttribute("success", form.getName().strip() + " topic added");
        return "redirect:/admin/topics";
    }

    @GetMapping("/admin/topics/{id}/edit")
    String editTopic(@PathVariable long id, Model model) {
        TopicDetail topic = referenceData.topic(id);
        TopicForm form = new TopicForm();
        form.setName(topic.name());
        form.setActive(topic.active());
        form.setVersion(topic.version());
        model.addAttribute("form", form);
        model.addAttribute("topicId", id);
        return "admin/topics/form";
    }

    @PostMapping("/admin/topics/{id}")
    String updateTopic(@PathVariable long id, @Validated @ModelAttribute("form") TopicForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser admin, Model model, RedirectAttributes redirect) {
        referenceData.topic(id);
        if (!result.hasErrors()) {
            try {
                referenceData.updateTopic(id, new TopicData(form.getName(), form.isActive()), form.getVersion(),
                        admin.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("topicId", id);
            return "admin/topics/form";
        }
        redirect.addFlashAttribute("success", "Changes to " + form.getName().strip() + " saved");
        return "redirect:/admin/topics";
    }
}
