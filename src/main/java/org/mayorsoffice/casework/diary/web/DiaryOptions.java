package org.mayorsoffice.casework.diary.web;

import java.util.Arrays;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseDesk;
import org.mayorsoffice.casework.diary.internal.DiaryDirectory;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.BriefingStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementKind;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.EngagementStatus;
import org.mayorsoffice.casework.diary.internal.DiaryEnums.RequirementKind;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices the diary forms offer. */
@Component
class DiaryOptions {

    static final List<Option> KINDS = Arrays.stream(EngagementKind.values()).map(k -> Option.of(k.name(), k.label())).toList();
    static final List<Option> STATUSES = Arrays.stream(EngagementStatus.values()).map(k -> Option.of(k.name(), k.label())).toList();
    static final List<Option> REQUIREMENTS = Arrays.stream(RequirementKind.values()).map(k -> Option.of(k.name(), k.label())).toList();
    static final List<Option> BRIEFING_KINDS = Arrays.stream(BriefingKind.values()).map(k -> Option.of(k.name(), k.label())).toList();
    static final List<Option> BRIEFING_STATUSES = Arrays.stream(BriefingStatus.values()).map(k -> Option.of(k.name(), k.label())).toList();
    static final List<Option> PRIVACY = List.of(Option.of("OPEN", "Open: office staff can see the details"),
            Option.of("PRIVATE", "Private: shows only as \"Busy\" to caseworkers and the coordinator"));
    static final List<Option> YES_NO = List.of(Option.of("yes", "Yes"), Option.of("no", "No"));

    private final DiaryDirectory directory;
    private final OrganisationApi organisation;
    private final CaseDesk cases;

    DiaryOptions(DiaryDirectory directory, OrganisationApi organisation, CaseDesk cases) {
        this.directory = directory;
        this.organisation = organisation;
        this.cases = cases;
    }

    void engagement(Model model) {
        model.addAttribute("memberOptions", directory.memberOptions());
        model.addAttribute("kindOptions", KINDS);
        model.addAttribute("statusOptions", STATUSES);
        model.addAttribute("privacyOptions", PRIVACY);
        model.addAttribute("wardOptions", organisation.wardOptions());
        model.addAttribute("topicOptions", cases.topicOptions());
        model.addAttribute("staffOptions", directory.staffOptions());
    }

    List<Option> members() {
        return directory.memberOptions();
    }

    List<Option> staff() {
        return directory.staffOptions();
    }

    List<Option> caseTypes() {
        return cases.caseTypeOptions();
    }
}
