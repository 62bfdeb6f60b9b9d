package org.mayorsoffice.casework.diary.web;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.diary.internal.DiaryAccess;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.RequirementKind;
import org.mayorsoffice.casework.diary.internal.DiaryQueries;
import org.mayorsoffice.casework.diary.internal.DiaryService;
import org.mayorsoffice.casework.diary.internal.DiaryTimes;
import org.mayorsoffice.casework.diary.internal.DiaryViews.EngagementDetail;
import org.mayorsoffice.casework.diary.internal.EngagementCommand;
import org.mayorsoffice.casework.diary.web.Forms.EngagementForm;
import org.mayorsoffice.casework.diary.web.Forms.RequirementForm;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Diaries: the office week, a member's day/week/agenda, an engagement's page, adding and changing engagements. */
@Controller
class DiaryController {

    static final String KEEPERS = "hasAnyRole('CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')";
    static final String STAFF = "hasAnyRole('CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE', 'COORDINATOR', 'CASEWORKER')";
    static final String READERS = "hasAnyRole('CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE', 'COORDINATOR', 'CASEWORKER', 'MEMBER')";
    static final String KEEPERS_AND_MEMBERS = "hasAnyRole('CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE', 'MEMBER')";

    private final DiaryService diary;
    private final DiaryQueries queries;
    private final DiaryOptions options;

    DiaryController(DiaryService diary, DiaryQueries queries, DiaryOptions options) {
        this.diary = diary;
        this.queries = queries;
        this.options = options;
    }

    @GetMapping("/diary")
    @PreAuthorize(READERS)
    String office(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        if (!DiaryAccess.readsAll(user)) {
            if (user.memberId() == null) {
                throw new NotFoundException("Diary");
            }
            return "redirect:/diary/members/" + user.memberId();
        }
        model.addAttribute("week", queries.officeWeek(date, user));
        model.addAttribute("canKeep", DiaryAccess.keeps(user));
        return "diary/office";
    }

    @GetMapping("/diary/members/{id}")
    @PreAuthorize(READERS)
    String member(@PathVariable long id, @RequestParam(defaultValue = "week") String view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("diary", queries.memberDiary(id, view, date, user));
        model.addAttribute("canKeep", DiaryAccess.keeps(user));
        model.addAttribute("canManageFeed", DiaryAccess.keeps(user) || DiaryAccess.ownDiary(user, id));
        return "diary/member";
    }

    @GetMapping("/diary/engagements/new")
    @PreAuthorize(KEEPERS)
    String newEngagement(@RequestParam(required = false) Long memberId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        EngagementForm form = new EngagementForm();
        form.setMemberId(memberId == null ? null : memberId.toString());
        form.setStatus(EngagementStatus.CONFIRMED.name());
        Forms.setDate(date, form::setDateDay, form::setDateMonth, form::setDateYear);
        return formPage(model, form, null);
    }

    @PostMapping("/diary/engagements")
    @PreAuthorize(KEEPERS)
    String create(@ModelAttribute("form") EngagementForm form, BindingResult result, @AuthenticationPrincipal CurrentUser user,
            Model model, RedirectAttributes redirect) {
        EngagementCommand command = command(form, result);
        long id = 0;
        if (!result.hasErrors()) {
            try {
                id = diary.create(command, user);
            } catch (RuleViolationException e) {
                Forms.reject(result, e);
            }
        }
        if (result.hasErrors()) {
            return formPage(model, form, null);
        }
        redirect.addFlashAttribute("success", "Engagement added to the diary" + clashNote(id, command));
        return "redirect:/diary/engagements/" + id;
    }

