package org.mayorsoffice.casework.media.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.media.MediaDeadline;
import org.mayorsoffice.casework.media.internal.MediaService;
import org.mayorsoffice.casework.media.internal.MediaViews.Kind;
import org.mayorsoffice.casework.media.internal.MediaViews.MediaDetail;
import org.mayorsoffice.casework.media.internal.MediaViews.NewMedia;
import org.mayorsoffice.casework.media.web.MediaForms.MediaForm;
import org.mayorsoffice.casework.media.web.MediaForms.StatementForm;
import org.mayorsoffice.casework.responses.ApprovalRequests;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraft;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Media view, logging a media request or press release, drafting the statement and recording the outcome. */
@Controller
class MediaController {

    static final String MEDIA_TEAM = "hasAnyRole('CABINET_SUPPORT_OFFICER', 'COORDINATOR', 'HEAD_OF_OFFICE')";

    private final MediaService media;
    private final ApprovalRequests approvals;
    private final MemberDirectory members;
    private final CaseDesk cases;
    private final Clock clock;

    MediaController(MediaService media, ApprovalRequests approvals, MemberDirectory members, CaseDesk cases, Clock clock) {
        this.media = media;
        this.approvals = approvals;
        this.members = members;
        this.cases = cases;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("kind", "title", "question", "journalistName", "journalistEmail", "outlet", "dueInHours",
                "deadlineDay", "deadlineMonth", "deadlineYear", "deadlineTime", "memberId", "topicId", "caseReferences",
                "text", "templateId", "reason");
    }

    @GetMapping("/media")
    @PreAuthorize(MEDIA_TEAM)
    String list(Model model) {
        model.addAttribute("open", media.open());
        model.addAttribute("closed", media.recentlyClosed());
        return "media/list";
    }

    @GetMapping("/media/new")
    @PreAuthorize(MEDIA_TEAM)
    String newItem(@RequestParam(defaultValue = "REQUEST") Kind kind, Model model) {
        MediaForm form = new MediaForm();
        form.setKind(kind);
        return newPage(model, form);
    }

