package org.mayorsoffice.casework.cases.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Outcome;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;
import org.mayorsoffice.casework.cases.internal.CaseQueries;
import org.mayorsoffice.casework.identity.MemberDirectory;
import org.mayorsoffice.casework.organisation.OrganisationApi;
import org.mayorsoffice.casework.shared.web.Option;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices the case forms offer. */
@Component
class CaseOptions {

    private final CaseQueries queries;
    private final OrganisationApi organisation;
    private final MemberDirectory members;

    CaseOptions(CaseQueries queries, OrganisationApi organisation, MemberDirectory members) {
        this.queries = queries;
        this.organisation = organisation;
        this.members = members;
    }

    void addTo(Model model) {
        model.addAttribute("caseTypeOptions", queries.caseTypeOptions());
        model.addAttribute("channelOptions", of(Channel.values(), Channel::label));
        model.addAttribute("topicOptions", queries.topicOptions());
        model.addAttribute("portfolioOptions", members.portfolioOptions());
        model.addAttribute("wardOptions", organisation.wardOptions());
        model.addAttribute("memberOptions", members.memberOptions());
        model.addAttribute("priorityOptions", of(Priority.values(), Priority::label));
        model.addAttribute("confidentialityOptions", Arrays.stream(Confidentiality.values())
                .map(c -> Option.of(c.name(), c.label() + ": " + c.hint().toLowerCase())).toList());
        model.addAttribute("lawfulBasisOptions", of(LawfulBasis.values(), LawfulBasis::label));
        model.addAttribute("outcomeOptions", outcomeOptions());
        model.addAttribute("yesNoOptions", List.of(Option.of("true", "Yes"), Option.of("false", "No")));
    }

    static List<Option> outcomeOptions() {
        return of(Outcome.values(), Outcome::label);
    }

    static <E extends Enum<E>> List<Option> of(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(v -> Option.of(v.name(), label.apply(v))).toList();
    }
}
