package org.mayorsoffice.casework.identity;

import java.util.List;
import org.mayorsoffice.casework.shared.web.Option;

/** What other modules may ask about members and portfolios. */
public interface MemberDirectory {

    /** Active members, the Mayor first. */
    List<Option> memberOptions();

    /** Active portfolios by name. */
    List<Option> portfolioOptions();
}
