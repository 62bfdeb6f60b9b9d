package org.mayorsoffice.casework.diary.web;

import java.io.IOException;
import java.time.LocalDate;
import org.mayorsoffice.casework.diary.internal.BriefingService;
import org.mayorsoffice.casework.diary.internal.BriefingService.NewBriefing;
import org.mayorsoffice.casework.diary.internal.BriefingService.StoredFile;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingStatus;
import org.mayorsoffice.casework.diary.internal.DiaryQueries;
import org.mayorsoffice.casework.diary.internal.DiaryViews.BriefingDetail;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementDetail;
import org.mayorsoffice.casework.diary.web.Forms.BriefingForm;
import org.mayorsoffice.casework.diary.web.Forms.BriefingUpdateForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Briefings: commissioning, progress to ready, files, and the "Briefings due" list. */
@Controller
class BriefingController {

    private final BriefingService briefings;
    private final DiaryQueries queries;
    private final DiaryOptions options;

    BriefingController(BriefingService briefings, DiaryQueries queries, DiaryOptions options) {
        this.briefings = briefings;
        this.queries = queries;
        this.options = options;
    }

    @GetMapping("/briefings/due")
    @PreAuthorize(DiaryController.KEEPERS)
    String due(@RequestParam(required = false) String page, @RequestParam(required = false) String finish,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("due", briefings.due(user, pageNumber(page), pageNumber(finish)));
        model.addAttribute("today", queries.today());
        return "briefings/due";
    }

    /** A page number from the address; one that is not a number (an edited address) is the first page. */
    private static int pageNumber(String page) {
        return page != null && page.matches("[0-9]{1,6}") ? Integer.parseInt(page) : 1;
    }

    @GetMapping("/briefings/new")
    @PreAuthorize(DiaryController.KEEPERS)
    String newBriefing(@RequestParam(required = false) Long engagementId, @AuthenticationPrincipal CurrentUser user, Model model) {
        BriefingForm form = new BriefingForm();
        EngagementDetail e = null;
        if (engagementId != null) {
            e = queries.detail(engagementId, user);
            form.setEngagementId(String.valueOf(e.id()));
            form.setMemberId(String.valueOf(e.memberId()));
            Forms.setDate(briefings.suggestedDueOn(e.date()), form::setDueOnDay, form::setDueOnMonth, form::setDueOnYear);
        }
        return formPage(model, form, e);
    }

    @PostMapping("/briefings")
    @PreAuthorize(DiaryController.KEEPERS)
    String commission(@ModelAttribute("form") BriefingForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        Long engagementId = Forms.id(form.getEngagementId());
        EngagementDetail e = engagementId == null ? null : queries.detail(engagementId, user);
        LocalDate due = Forms.date(result, "dueOn", form.getDueOnDay(), form.getDueOnMonth(), form.getDueOnYear(), e == null,
                "the date it is due");
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = briefings.commission(new NewBriefing(engagementId, Forms.id(form.getMemberId()),
                        Forms.enumValue(BriefingKind.class, form.getKind()), form.getTitle(), form.getTopic(),
                        Forms.id(form.getAuthorId()), due), user);
            } catch (RuleViolationException ex) {
                Forms.reject(result, ex);
            }
        }
        if (result.hasErrors()) {
            return formPage(model, form, e);
        }
        redirect.addFlashAttribute("success", "Briefing commissioned");
        return "redirect:/briefings/" + id;
    }

    @GetMapping("/briefings/{id}")
    @PreAuthorize(DiaryController.KEEPERS)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        BriefingDetail b = briefings.detail(id, user);
        BriefingUpdateForm form = new BriefingUpdateForm();
        form.setStatus(b.statusCode());
        form.setContent(b.content());
        form.setVersion(b.version());
        return showPage(model, b, form);
    }

    @PostMapping("/briefings/{id}")
    @PreAuthorize(DiaryController.KEEPERS)
    String update(@PathVariable long id, @ModelAttribute("form") BriefingUpdateForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        BriefingDetail b = briefings.detail(id, user);
        try {
            briefings.update(id, Forms.enumValue(BriefingStatus.class, form.getStatus()), form.getContent(),
                    form.getVersion() == null ? -1 : form.getVersion(), user);
        } catch (RuleViolationException e) {
            Forms.reject(result, e);
        } catch (ConcurrentEditException e) {
            FormErrors.reject(result, e);
            form.setVersion(e.currentVersion());
        }
        if (result.hasErrors()) {
            return showPage(model, b, form);
        }
        redirect.addFlashAttribute("success", "Briefing saved: " + BriefingStatus.valueOf(form.getStatus()).label());
        return "redirect:/briefings/" + id;
    }

    @PostMapping("/briefings/{id}/files")
    @PreAuthorize(DiaryController.KEEPERS)
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
        briefings.detail(id, user);
        try {
            briefings.attach(id, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), user);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("fileError", e.getMessage());
            return "redirect:/briefings/" + id + "#file";
        }
        redirect.addFlashAttribute("success", "File attached");
        return "redirect:/briefings/" + id;
    }

    @GetMapping("/briefings/files/{id}")
    @PreAuthorize(DiaryController.KEEPERS)
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        StoredFile f = briefings.file(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }

    private String formPage(Model model, BriefingForm form, EngagementDetail e) {
        model.addAttribute("form", form);
        model.addAttribute("e", e);
        model.addAttribute("memberOptions", options.members());
        model.addAttribute("kindOptions", DiaryOptions.BRIEFING_KINDS);
        model.addAttribute("authorOptions", options.staff());
        model.addAttribute("leadDays", briefings.leadDays());
        return "briefings/new";
    }

    private String showPage(Model model, BriefingDetail b, BriefingUpdateForm form) {
        model.addAttribute("b", b);
        model.addAttribute("form", form);
        model.addAttribute("statusOptions", DiaryOptions.BRIEFING_STATUSES);
        model.addAttribute("maxFileMb", briefings.maxFileBytes() / (1024 * 1024));
        return "briefings/show";
    }
}
