package org.mayorsoffice.casework.responses.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.responses.internal.DraftService;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService.Channel;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService.Compose;
import org.mayorsoffice.casework.responses.internal.ResidentUpdateService.UpdateKind;
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

/** Sending a resident an acknowledgement or a holding reply on their case. */
@Controller
class ResidentUpdateController {

    static final String STAFF = "hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')";

    private final ResidentUpdateService updates;

    ResidentUpdateController(ResidentUpdateService updates) {
        this.updates = updates;
    }

    /** The send form. */
    public static class UpdateForm {
        private Long personId;
        private Long templateId;
        private Channel channel;
        private String text;

        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
        public Long getTemplateId() { return templateId; }
        public void setTemplateId(Long templateId) { this.templateId = templateId; }
        public Channel getChannel() { return channel; }
        public void setChannel(Channel channel) { this.channel = channel; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("personId", "templateId", "channel", "text");
    }

    @GetMapping("/cases/{id}/acknowledgement")
    @PreAuthorize(STAFF)
    String acknowledgement(@PathVariable long id, @RequestParam(required = false) Long personId,
            @RequestParam(required = false) Long templateId, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(id, UpdateKind.ACKNOWLEDGEMENT, personId, templateId, user, model);
    }

    @PostMapping("/cases/{id}/acknowledgement")
    @PreAuthorize(STAFF)
    String sendAcknowledgement(@PathVariable long id, @ModelAttribute("form") UpdateForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return send(id, UpdateKind.ACKNOWLEDGEMENT, form, result, user, model, redirect);
    }

    @GetMapping("/cases/{id}/holding-reply")
    @PreAuthorize(STAFF)
    String holdingReply(@PathVariable long id, @RequestParam(required = false) Long personId,
            @RequestParam(required = false) Long templateId, @AuthenticationPrincipal CurrentUser user, Model model) {
        return page(id, UpdateKind.HOLDING_REPLY, personId, templateId, user, model);
    }

    @PostMapping("/cases/{id}/holding-reply")
    @PreAuthorize(STAFF)
    String sendHoldingReply(@PathVariable long id, @ModelAttribute("form") UpdateForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        return send(id, UpdateKind.HOLDING_REPLY, form, result, user, model, redirect);
    }

    @GetMapping("/cases/{id}/resident-updates/{updateId}/letter.pdf")
    @PreAuthorize(STAFF)
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable long updateId,
            @AuthenticationPrincipal CurrentUser user) {
        DraftService.Letter letter = updates.letter(id, updateId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(letter.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(letter.content());
    }

    private String page(long id, UpdateKind kind, Long personId, Long templateId, CurrentUser user, Model model) {
        Compose view = updates.compose(id, kind, personId, templateId, user);
        UpdateForm form = new UpdateForm();
        form.setPersonId(view.personId());
        form.setTemplateId(view.templateId());
        form.setChannel(view.channel());
        form.setText(view.text());
        return render(model, view, form);
    }

    private String send(long id, UpdateKind kind, UpdateForm form, BindingResult result, CurrentUser user, Model model,
            RedirectAttributes redirect) {
        try {
            updates.send(id, kind, form.getPersonId(), form.getChannel(), form.getText(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return render(model, updates.compose(id, kind, form.getPersonId(), form.getTemplateId(), user), form);
        }
        redirect.addFlashAttribute("success", kind.label() + (form.getChannel() == Channel.EMAIL
                ? " sent by email" : " recorded as a letter: print it from the list below and post it"));
        return form.getChannel() == Channel.EMAIL ? "redirect:/cases/" + id : "redirect:/cases/" + id + "/" + kind.path();
    }

    private String render(Model model, Compose view, UpdateForm form) {
        model.addAttribute("v", view);
        model.addAttribute("form", form);
        model.addAttribute("channelOptions", List.of(
                new Option("EMAIL", view.email() == null ? "Email (no address on record)" : "Email to " + view.email()),
                new Option("LETTER", "Letter, printed for posting")));
        return "responses/resident-update";
    }
}
