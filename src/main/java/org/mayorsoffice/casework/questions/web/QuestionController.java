package org.mayorsoffice.casework.questions.web;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.questions.internal.QuestionService;
import org.mayorsoffice.casework.questions.internal.QuestionViews.AskerKind;
import org.mayorsoffice.casework.questions.internal.QuestionViews.Meeting;
import org.mayorsoffice.casework.questions.internal.QuestionViews.NewQuestion;
import org.mayorsoffice.casework.questions.internal.QuestionViews.QuestionDetail;
import org.mayorsoffice.casework.responses.ApprovalRequests.SubjectDraft;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
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
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Council and cabinet questions: recording, answering (through Approvals), actions and the per-meeting list. */
@Controller
class QuestionController {

    static final String TEAM = "hasAnyRole('CABINET_SUPPORT_OFFICER', 'COORDINATOR', 'HEAD_OF_OFFICE')";

    private final QuestionService questions;
    private final MemberDirectory members;

    QuestionController(QuestionService questions, MemberDirectory members) {
        this.questions = questions;
        this.members = members;
    }

    /** The new-question form, and the answer and action forms of the question page. */
    public static class QuestionForm {
        private Meeting meeting = Meeting.COUNCIL;
        private String meetingDateDay;
        private String meetingDateMonth;
        private String meetingDateYear;
        private AskerKind askerKind;
        private String askedBy;
        private Long answeringMemberId;
        private String question;
        private String text;
        private String description;
        private String dueOnDay;
        private String dueOnMonth;
        private String dueOnYear;

        public Meeting getMeeting() { return meeting; }
        public void setMeeting(Meeting meeting) { this.meeting = meeting; }
        public String getMeetingDateDay() { return meetingDateDay; }
        public void setMeetingDateDay(String v) { this.meetingDateDay = v; }
        public String getMeetingDateMonth() { return meetingDateMonth; }
        public void setMeetingDateMonth(String v) { this.meetingDateMonth = v; }
        public String getMeetingDateYear() { return meetingDateYear; }
        public void setMeetingDateYear(String v) { this.meetingDateYear = v; }
        public AskerKind getAskerKind() { return askerKind; }
        public void setAskerKind(AskerKind askerKind) { this.askerKind = askerKind; }
        public String getAskedBy() { return askedBy; }
        public void setAskedBy(String askedBy) { this.askedBy = askedBy; }
        public Long getAnsweringMemberId() { return answeringMemberId; }
        public void setAnsweringMemberId(Long answeringMemberId) { this.answeringMemberId = answeringMemberId; }
        public String getQuestion() { return question; }
        public void setQuestion(String question) { this.question = question; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getDueOnDay() { return dueOnDay; }
        public void setDueOnDay(String v) { this.dueOnDay = v; }
        public String getDueOnMonth() { return dueOnMonth; }
        public void setDueOnMonth(String v) { this.dueOnMonth = v; }
        public String getDueOnYear() { return dueOnYear; }
        public void setDueOnYear(String v) { this.dueOnYear = v; }
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("meeting", "meetingDateDay", "meetingDateMonth", "meetingDateYear", "askerKind", "askedBy",
                "answeringMemberId", "question", "text", "description", "dueOnDay", "dueOnMonth", "dueOnYear");
    }

    @GetMapping("/questions")
    @PreAuthorize(TEAM)
    String list(Model model) {
        model.addAttribute("meetings", questions.meetings());
        model.addAttribute("unanswered", questions.unanswered());
        return "questions/list";
    }

    @GetMapping("/questions/new")
    @PreAuthorize(TEAM)
    String newQuestion(Model model) {
        return newPage(model, new QuestionForm());
    }

