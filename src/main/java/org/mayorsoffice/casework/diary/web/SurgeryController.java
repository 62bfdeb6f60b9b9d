package org.mayorsoffice.casework.diary.web;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.diary.internal.DiaryTimes;
import org.mayorsoffice.casework.diary.internal.DiaryViews.AttendanceRow;
import org.mayorsoffice.casework.diary.internal.DiaryViews.SurgeryDetail;
import org.mayorsoffice.casework.diary.internal.SurgeryService;
import org.mayorsoffice.casework.diary.internal.SurgeryService.NewSurgery;
import org.mayorsoffice.casework.diary.internal.SurgeryService.Resident;
import org.mayorsoffice.casework.diary.web.Forms.AttendeeForm;
import org.mayorsoffice.casework.diary.web.Forms.CaseForm;
import org.mayorsoffice.casework.diary.web.Forms.SurgeryForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.people.PeopleApi;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Surgeries: scheduling, booking slots, walk-ins, and opening a case from an attendance. */
@Controller
class SurgeryController {

    private final SurgeryService surgeries;
    private final PeopleApi people;
    private final DiaryOptions options;

    SurgeryController(SurgeryService surgeries, PeopleApi people, DiaryOptions options) {
        this.surgeries = surgeries;
        this.people = people;
        this.options = options;
    }

