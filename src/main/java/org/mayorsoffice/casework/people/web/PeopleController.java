package org.mayorsoffice.casework.people.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.organisation.OrganisationApi.Named;
import org.mayorsoffice.casework.people.PeopleApi.PersonSummary;
import org.mayorsoffice.casework.people.internal.PeopleService;
import org.mayorsoffice.casework.people.internal.PersonEnums.ConsentMethod;
import org.mayorsoffice.casework.people.internal.PersonEnums.PersonKind;
import org.mayorsoffice.casework.people.internal.PersonEnums.PreferredContact;
import org.mayorsoffice.casework.people.internal.PersonRules;
import org.mayorsoffice.casework.people.internal.PersonViews.Created;
import org.mayorsoffice.casework.people.internal.PersonViews.Merged;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonData;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonDetail;
import org.mayorsoffice.casework.people.internal.PersonViews.PersonRow;
import org.mayorsoffice.casework.people.internal.Postcodes;
import org.mayorsoffice.casework.shared.validation.ConcurrentEditException;
import org.mayorsoffice.casework.shared.validation.NotFoundException;
import org.mayorsoffice.casework.shared.validation.RuleViolationException;
import org.mayorsoffice.casework.shared.web.FormErrors;
import org.mayorsoffice.casework.shared.web.Option;
import org.mayorsoffice.casework.shared.web.SummaryRow;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people directory: list and search, add, view, change, and merge duplicates. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER', 'HEAD_OF_OFFICE')")
class PeopleController {

    /** The longest search text used; a name, postcode or email address is far shorter. */
    static final int MAX_QUERY = 200;

    private static final String MERGERS = "hasAnyRole('COORDINATOR', 'HEAD_OF_OFFICE')";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(java.time.ZoneId.of("Europe/London"));

    /** A possible duplicate shown above the form: a link and what identifies them. */
    record DuplicateView(long id, String displayName, String detail) {}

    private final PeopleService people;

    PeopleController(PeopleService people) {
        this.people = people;
    }

    @InitBinder("form")
    void personFields(WebDataBinder binder) {
        binder.setAllowedFields(PersonForm.FIELDS);
    }

    @InitBinder("mergeForm")
    void mergeFields(WebDataBinder binder) {
        binder.setAllowedFields(MergeForm.FIELDS);
    }