    @GetMapping("/diary/engagements/{id}")
    @PreAuthorize(READERS)
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        EngagementDetail e = queries.detail(id, user);
        model.addAttribute("e", e);
        model.addAttribute("canKeep", DiaryAccess.keeps(user));
        model.addAttribute("canPack", DiaryAccess.seesPrivate(user, e.memberId()));
        return "diary/engagement";
    }

    @GetMapping("/diary/engagements/{id}/edit")
    @PreAuthorize(KEEPERS)
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        EngagementDetail e = queries.detail(id, user);
        EngagementForm form = new EngagementForm();
        form.setMemberId(String.valueOf(e.memberId()));
        form.setTitle(e.title());
        form.setKind(e.kindCode());
        Forms.setDate(e.date(), form::setDateDay, form::setDateMonth, form::setDateYear);
        form.setStartTime(DiaryTimes.hhmm(e.startTime()));
        form.setEndTime(DiaryTimes.hhmm(e.endTime()));
        form.setLocation(e.location());
        form.setExternalAttendees(e.externalAttendees());
        form.setAgenda(e.agenda());
        form.setStatus(e.statusCode());
        form.setPrivacy(e.isPrivate() ? "PRIVATE" : "OPEN");
        form.setWardId(e.wardId() == null ? null : e.wardId().toString());
        form.setTopicId(e.topicId() == null ? null : e.topicId().toString());
        form.setOfficeAttendeeIds(e.officeAttendeeIds().stream().map(String::valueOf).toList());
        form.setVersion(e.version());
        return formPage(model, form, e);
    }

    @PostMapping("/diary/engagements/{id}")
    @PreAuthorize(KEEPERS)
    String update(@PathVariable long id, @ModelAttribute("form") EngagementForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        EngagementDetail e = queries.detail(id, user);
        EngagementCommand command = command(form, result);
        if (!result.hasErrors()) {
            try {
                diary.update(id, command, user);
            } catch (RuleViolationException ex) {
                Forms.reject(result, ex);
            } catch (ConcurrentEditException ex) {
                FormErrors.reject(result, ex);
                form.setVersion(ex.currentVersion());
            }
        }
        if (result.hasErrors()) {
            return formPage(model, form, e);
        }
        redirect.addFlashAttribute("success", "Changes saved" + clashNote(id, command));
        return "redirect:/diary/engagements/" + id;
    }

    @GetMapping("/diary/engagements/{id}/requirements")
    @PreAuthorize(KEEPERS)
    String newRequirement(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        return requirementPage(model, queries.detail(id, user), new RequirementForm());
    }

    @PostMapping("/diary/engagements/{id}/requirements")
    @PreAuthorize(KEEPERS)
    String addRequirement(@PathVariable long id, @ModelAttribute("form") RequirementForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        EngagementDetail e = queries.detail(id, user);
        try {
            diary.addRequirement(id, Forms.enumValue(RequirementKind.class, form.getKind()), form.getDetails(),
                    "yes".equals(form.getArranged()), user);
        } catch (RuleViolationException ex) {
            Forms.reject(result, ex);
            return requirementPage(model, e, form);
        }
        redirect.addFlashAttribute("success", RequirementKind.valueOf(form.getKind()).label() + " added");
        return "redirect:/diary/engagements/" + id;
    }

    @PostMapping("/diary/engagements/{id}/requirements/{requirementId}/arranged")
    @PreAuthorize(KEEPERS)
    String arranged(@PathVariable long id, @PathVariable long requirementId, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        queries.detail(id, user);
        diary.markArranged(id, requirementId, user);
        redirect.addFlashAttribute("success", "Marked as arranged");
        return "redirect:/diary/engagements/" + id;
    }

    @PostMapping("/diary/engagements/{id}/status")
    @PreAuthorize(KEEPERS)
    String status(@PathVariable long id, @RequestParam(required = false) String status, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        queries.detail(id, user);
        EngagementStatus next = Forms.enumValue(EngagementStatus.class, status);
        if (next == null) {
            return "redirect:/diary/engagements/" + id;
        }
        diary.changeStatus(id, next, user);
        redirect.addFlashAttribute("success", "Engagement " + next.label().toLowerCase());
        return "redirect:/diary/engagements/" + id;
    }

    private String clashNote(long id, EngagementCommand command) {
        if (command.status() != EngagementStatus.CONFIRMED) {
            return "";
        }
        List<String> clashes = diary.overlapping(command.memberId(), DiaryTimes.at(command.date(), command.startTime()),
                DiaryTimes.at(command.date(), command.endTime()), id);
        return clashes.isEmpty() ? "" : ". It clashes with " + String.join(", ", clashes);
    }

    private EngagementCommand command(EngagementForm form, BindingResult result) {
        Forms.required(result, "memberId", form.getMemberId(), "Select whose diary it goes in");
        Forms.required(result, "title", form.getTitle(), "Enter a title");
        Forms.required(result, "kind", form.getKind(), "Select the type of engagement");
        Forms.required(result, "startTime", form.getStartTime(), "Enter the start time, for example 10:00");
        Forms.required(result, "endTime", form.getEndTime(), "Enter the end time, for example 11:30");
        Forms.required(result, "status", form.getStatus(), "Select the status");
        LocalDate date = Forms.date(result, "date", form.getDateDay(), form.getDateMonth(), form.getDateYear(), true,
                "the date of the engagement");
        var start = DiaryTimes.parseTime(form.getStartTime());
        var end = DiaryTimes.parseTime(form.getEndTime());
        if (!Forms.blank(form.getStartTime()) && start == null) {
            result.addError(new FieldError("form", "startTime", "Start time must be a real time, for example 10:00 or 2:30pm"));
        }
        if (!Forms.blank(form.getEndTime()) && end == null) {
            result.addError(new FieldError("form", "endTime", "End time must be a real time, for example 11:30 or 4pm"));
        }
        return new EngagementCommand(Forms.id(form.getMemberId()), form.getTitle(),
                Forms.enumValue(EngagementKind.class, form.getKind()), date, start, end, form.getLocation(),
                form.getExternalAttendees(), form.getAgenda(), Forms.enumValue(EngagementStatus.class, form.getStatus()),
                "PRIVATE".equals(form.getPrivacy()), Forms.id(form.getWardId()), Forms.id(form.getTopicId()),
                Forms.ids(form.getOfficeAttendeeIds()), form.getVersion());
    }

    private String formPage(Model model, EngagementForm form, EngagementDetail existing) {
        options.engagement(model);
        model.addAttribute("form", form);
        model.addAttribute("e", existing);
        return "diary/engagement-form";
    }

    private String requirementPage(Model model, EngagementDetail e, RequirementForm form) {
        model.addAttribute("e", e);
        model.addAttribute("form", form);
        model.addAttribute("kindOptions", DiaryOptions.REQUIREMENTS);
        model.addAttribute("yesNoOptions", DiaryOptions.YES_NO);
        return "diary/requirement";
    }
}