    @GetMapping("/surgeries")
    @PreAuthorize(DiaryController.KEEPERS)
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("surgeries", surgeries.list(user));
        return "surgeries/list";
    }

    @GetMapping("/surgeries/new")
    @PreAuthorize(DiaryController.KEEPERS)
    String newSurgery(Model model) {
        return formPage(model, new SurgeryForm());
    }

    @PostMapping("/surgeries")
    @PreAuthorize(DiaryController.KEEPERS)
    String schedule(@ModelAttribute("form") SurgeryForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        LocalDate day = Forms.date(result, "heldOn", form.getHeldOnDay(), form.getHeldOnMonth(), form.getHeldOnYear(), true,
                "the date of the surgery");
        var start = DiaryTimes.parseTime(form.getStartTime());
        var end = DiaryTimes.parseTime(form.getEndTime());
        if (!Forms.blank(form.getStartTime()) && start == null) {
            result.addError(new FieldError("form", "startTime", "Start time must be a real time, for example 10:00"));
        }
        if (!Forms.blank(form.getEndTime()) && end == null) {
            result.addError(new FieldError("form", "endTime", "End time must be a real time, for example 12:00"));
        }
        Integer minutes = null;
        try {
            minutes = Forms.blank(form.getSlotMinutes()) ? null : Integer.valueOf(form.getSlotMinutes().strip());
        } catch (NumberFormatException e) {
            result.addError(new FieldError("form", "slotMinutes", "Slot length must be a number of minutes, like 15"));
        }
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = surgeries.schedule(new NewSurgery(Forms.id(form.getMemberId()), form.getVenue(), day, start, end, minutes), user);
            } catch (RuleViolationException e) {
                Forms.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return formPage(model, form);
        }
        redirect.addFlashAttribute("success", "Surgery scheduled and added to the diary");
        return "redirect:/surgeries/" + id;
    }

    @GetMapping("/surgeries/{id}")
    @PreAuthorize(DiaryController.KEEPERS)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("s", surgeries.detail(id, user));
        return "surgeries/show";
    }

    @GetMapping("/surgeries/{id}/book")
    @PreAuthorize(DiaryController.KEEPERS)
    String bookPage(@PathVariable long id, @RequestParam(required = false) Long slotId, @RequestParam(defaultValue = "false") boolean walkIn,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        AttendeeForm form = new AttendeeForm();
        form.setSlotId(slotId == null ? null : slotId.toString());
        return attendeePage(model, surgeries.detail(id, user), form, walkIn);
    }

    @PostMapping("/surgeries/{id}/bookings")
    @PreAuthorize(DiaryController.KEEPERS)
    String book(@PathVariable long id, @ModelAttribute("form") AttendeeForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        return attend(id, form, result, action, false, user, model, redirect);
    }

    @PostMapping("/surgeries/{id}/walk-ins")
    @PreAuthorize(DiaryController.KEEPERS)
    String walkIn(@PathVariable long id, @ModelAttribute("form") AttendeeForm form, BindingResult result,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal CurrentUser user, Model model,
            RedirectAttributes redirect) {
        return attend(id, form, result, action, true, user, model, redirect);
    }

    private String attend(long id, AttendeeForm form, BindingResult result, String action, boolean walkIn, CurrentUser user,
            Model model, RedirectAttributes redirect) {
        SurgeryDetail s = surgeries.detail(id, user);
        if ("search".equals(action)) {
            return attendeePage(model, s, form, walkIn);
        }
        try {
            Resident resident = new Resident(Forms.id(form.getPersonId()), form.getName(), form.getEmail());
            if (walkIn) {
                surgeries.walkIn(id, resident, form.getNotes(), user);
            } else {
                surgeries.book(id, Forms.id(form.getSlotId()), resident, user);
            }
        } catch (RuleViolationException e) {
            Forms.reject(result, e);
            return attendeePage(model, surgeries.detail(id, user), form, walkIn);
        }
        redirect.addFlashAttribute("success", walkIn ? "Walk-in recorded" : "Slot booked");
        return "redirect:/surgeries/" + id;
    }

    @GetMapping("/surgeries/{id}/attendances/{attendanceId}/case")
    @PreAuthorize(DiaryController.KEEPERS)
    String casePage(@PathVariable long id, @PathVariable long attendanceId, @AuthenticationPrincipal CurrentUser user, Model model) {
        SurgeryDetail s = surgeries.detail(id, user);
        AttendanceRow a = attendance(s, attendanceId);
        CaseForm form = new CaseForm();
        form.setDescription(a.notes());
        return casePage(model, s, a, form);
    }

    @PostMapping("/surgeries/{id}/attendances/{attendanceId}/case")
    @PreAuthorize(DiaryController.KEEPERS)
    String openCase(@PathVariable long id, @PathVariable long attendanceId, @ModelAttribute("form") CaseForm form,
            BindingResult result, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        SurgeryDetail s = surgeries.detail(id, user);
        AttendanceRow a = attendance(s, attendanceId);
        long caseId;
        try {
            caseId = surgeries.openCase(id, attendanceId, Forms.id(form.getCaseTypeId()), form.getSubject(), form.getDescription(), user);
        } catch (RuleViolationException e) {
            Forms.reject(result, e);
            return casePage(model, s, a, form);
        }
        redirect.addFlashAttribute("success", "Case opened from the surgery for " + a.resident());
        return "redirect:/cases/" + caseId;
    }

    private static AttendanceRow attendance(SurgeryDetail s, long attendanceId) {
        return s.attendances().stream().filter(a -> a.id() == attendanceId).findFirst()
                .orElseThrow(() -> new NotFoundException("Attendance"));
    }

    private String formPage(Model model, SurgeryForm form) {
        model.addAttribute("form", form);
        model.addAttribute("memberOptions", options.members());
        return "surgeries/new";
    }

    private String attendeePage(Model model, SurgeryDetail s, AttendeeForm form, boolean walkIn) {
        model.addAttribute("s", s);
        model.addAttribute("form", form);
        model.addAttribute("walkIn", walkIn);
        model.addAttribute("slotOptions", s.freeSlots().stream().map(x -> Option.of(x.id(), x.time())).toList());
        model.addAttribute("matches", form.getQ() == null || form.getQ().isBlank() ? List.of() : people.search(form.getQ(), 20));
        return "surgeries/attend";
    }

    private String casePage(Model model, SurgeryDetail s, AttendanceRow a, CaseForm form) {
        model.addAttribute("s", s);
        model.addAttribute("a", a);
        model.addAttribute("form", form);
        model.addAttribute("caseTypeOptions", options.caseTypes());
        return "surgeries/case";
    }
}
