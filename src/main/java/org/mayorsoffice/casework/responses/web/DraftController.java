package org.mayorsoffice.casework.responses.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.responses.internal.DraftViews.Compose;
import org.mayorsoffice.casework.responses.internal.DraftViews.DraftDetail;
import org.mayorsoffice.casework.responses.internal.DraftViews.SaveResult;
import org.mayorsoffice.casework.responses.internal.DraftViews.StandardLine;
import org.mayorsoffice.casework.responses.web.Forms.DispatchForm;
import org.mayorsoffice.casework.responses.web.Forms.DraftForm;
import org.mayorsoffice.casework.responses.web.Forms.EditForm;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Drafting a response on a case, its versions, submitting it for approval and sending it once approved. */
@Controller
class DraftController {

    static final String STAFF = "hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')";

    private final DraftService drafts;

    DraftController(DraftService drafts) {
        this.drafts = drafts;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("templateId", "personId", "text", "baseVersion", "standardLineId", "channels");
    }

    @GetMapping("/cases/{id}/drafts")
    @PreAuthorize(STAFF)
    String caseDrafts(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("c", drafts.caseRef(id, user));
        model.addAttribute("drafts", drafts.caseDrafts(id, user));
        return "responses/case-drafts";
    }

    /** Step one chooses the template and recipient (a GET form); step two shows the merged text to edit. */
    @GetMapping("/cases/{id}/drafts/new")
    @PreAuthorize(STAFF)
    String newDraft(@PathVariable long id, @RequestParam(required = false) String step, @ModelAttribute("form") DraftForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model) {
        boolean compose = "compose".equals(step);
        Compose view = drafts.compose(id, null, null, false, user);
        if (form.getPersonId() == null && view.recipients().size() == 1) {
            form.setPersonId(Long.valueOf(view.recipients().get(0).value()));
        }
        if (compose && form.getPersonId() == null) {
            result.rejectValue("personId", "required", "Select who the response is to");
        } else if (compose) {
            try {
                view = drafts.compose(id, form.getTemplateId(), form.getPersonId(), true, user);
                form.setText(view.text());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        return newPage(model, view, form, result.hasErrors() ? null : view.text() != null);
    }

    @PostMapping("/cases/{id}/drafts")
    @PreAuthorize(STAFF)
    String create(@PathVariable long id, @ModelAttribute("form") DraftForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        Compose view = drafts.compose(id, null, null, false, user);
        if (result.hasErrors()) {
            return newPage(model, view, form, true);
        }
        long draftId;
        try {
            draftId = drafts.create(id, form.getPersonId(), form.getTemplateId(), form.getText(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return newPage(model, view, form, form.getPersonId() != null);
        }
        redirect.addFlashAttribute("success", "Draft saved as version 1");
        return "redirect:/drafts/" + draftId;
    }

    private String newPage(Model model, Compose view, DraftForm form, Boolean composing) {
        model.addAttribute("view", view);
        model.addAttribute("c", view.c());
        model.addAttribute("form", form);
        model.addAttribute("composing", Boolean.TRUE.equals(composing));
        model.addAttribute("unknownFields", view.unknownFields());
        return "responses/new";
    }

    @GetMapping("/drafts/{id}")
    @PreAuthorize(STAFF)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        DraftDetail d = drafts.draft(id, user);
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        return "responses/show";
    }

    @GetMapping("/drafts/{id}/edit")
    @PreAuthorize(STAFF)
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        DraftDetail d = drafts.draft(id, user);
        EditForm form = new EditForm();
        form.setText(d.text());
        form.setBaseVersion(d.currentVersion());
        return editPage(model, d, form);
    }

    @PostMapping("/drafts/{id}")
    @PreAuthorize(STAFF)
    String save(@PathVariable long id, @RequestParam(defaultValue = "save") String action, @ModelAttribute("form") EditForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        DraftDetail d = drafts.draft(id, user);
        if ("insert".equals(action)) {
            StandardLine line = d.standardLines().stream()
                    .filter(l -> form.getStandardLineId() != null && l.id() == form.getStandardLineId()).findFirst().orElse(null);
            if (line == null) {
                result.rejectValue("standardLineId", "required", "Select a standard line to insert");
            } else {
                String text = form.getText() == null ? "" : form.getText().stripTrailing();
                form.setText(text.isEmpty() ? line.text() : text + "\n\n" + line.text());
            }
            return editPage(model, d, form);
        }
        if (result.hasErrors()) {
            return editPage(model, d, form);
        }
        SaveResult saved;
        try {
            saved = drafts.save(id, form.getText(), form.getBaseVersion(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return editPage(model, d, form);
        } catch (ConcurrentEditException e) {
            result.reject("concurrentEdit", "Someone else saved a new version of this draft while you were editing."
                    + " Your text is below: copy what you need, then reload the draft.");
            return editPage(model, d, form);
        }
        String message = saved.changed() ? "Draft saved as version " + saved.version() : "No changes to save";
        if (!saved.unknownFields().isEmpty()) {
            message += ". Replace " + String.join(", ", saved.unknownFields()) + " before submitting";
        }
        redirect.addFlashAttribute("success", message);
        return "redirect:/drafts/" + id;
    }

    private String editPage(Model model, DraftDetail d, EditForm form) {
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        model.addAttribute("form", form);
        model.addAttribute("lineOptions", d.standardLines().stream().map(l -> Option.of(l.id(), l.name())).toList());
        return "responses/edit";
    }

    @PostMapping("/drafts/{id}/submit")
    @PreAuthorize(STAFF)
    String submit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        try {
            List<String> approvers = drafts.submit(id, user);
            redirect.addFlashAttribute("success", "Draft submitted for approval to " + String.join(", ", approvers));
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("important", e.getMessage());
        }
        return "redirect:/drafts/" + id;
    }

    @GetMapping("/drafts/{id}/versions/{number}")
    @PreAuthorize(STAFF)
    String version(@PathVariable long id, @PathVariable int number, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("v", drafts.version(id, number, user));
        model.addAttribute("backHref", "/drafts/" + id);
        return "responses/version";
    }

    @GetMapping("/drafts/{id}/dispatch")
    @PreAuthorize(STAFF)
    String dispatchForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        DraftDetail d = drafts.draft(id, user);
        DispatchForm form = new DispatchForm();
        form.getChannels().add("LETTER");
        if (d.recipientEmail() != null) {
            form.getChannels().add("EMAIL");
        }
        return dispatchPage(model, d, form);
    }

    @PostMapping("/drafts/{id}/dispatch")
    @PreAuthorize(STAFF)
    String dispatch(@PathVariable long id, @ModelAttribute("form") DispatchForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        DraftDetail d = drafts.draft(id, user);
        boolean letter = form.getChannels().contains("LETTER");
        boolean email = form.getChannels().contains("EMAIL");
        try {
            drafts.dispatch(id, letter, email, user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return dispatchPage(model, d, form);
        }
        redirect.addFlashAttribute("success", letter && email ? "Response sent by email; the letter is ready to print and post"
                : letter ? "Response recorded as sent by letter: print and post it" : "Response sent by email");
        return "redirect:/drafts/" + id;
    }

    private String dispatchPage(Model model, DraftDetail d, DispatchForm form) {
        model.addAttribute("d", d);
        model.addAttribute("c", d.c());
        model.addAttribute("form", form);
        List<Option> options = d.recipientEmail() == null
                ? List.of(new Option("LETTER", "Letter: print and post"))
                : List.of(new Option("LETTER", "Letter: print and post"), new Option("EMAIL", "Email to " + d.recipientEmail()
                        + ", with the letter attached as a PDF"));
        model.addAttribute("channelOptions", options);
        return "responses/dispatch";
    }

    @GetMapping("/drafts/{id}/letter.pdf")
    @PreAuthorize(STAFF + " or hasRole('MEMBER')")
    ResponseEntity<byte[]> letter(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        DraftService.Letter letter = drafts.letter(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(letter.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(letter.content());
    }
}