    @GetMapping("/people")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
        String query = searchText(q);
        model.addAttribute("q", query);
        model.addAttribute("people", people.page(query, Math.max(page, 1) - 1));
        return "people/list";
    }

    @GetMapping("/people/new")
    String newPerson(Model model) {
        PersonForm form = new PersonForm();
        form.setKind(PersonKind.RESIDENT);
        return formPage(model, form, List.of(), "people/new");
    }

    @PostMapping("/people")
    String create(@Validated @ModelAttribute("form") PersonForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        checkRules(form, result);
        List<PersonRow> duplicates = people.possibleDuplicates(form.getEmail(), form.getLastName(), form.getPostcode(), null);
        boolean unconfirmedDuplicates = !duplicates.isEmpty() && !form.isConfirmNotDuplicate();
        if (unconfirmedDuplicates && form.isDuplicateWarningShown()) {
            result.rejectValue("confirmNotDuplicate", "duplicate",
                    "Select 'Save as a new person anyway' if this is not one of the people listed");
        }
        Created created = null;
        if (!result.hasErrors() && !unconfirmedDuplicates) {
            try {
                created = people.create(form.toData(), user.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            }
        }
        if (created == null) {
            form.setDuplicateWarningShown(!duplicates.isEmpty());
            return formPage(model, form, duplicates, "people/new");
        }
        String message = created.displayName() + " added to the directory";
        if (created.suggestedWardName() != null) {
            message += ". Ward set to " + created.suggestedWardName()
                    + " from the postcode: change it if it is not right";
        }
        redirect.addFlashAttribute("success", message);
        return "redirect:/people/" + created.id();
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        PersonDetail person = people.get(id);
        if (person.merged()) {
            return toSurvivor(person, redirect);
        }
        model.addAttribute("person", person);
        model.addAttribute("rows", summary(person, true));
        model.addAttribute("sensitiveNotes", person.accessibilityNotes() == null ? List.of()
                : Arrays.stream(person.accessibilityNotes().split("\\R")).filter(l -> !l.isBlank()).toList());
        model.addAttribute("canMerge", user.hasRole(Role.COORDINATOR) || user.hasRole(Role.HEAD_OF_OFFICE));
        model.addAttribute("canErase", user.hasRole(Role.HEAD_OF_OFFICE));
        return "people/show";
    }

    @GetMapping("/people/{id}/edit")
    String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
        PersonDetail person = people.get(id);
        if (person.merged()) {
            return toSurvivor(person, redirect);
        }
        model.addAttribute("person", person);
        return formPage(model, PersonForm.of(person), List.of(), "people/edit");
    }

    @PostMapping("/people/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") PersonForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        PersonDetail person = people.get(id);
        checkRules(form, result);
        if (!result.hasErrors()) {
            try {
                people.update(id, form.toData(), form.getVersion(), user.getUsername());
            } catch (RuleViolationException e) {
                FormErrors.reject(result, e);
            } catch (ConcurrentEditException e) {
                FormErrors.reject(result, e);
                form.setVersion(e.currentVersion());
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("person", person);
            return formPage(model, form, List.of(), "people/edit");
        }
        redirect.addFlashAttribute("success", "Changes to " + person.displayName() + " saved");
        return "redirect:/people/" + id;
    }

    @GetMapping("/people/{id}/merge")
    @PreAuthorize(MERGERS)
    String chooseDuplicate(@PathVariable long id, @RequestParam(required = false) String q, Model model,
            RedirectAttributes redirect) {
        PersonDetail kept = people.get(id);
        if (kept.merged()) {
            return toSurvivor(kept, redirect);
        }
        MergeForm form = new MergeForm();
        form.setQ(q != null ? q.strip() : Objects.requireNonNullElse(kept.lastName(), kept.organisationName()));
        return choosePage(model, kept, form);
    }

    @PostMapping("/people/{id}/merge")
    @PreAuthorize(MERGERS)
    String merge(@PathVariable long id, @Validated @ModelAttribute("mergeForm") MergeForm form, BindingResult result,
            @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
        PersonDetail kept = people.get(id);
        if (kept.merged()) {
            return toSurvivor(kept, redirect);
        }
        if (!result.hasErrors() && form.getDuplicateId() == id) {
            result.rejectValue("duplicateId", "self", "Select a different record: a record cannot be merged into itself");
        }
        PersonDetail duplicate = null;
        if (!result.hasErrors()) {
            try {
                duplicate = people.get(form.getDuplicateId());
                if (duplicate.merged()) {
                    result.rejectValue("duplicateId", "merged", "That record has already been merged into another record");
                }
            } catch (NotFoundException e) {
                result.rejectValue("duplicateId", "missing", "Select the duplicate record from the list");
            }
        }
        if (result.hasErrors()) {
            return choosePage(model, kept, form);
        }
        if (!form.isConfirm() || form.getKeptVersion() == null || form.getDuplicateVersion() == null) {
            form.setKeptVersion(kept.version());
            form.setDuplicateVersion(duplicate.version());
            return confirmPage(model, kept, duplicate, form);
        }
        Merged merged;
        try {
            merged = people.merge(id, form.getDuplicateId(), form.getKeptVersion(), form.getDuplicateVersion(),
                    user.getUsername());
        } catch (RuleViolationException e) {
            FormErrors.reject(result, e);
            return e.field() == null ? confirmPage(model, kept, duplicate, form) : choosePage(model, kept, form);
        } catch (ConcurrentEditException e) {
            result.reject("concurrentEdit", "Someone else changed one of these records while you were checking them."
                    + " They have not been merged: check the details below and merge again.");
            PersonDetail freshKept = people.get(id);
            PersonDetail freshDuplicate = people.get(form.getDuplicateId());
            form.setKeptVersion(freshKept.version());
            form.setDuplicateVersion(freshDuplicate.version());
            return confirmPage(model, freshKept, freshDuplicate, form);
        }
        String message = merged.mergedName() + " (record " + form.getDuplicateId() + ") merged into this record";
        if (!merged.filledFields().isEmpty()) {
            message += ". Filled in from the duplicate: " + String.join(", ", merged.filledFields());
        }
        redirect.addFlashAttribute("success", message);
        return "redirect:/people/" + id;
    }

    // ---------------------------------------------------------------- pages

    private String formPage(Model model, PersonForm form, List<PersonRow> duplicates, String view) {
        String wardHint = "Leave blank if you do not know it.";
        if ("people/new".equals(view)) {
            wardHint += " For a postcode in E1, E1W, E2, E3 or E14 we suggest a ward, which you can change.";
            if (form.getWardId() == null && Postcodes.isValid(form.getPostcode())) {
                Optional<Named> suggested = people.suggestedWard(form.getPostcode());
                if (suggested.isPresent()) {
                    form.setWardId(suggested.get().id());
                    wardHint = "We suggested " + suggested.get().name() + " from the postcode district "
                            + Postcodes.district(form.getPostcode()) + ". Check it is right, or choose another ward.";
                }
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("duplicates", duplicates.stream().map(PeopleController::duplicateLine).toList());
        model.addAttribute("wardHint", wardHint);
        model.addAttribute("wardOptions", people.wardOptions());
        model.addAttribute("kindOptions", Arrays.stream(PersonKind.values()).map(k -> Option.of(k.name(), k.label())).toList());
        model.addAttribute("contactOptions",
                Arrays.stream(PreferredContact.values()).map(c -> Option.of(c.name(), c.label())).toList());
        model.addAttribute("consentOptions", List.of(Option.of("true", "Yes"), Option.of("false", "No")));
        model.addAttribute("consentMethodOptions",
                Arrays.stream(ConsentMethod.values()).map(m -> Option.of(m.name(), m.label())).toList());
        return view;
    }

    private String choosePage(Model model, PersonDetail kept, MergeForm form) {
        String q = searchText(form.getQ());
        List<PersonSummary> candidates = q.isEmpty() ? List.of()
                : people.search(q, 50).stream().filter(p -> p.id() != kept.id()).toList();
        model.addAttribute("person", kept);
        model.addAttribute("mergeForm", form);
        model.addAttribute("q", q);
        model.addAttribute("candidateOptions", candidates.stream()
                .map(p -> Option.of(p.id(), Stream.of(p.displayName(), p.postcode(), p.email(), "record " + p.id())
                        .filter(Objects::nonNull).collect(Collectors.joining(", "))))
                .toList());
        return "people/merge";
    }

    private String confirmPage(Model model, PersonDetail kept, PersonDetail duplicate, MergeForm form) {
        model.addAttribute("person", kept);
        model.addAttribute("duplicate", duplicate);
        model.addAttribute("mergeForm", form);
        model.addAttribute("keptRows", summary(kept, false));
        model.addAttribute("duplicateRows", summary(duplicate, false));
        return "people/merge-confirm";
    }

    private static String toSurvivor(PersonDetail person, RedirectAttributes redirect) {
        redirect.addFlashAttribute("important", person.displayName() + " (record " + person.id()
                + ") was merged into this record, so you have been brought here instead");
        return "redirect:/people/" + person.mergedIntoId();
    }

    /** Adds every broken record rule to the form, except on fields that already show an error. */
    private void checkRules(PersonForm form, BindingResult result) {
        if (form.isConsentToShare() && form.consentDateTyped() && form.getConsentDate() == null) {
            result.rejectValue("consentDate", "invalid", "Date consent was given must be a real date, like 27 3 2026");
        }
        PersonData data = form.toData();
        for (PersonRules.Problem problem : PersonRules.problems(data, people.today())) {
            if (!result.hasFieldErrors(problem.field())) {
                result.rejectValue(problem.field(), "rule", problem.message());
            }
        }
    }

    private static DuplicateView duplicateLine(PersonRow row) {
        return new DuplicateView(row.id(), row.displayName(), Stream.of(row.kind(), row.postcode(), row.email(), row.wardName())
                .filter(Objects::nonNull).collect(Collectors.joining(", ")));
    }

    private static List<SummaryRow> summary(PersonDetail p, boolean withAdded) {
        String personal = Stream.of(p.title(), p.firstName(), p.lastName()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        String address = Stream.of(p.addressLine1(), p.addressLine2(), p.town(), p.postcode()).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String consent = !p.consentToShare() ? "No"
                : "Yes, " + (p.consentMethod() == null ? "" : lowerFirst(p.consentMethod().label()) + " ")
                        + (p.consentDate() == null ? "" : "on " + DATE.format(p.consentDate()));
        List<SummaryRow> rows = new ArrayList<>(List.of(
                SummaryRow.of("Record number", String.valueOf(p.id())),
                SummaryRow.of("Type", p.kind().label()),
                SummaryRow.of("Name", personal),
                SummaryRow.of("Organisation", p.organisationName()),
                SummaryRow.of("Email", p.email()),
                SummaryRow.of("Phone", p.phone()),
                SummaryRow.of("Mobile", p.mobile()),
                SummaryRow.of("Address", address),
                SummaryRow.of("Ward", p.wardName()),
                SummaryRow.of("Preferred contact", p.preferredContact().label()),
                SummaryRow.of("Preferred language", p.preferredLanguage()),
                SummaryRow.of("Consent to share with council services", consent.strip())));
        if (withAdded) {
            rows.add(SummaryRow.of("Added", (p.createdAt() == null ? "" : WHEN.format(p.createdAt()) + " by ") + p.createdBy()));
        } else {
            rows.add(SummaryRow.of("Accessibility or vulnerability notes", p.accessibilityNotes() == null ? "None" : "Recorded"));
        }
        return rows;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** What was typed in a search box, stripped and cut to {@link #MAX_QUERY} characters (longer finds nothing more). */
    private static String searchText(String q) {
        String text = q == null ? "" : q.strip();
        return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
    }
}
