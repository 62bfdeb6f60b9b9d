package org.mayorsoffice.casework.diary.web;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.diary.internal.BriefingService;
import org.mayorsoffice.casework.diary.internal.DiaryQueries;
import org.mayorsoffice.casework.diary.internal.DiaryService;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementDetail;
import org.mayorsoffice.casework.diary.web.Forms.ActionForm;
import org.mayorsoffice.casework.diary.web.Forms.NotesForm;
import org.mayorsoffice.casework.diary.web.Forms.PersonForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Around an engagement: who it is with, the meeting pack, notes with decisions and actions; "My diary actions". */
@Controller
class MeetingController {

    private final DiaryService diary;
    private final DiaryQueries queries;
    private final BriefingService briefings;
    private final PeopleApi people;
    private final DiaryOptions options;

    MeetingController(DiaryService diary, DiaryQueries queries, BriefingService briefings, PeopleApi people, DiaryOptions options) {
        this.diary = diary;
        this.queries = queries;
        this.briefings = briefings;
        this.people = people;
        this.options = options;
    }

    @GetMapping("/diary/engagements/{id}/pack")
    @PreAuthorize(DiaryController.KEEPERS_AND_MEMBERS)
    ResponseEntity<byte[]> pack(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        byte[] pdf = briefings.meetingPack(id, user);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("meeting-pack-" + id + ".pdf").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(pdf);
    }

    @GetMapping("/diary/engagements/{id}/people")
    @PreAuthorize(DiaryController.KEEPERS)
    String peoplePage(@PathVariable long id, @ModelAttribute("form") PersonForm form, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        return peoplePage(model, queries.detail(id, user), form);
    }

    @PostMapping("/diary/engagements/{id}/people")
    @PreAuthorize(DiaryController.KEEPERS)
    String addPerson(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        EngagementDetail e = queries.detail(id, user);
        Long personId = Forms.id(form.getPersonId());
        try {
            if (personId == null) {
                throw new RuleViolationException("q", "Search for and select a person or organisation");
            }
            diary.addPerson(id, personId, user);
        } catch (RuleViolationException ex) {
            Forms.reject(result, new RuleViolationException("q", ex.getMessage()));
            return peoplePage(model, e, form);
        }
        redirect.addFlashAttribute("success", "Added to the engagement");
        return "redirect:/diary/engagements/" + id;
    }

    @PostMapping("/diary/engagements/{id}/people/{personId}/remove")
    @PreAuthorize(DiaryController.KEEPERS)
    String removePerson(@PathVariable long id, @PathVariable long personId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        queries.detail(id, user);
        diary.removePerson(id, personId, user);
        redirect.addFlashAttribute("success", "Removed from the engagement");
        return "redirect:/diary/engagements/" + id;
    }

    @GetMapping("/diary/engagements/{id}/notes")
    @PreAuthorize(DiaryController.KEEPERS)
    String notes(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        EngagementDetail e = queries.detail(id, user);
        NotesForm form = new NotesForm();
        form.setNotes(e.notes());
        form.setDecisions(e.decisions());
        return notesPage(model, e, form, new ActionForm());
    }

    @PostMapping("/diary/engagements/{id}/notes")
    @PreAuthorize(DiaryController.KEEPERS)
    String saveNotes(@PathVariable long id, @ModelAttribute("form") NotesForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        EngagementDetail e = queries.detail(id, user);
        try {
            diary.saveNotes(id, form.getNotes(), form.getDecisions(), user);
        } catch (RuleViolationException ex) {
            Forms.reject(result, ex);
            return notesPage(model, e, form, new ActionForm());
        }
        redirect.addFlashAttribute("success", "Meeting notes saved");
        return "redirect:/diary/engagements/" + id + "/notes";
    }

    @PostMapping("/diary/engagements/{id}/actions")
    @PreAuthorize(DiaryController.KEEPERS)
    String addAction(@PathVariable long id, @ModelAttribute("actionForm") ActionForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        EngagementDetail e = queries.detail(id, user);
        LocalDate due = Forms.date(result, "dueOn", form.getDueOnDay(), form.getDueOnMonth(), form.getDueOnYear(), true,
                "the date the action is due");
        if (!result.hasErrors()) {
            try {
                diary.addAction(id, Forms.id(form.getOwnerId()), due, form.getDescription(), user);
            } catch (RuleViolationException ex) {
                Forms.reject(result, ex);
            }
        }
        if (result.hasErrors()) {
            NotesForm notes = new NotesForm();
            notes.setNotes(e.notes());
            notes.setDecisions(e.decisions());
            return notesPage(model, e, notes, form);
        }
        redirect.addFlashAttribute("success", "Action added");
        return "redirect:/diary/engagements/" + id + "/notes";
    }

    @GetMapping("/diary/actions/mine")
    @PreAuthorize(DiaryController.STAFF)
    String myActions(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("actions", queries.openActionsOf(user.id(), 100));
        return "diary/actions";
    }

    @PostMapping("/diary/actions/{id}/done")
    @PreAuthorize(DiaryController.STAFF)
    String actionDone(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        diary.actionDone(id, user);
        redirect.addFlashAttribute("success", "Action marked as done");
        return "redirect:/diary/actions/mine";
    }

    @GetMapping("/stakeholders")
    @PreAuthorize(DiaryController.KEEPERS)
    String stakeholders(@ModelAttribute("form") PersonForm form, Model model) {
        model.addAttribute("recent", queries.stakeholders(50));
        model.addAttribute("matches", form.getQ() == null || form.getQ().isBlank() ? List.of() : people.search(form.getQ(), 20));
        return "diary/stakeholders";
    }

    @GetMapping("/stakeholders/{id}")
    @PreAuthorize(DiaryController.KEEPERS)
    String stakeholder(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("history", queries.stakeholder(id, user));
        return "diary/stakeholder";
    }

    private String peoplePage(Model model, EngagementDetail e, PersonForm form) {
        model.addAttribute("e", e);
        model.addAttribute("form", form);
        model.addAttribute("matches", form.getQ() == null || form.getQ().isBlank() ? List.of() : people.search(form.getQ(), 20));
        return "diary/people";
    }

    private String notesPage(Model model, EngagementDetail e, NotesForm form, ActionForm actionForm) {
        model.addAttribute("e", e);
        model.addAttribute("form", form);
        model.addAttribute("actionForm", actionForm);
        model.addAttribute("staffOptions", options.staff());
        return "diary/notes";
    }
}