    @PostMapping("/media")
    @PreAuthorize(MEDIA_TEAM)
    String create(@ModelAttribute("form") MediaForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        if (form.getKind() == null) {
            form.setKind(Kind.REQUEST);
        }
        boolean request = form.getKind() == Kind.REQUEST;
        required(result, "title", form.getTitle(), request ? "Enter what the request is about" : "Enter the headline", 300);
        if (request) {
            required(result, "journalistName", form.getJournalistName(), "Enter the journalist's name", 200);
            required(result, "outlet", form.getOutlet(), "Enter the outlet the journalist writes for", 200);
            required(result, "question", form.getQuestion(), "Enter the journalist's question", 5000);
        } else {
            optional(result, "question", form.getQuestion(), "The background", 5000);
            optional(result, "journalistName", form.getJournalistName(), "The name", 200);
            optional(result, "outlet", form.getOutlet(), "The outlet", 200);
        }
        String email = form.getJournalistEmail() == null ? "" : form.getJournalistEmail().strip();
        if (!email.isEmpty() && (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            result.rejectValue("journalistEmail", "format", "Enter an email address in the correct format, like name@example.com");
        }
        Instant deadline = deadline(form, result, request);
        if (!result.hasErrors()) {
            try {
                long id = media.create(new NewMedia(form.getKind(), form.getTitle(), form.getQuestion(),
                        form.getJournalistName(), email, form.getOutlet(), deadline, form.getMemberId(),
                        form.getTopicId(), form.getCaseReferences()), user);
                redirect.addFlashAttribute("success", MediaService.reference(form.getKind(), id) + " logged");
                return "redirect:/media/" + id;
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        return newPage(model, form);
    }

    @GetMapping("/media/{id}")
    @PreAuthorize(MEDIA_TEAM)
    String show(@PathVariable long id, @RequestParam(required = false) Long templateId,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        MediaDetail m = media.detail(id, user);
        StatementForm form = new StatementForm();
        SubjectDraft draft = media.draft(id).orElse(null);
        if (draft != null) {
            form.setText(draft.text());
        }
        if (templateId != null) {
            approvals.templateText(templateId, m.memberId()).ifPresent(form::setText);
            form.setTemplateId(templateId);
        }
        return showPage(model, m, draft, form);
    }

    @PostMapping("/media/{id}/statement")
    @PreAuthorize(MEDIA_TEAM)
    String statement(@PathVariable long id, @RequestParam(defaultValue = "save") String action,
            @ModelAttribute("form") StatementForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        MediaDetail m = media.detail(id, user);
        boolean submit = "submit".equals(action);
        try {
            List<String> approvers = media.saveStatement(id, form.getText(), submit, user);
            redirect.addFlashAttribute("success", submit
                    ? "Sent for approval to " + (approvers.isEmpty() ? "the approver" : String.join(", ", approvers))
                    : "Draft saved");
            return "redirect:/media/" + id;
        } catch (RuleViolationException e) {
            if (e.field() == null) {
                result.rejectValue("text", "rule", e.getMessage());
            } else {
                FormErrors.reject(result, e);
            }
            return showPage(model, m, media.draft(id).orElse(null), form);
        }
    }

    @PostMapping("/media/{id}/sent")
    @PreAuthorize(MEDIA_TEAM)
    String sent(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        media.markSent(id, user);
        redirect.addFlashAttribute("success", "Recorded as sent");
        return "redirect:/media/" + id;
    }

    @PostMapping("/media/{id}/decline")
    @PreAuthorize(MEDIA_TEAM)
    String decline(@PathVariable long id, @ModelAttribute("form") StatementForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        MediaDetail m = media.detail(id, user);
        try {
            media.decline(id, form.getReason(), user);
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            SubjectDraft draft = media.draft(id).orElse(null);
            if (draft != null && form.getText() == null) {
                form.setText(draft.text());
            }
            return showPage(model, m, draft, form);
        }
        redirect.addFlashAttribute("success", "Recorded as declined");
        return "redirect:/media/" + id;
    }

    /** Flags a case as media-sensitive (or takes the flag off), from the case page. */
    @PostMapping("/cases/{id}/media-sensitive")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')")
    String mediaSensitive(@PathVariable long id, @RequestParam(defaultValue = "true") boolean sensitive,
            @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        cases.setMediaSensitive(id, sensitive, user);
        redirect.addFlashAttribute("success", sensitive
                ? "Case flagged as media-sensitive. The communications team has been told."
                : "Media-sensitive flag removed");
        return "redirect:/cases/" + id;
    }

    // ------------------------------------------------------------ helpers

    private Instant deadline(MediaForm form, BindingResult result, boolean required) {
        String hours = form.getDueInHours() == null ? "" : form.getDueInHours().strip();
        boolean dateBlank = MediaForms.blank(form.getDeadlineDay(), form.getDeadlineMonth(), form.getDeadlineYear(),
                form.getDeadlineTime());
        if (!hours.isEmpty() && !dateBlank) {
            result.rejectValue("dueInHours", "both", "Enter either the hours from now or the date and time, not both");
            return null;
        }
        if (!hours.isEmpty()) {
            if (!hours.matches("\\d{1,3}") || Integer.parseInt(hours) < 1 || Integer.parseInt(hours) > MediaDeadline.MAX_HOURS) {
                result.rejectValue("dueInHours", "range", "Hours must be a whole number from 1 to " + MediaDeadline.MAX_HOURS);
                return null;
            }
            return MediaDeadline.inHours(clock.instant(), Integer.parseInt(hours));
        }
        if (dateBlank) {
            if (required) {
                result.rejectValue("dueInHours", "required", "Enter when the journalist needs the answer: hours from now, or a date and time");
            }
            return null;
        }
        LocalDate day = MediaForms.date(form.getDeadlineDay(), form.getDeadlineMonth(), form.getDeadlineYear());
        if (day == null) {
            result.addError(new FieldError("form", "deadline", "The deadline must be a real date"));
            return null;
        }
        LocalTime time = MediaDeadline.parseTime(form.getDeadlineTime());
        if (time == null) {
            result.rejectValue("deadlineTime", "format", "Enter the time of day, like 17:30 or 5:30pm");
            return null;
        }
        Instant at = MediaDeadline.at(day, time);
        if (at.isBefore(clock.instant().minusSeconds(3600 * 24))) {
            result.addError(new FieldError("form", "deadline", "The deadline must not be more than a day in the past"));
            return null;
        }
        return at;
    }

    private static void required(BindingResult result, String field, String value, String message, int max) {
        if (value == null || value.isBlank()) {
            result.rejectValue(field, "required", message);
        } else if (value.strip().length() > max) {
            result.rejectValue(field, "length", "This must be " + max + " characters or fewer");
        }
    }

    private static void optional(BindingResult result, String field, String value, String what, int max) {
        if (value != null && value.strip().length() > max) {
            result.rejectValue(field, "length", what + " must be " + max + " characters or fewer");
        }
    }

    private String newPage(Model model, MediaForm form) {
        model.addAttribute("form", form);
        model.addAttribute("memberOptions", members.memberOptions());
        model.addAttribute("topicOptions", cases.topicOptions());
        model.addAttribute("request", form.getKind() == Kind.REQUEST);
        return "media/new";
    }

    private String showPage(Model model, MediaDetail m, SubjectDraft draft, StatementForm form) {
        model.addAttribute("m", m);
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("editable", m.status().open() && (draft == null || draft.editable()));
        List<Option> templates = approvals.templateOptions();
        model.addAttribute("templateOptions", templates);
        return "media/show";
    }
}
