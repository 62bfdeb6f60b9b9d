package org.mayorsoffice.casework.cases.internal;

import java.time.LocalDate;
import java.util.List;
import org.mayorsoffice.casework.cases.CaseEnums.Channel;
import org.mayorsoffice.casework.cases.CaseEnums.Confidentiality;
import org.mayorsoffice.casework.cases.CaseEnums.LawfulBasis;
import org.mayorsoffice.casework.cases.CaseEnums.Priority;

/** What the case pages ask the service to do. */
public final class CaseCommands {

    private CaseCommands() {}

    public record OpenCase(long caseTypeId, Channel channel, String subject, String description, Long topicId,
            Long portfolioId, Long wardId, Long memberId, Priority priority, Confidentiality confidentiality,
            LawfulBasis lawfulBasis, boolean specialCategory, LocalDate receivedOn, List<Long> personIds) {}

    public record CaseChanges(String subject, String description, Long topicId, Long portfolioId, Long wardId,
            Long memberId, Priority priority, Confidentiality confidentiality, LawfulBasis lawfulBasis,
            boolean specialCategory, long version) {}
}
