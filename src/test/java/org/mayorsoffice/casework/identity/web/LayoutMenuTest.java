package org.mayorsoffice.casework.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The service navigation's markup, built once per menu and page: the current link marked, everything escaped. */
class LayoutMenuTest {

    @Test
    void theCurrentLinkIsActiveWithAriaCurrentAndOthersArePlainLinks() {
        String html = LayoutAdvice.menuHtml("/casework", List.of(
                new LayoutAdvice.NavItem("Home", "/home/caseworker", false),
                new LayoutAdvice.NavItem("My cases", "/cases/mine", true)));
        assertThat(html).isEqualTo("""
                <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/casework/home/caseworker">Home</a></li>
                <li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="/casework/cases/mine" aria-current="page"><strong class="govuk-service-navigation__active-fallback">My cases</strong></a></li>
                """);
    }

    @Test
    void labelsAndLinksAreEscaped() {
        String html = LayoutAdvice.menuHtml("", List.of(new LayoutAdvice.NavItem("Q&A <b>", "/a?x=\"1\"", false)));
        assertThat(html).contains("Q&amp;A &lt;b&gt;", "href=\"/a?x=&quot;1&quot;\"").doesNotContain("<b>");
    }
}
