package org.mayorsoffice.casework.cases.web;

import static org.mayorsoffice.casework.cases.web.CaseController.STAFF;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.mayorsoffice.casework.cases.CaseViews.CaseDetail;
import org.mayorsoffice.casework.cases.internal.AttachmentService;
import org.mayorsoffice.casework.cases.internal.AttachmentService.Download;
import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Attaching files to a case (staff) and downloading them (staff, and members for the cases they can
 * see). What may be attached, and who may see it, is decided by {@link AttachmentService}.
 */
@Controller
class AttachmentController {

    private final AttachmentService attachments;
    private final CaseQueries queries;

    AttachmentController(AttachmentService attachments, CaseQueries queries) {
        this.attachments = attachments;
        this.queries = queries;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("file", "description");
    }

    @GetMapping("/cases/{id}/attachments/new")
    @PreAuthorize(STAFF)
    String uploadForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        CaseDetail c = queries.detail(id, user);
        AttachmentForm form = new AttachmentForm();
        model.addAttribute("form", form);
        if (model.getAttribute(AttachmentUploadLimitFilter.UPLOAD_ERROR) instanceof String message) {
            // Back from an upload the server refused before it reached us (over the multipart limit).
            BindingResult result = new BeanPropertyBindingResult(form, "form");
            result.rejectValue("file", "tooLarge", message);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        }
        return page(model, c);
    }

    @PostMapping("/cases/{id}/attachments")
    @PreAuthorize(STAFF)
    String upload(@PathVariable long id, @ModelAttribute("form") AttachmentForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        MultipartFile file = form.getFile();
        long attachmentId;
        try {
            attachmentId = attachments.upload(id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), form.getDescription(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return page(model, queries.detail(id, user));
        } catch (IOException e) {
            result.rejectValue("file", "unreadable", "The selected file could not be uploaded – try again");
            return page(model, queries.detail(id, user));
        }
        redirect.addFlashAttribute("success", "Attachment added: " + attachments.fileName(attachmentId));
        return "redirect:/cases/" + id;
    }

    /** The file itself, always as a download (never shown inline), under its safe name and detected type. */
    @GetMapping("/attachments/{id}")
    @PreAuthorize(STAFF + " or hasRole('MEMBER')")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        Download download = attachments.download(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.bytes());
    }

    private String page(Model model, CaseDetail c) {
        model.addAttribute("c", c);
        model.addAttribute("maxSize", attachments.maxSizeLabel());
        model.addAttribute("allowedTypes", attachments.allowedTypesHint());
        model.addAttribute("accept", attachments.acceptedExtensions());
        return "cases/attachment";
    }
}
