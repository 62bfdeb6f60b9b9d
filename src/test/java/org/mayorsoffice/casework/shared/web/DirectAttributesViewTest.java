package org.mayorsoffice.casework.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mayorsoffice.casework.identity.Role;
import org.mayorsoffice.casework.support.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** Pages are rendered with their variables read from the request that holds them (DirectAttributesView). */
class DirectAttributesViewTest extends WebTest {

    @Autowired
    ThymeleafViewResolver resolver;

    @Test
    void pagesAreRenderedByTheDirectAttributesView() throws Exception {
        View view = resolver.resolveViewName("cases/note", Locale.UK);
        assertThat(view).isInstanceOf(DirectAttributesView.class);
    }

    @Test
    void wrappersThatOnlyHandAttributesOnAreSkippedAndOneThatChangesThemIsKept() {
        MockHttpServletRequest container = new MockHttpServletRequest();
        HttpServletRequest wrapped = new HttpServletRequestWrapper(new HttpServletRequestWrapper(container) {
            @Override
            public String getMethod() {
                return "GET";
            }
        });
        assertThat(DirectAttributesView.attributeHolder(wrapped)).isSameAs(container);

        HttpServletRequestWrapper ownAttributes = new HttpServletRequestWrapper(container) {
            @Override
            public Object getAttribute(String name) {
                return "error.status".equals(name) ? 404 : super.getAttribute(name);
            }
        };
        assertThat(DirectAttributesView.attributeHolder(new HttpServletRequestWrapper(ownAttributes))).isSameAs(ownAttributes);
        assertThat(DirectAttributesView.attributeHolder(container)).isSameAs(container);
    }

    @Test
    void aPageStillShowsItsModelAndItsFormToken() throws Exception {
        mvc.perform(get("/cases/mine").with(as(Role.CASEWORKER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">My cases</h1>")))
                .andExpect(content().string(containsString("name=\"_csrf\" value=\"")));
    }
}
