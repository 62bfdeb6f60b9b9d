package org.mayorsoffice.casework.support;

import java.util.EnumSet;
import org.mayorsoffice.casework.identity.CurrentUser;
import org.mayorsoffice.casework.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Base for tests that drive the real application through MockMvc on the shared context. */
@IntegrationTest
@AutoConfigureMockMvc
public abstract class WebTest {

    @Autowired
    protected MockMvc mvc;

    /**
     * A streamed download (CSV, XLSX, ZIP ...): performs the request, waits up to a minute for the body to be
     * written (a busy machine can take longer than MockMvc's default 10 seconds), and returns the finished response.
     */
    protected MvcResult download(RequestBuilder request) throws Exception {
        MvcResult started = mvc.perform(request).andExpect(MockMvcResultMatchers.request().asyncStarted()).andReturn();
        started.getAsyncResult(60_000);
        return mvc.perform(MockMvcRequestBuilders.asyncDispatch(started)).andReturn();
    }

    /** A signed-in user holding exactly these roles (not stored in the database). */
    protected static RequestPostProcessor as(Role first, Role... rest) {
        EnumSet<Role> roles = EnumSet.of(first, rest);
        CurrentUser principal = new CurrentUser(-1, "test." + first.name().toLowerCase(), "Test " + first.label(), "",
                roles, null, true, null, false);
        return user(principal);
    }
}
