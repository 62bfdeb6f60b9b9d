package org.mayorsoffice.casework.cases;

import java.util.List;
import org.mayorsoffice.casework.cases.CaseViews.ActionRow;
import org.mayorsoffice.casework.cases.CaseViews.BoardRow;
import org.mayorsoffice.casework.cases.CaseViews.CaseCounts;
import org.mayorsoffice.casework.cases.CaseViews.CaseRow;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.shared.web.PageView;

/** The work queues other modules (home pages) may show; every result respects case confidentiality. */
public interface CaseworkQueue {

    /** Open cases allocated to the user, soonest deadline first. */
    PageView<CaseRow> myCases(CurrentUser user, int page);

    long myOverdueCount(CurrentUser user);

    /** The user's open follow-up actions, overdue first. */
    List<ActionRow> myActions(CurrentUser user, int limit);

    /** New unallocated cases, oldest first. */
    PageView<CaseRow> triage(CurrentUser user, int page);

    List<BoardRow> board(CurrentUser user);

    CaseCounts counts(CurrentUser user);

    /** Open cases handled on behalf of the user's member record. */
    PageView<CaseRow> memberCases(CurrentUser user, int page);
}