    @PostMapping("/questions")
    @PreAuthorize(TEAM)
    String create(@ModelAttribute("form") QuestionForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        if (form.getMeeting() == null) {
            result.rejectValue("meeting", "required", "Select the meeting");
        }
        LocalDate date = date(form.getMeetingDateDay(), form.getMeetingDateMonth(), form.getMeetingDateYear());
        if (blank(form.getMeetingDateDay(), form.getMeetingDateMonth(), form.getMeetingDateYear())) {
            result.addError(new FieldError("form", "meetingDate", "Enter the date of the meeting"));
        } else if (date == null) {
            result.addError(new FieldError("form", "meetingDate", "The meeting date must be a real date"));
        }
        if (form.getAskerKind() == null) {
            result.rejectValue("askerKind", "required", "Select who asked the question");
        }
        text(result, "askedBy", form.getAskedBy(), "Enter the name of who asked", 200);
        if (form.getAnsweringMemberId() == null) {
            result.rejectValue("answeringMemberId", "required", "Select the member who must answer");
        }
        text(result, "question", form.getQuestion(), "Enter the question", 5000);
        if (!result.hasErrors()) {
            long id = questions.create(new NewQuestion(form.getMeeting(), date, form.getAskerKind(), form.getAskedBy(),
                    form.getAnsweringMemberId(), form.getQuestion()), user);
            redirect.addFlashAttribute("success", "Question " + QuestionService.reference(id) + " recorded. The answer is due "
                    + questions.answerDue(date).format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)) + ".");
            return "redirect:/questions/" + id;
        }
        return newPage(model, form);
    }

    @GetMapping("/questions/meetings/{meeting}/{date}")
    @PreAuthorize(TEAM)
    String meeting(@PathVariable String meeting, @PathVariable String date, Model model) {
        Meeting m = meeting(meeting);
        LocalDate d = day(date);
        model.addAttribute("meeting", m);
        model.addAttribute("date", d);
        model.addAttribute("questions", questions.forMeeting(m, d));
        model.addAttribute("csvHref", QuestionService.meetingHref(m, d) + "/export.csv");
        return "questions/meeting";
    }

    @GetMapping("/questions/meetings/{meeting}/{date}/export.csv")
    @PreAuthorize(TEAM)
    ResponseEntity<byte[]> export(@PathVariable String meeting, @PathVariable String date) {
        Meeting m = meeting(meeting);
        LocalDate d = day(date);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("questions-" + m.name().toLowerCase() + "-" + d + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(questions.csv(m, d).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/questions/{id}")
    @PreAuthorize(TEAM)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        QuestionForm form = new QuestionForm();
        questions.draft(id).ifPresent(d -> form.setText(d.text()));
        return showPage(model, questions.detail(id, user), form);
    }

    @PostMapping("/questions/{id}/answer")
    @PreAuthorize(TEAM)
    String answer(@PathVariable long id, @RequestParam(defaultValue = "save") String action,
            @ModelAttribute("form") QuestionForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        QuestionDetail q = questions.detail(id, user);
        boolean submit = "submit".equals(action);
        try {
            List<String> approvers = questions.saveAnswer(id, form.getText(), submit, user);
            redirect.addFlashAttribute("success", submit
                    ? "Answer sent for approval to " + (approvers.isEmpty() ? "the member" : String.join(", ", approvers))
                    : "Draft answer saved");
            return "redirect:/questions/" + id;
        } catch (RuleViolationException e) {
            result.rejectValue("text", "rule", e.getMessage());
            return showPage(model, q, form);
        }
    }

    @PostMapping("/questions/{id}/actions")
    @PreAuthorize(TEAM)
    String addAction(@PathVariable long id, @ModelAttribute("form") QuestionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        QuestionDetail q = questions.detail(id, user);
        LocalDate due = date(form.getDueOnDay(), form.getDueOnMonth(), form.getDueOnYear());
        if (!blank(form.getDueOnDay(), form.getDueOnMonth(), form.getDueOnYear()) && due == null) {
            result.addError(new FieldError("form", "dueOn", "The due date must be a real date"));
        }
        if (!result.hasErrors()) {
            try {
                questions.addAction(id, form.getDescription(), due, user);
                redirect.addFlashAttribute("success", "Action added");
                return "redirect:/questions/" + id;
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (form.getText() == null) {
            questions.draft(id).ifPresent(d -> form.setText(d.text()));
        }
        return showPage(model, q, form);
    }

    @PostMapping("/questions/{id}/actions/{actionId}/done")
    @PreAuthorize(TEAM)
    String actionDone(@PathVariable long id, @PathVariable long actionId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        questions.completeAction(id, actionId, user);
        redirect.addFlashAttribute("success", "Action marked as done");
        return "redirect:/questions/" + id;
    }

    private String newPage(Model model, QuestionForm form) {
        model.addAttribute("form", form);
        model.addAttribute("meetingOptions", Arrays.stream(Meeting.values()).map(m -> new Option(m.name(), m.label())).toList());
        model.addAttribute("askerOptions", Arrays.stream(AskerKind.values()).map(a -> new Option(a.name(), a.label())).toList());
        model.addAttribute("memberOptions", members.memberOptions());
        model.addAttribute("workingDays", questions.answerWorkingDays());
        return "questions/new";
    }

    private String showPage(Model model, QuestionDetail q, QuestionForm form) {
        SubjectDraft draft = questions.draft(q.q().id()).orElse(null);
        model.addAttribute("d", q);
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("editable", q.q().status().name().equals("ANSWERED") ? false : draft == null || draft.editable());
        model.addAttribute("meetingHref", QuestionService.meetingHref(q.q().meeting(), q.q().meetingDate()));
        return "questions/show";
    }

    private static Meeting meeting(String text) {
        try {
            return Meeting.valueOf(text.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Meeting");
        }
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new NotFoundException("Meeting");
        }
    }

    private static void text(BindingResult result, String field, String value, String message, int max) {
        if (value == null || value.isBlank()) {
            result.rejectValue(field, "required", message);
        } else if (value.strip().length() > max) {
            result.rejectValue(field, "length", "This must be " + max + " characters or fewer");
        }
    }

    static LocalDate date(String day, String month, String year) {
        try {
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException | NullPointerException e) {
            return null;
        }
    }

    static boolean blank(String... parts) {
        return Arrays.stream(parts).allMatch(p -> p == null || p.isBlank());
    }
}
