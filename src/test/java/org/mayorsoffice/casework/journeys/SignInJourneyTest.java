package org.mayorsoffice.casework.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mayorsoffice.casework.support.browser.Accessibility;
import org.mayorsoffice.casework.support.browser.BrowserTest;
import org.mayorsoffice.casework.support.browser.BrowserSession;

/**
 * Each demo role signs in with headless Debian Chromium, sees its own home page and navigation,
 * and signs out; every page visited passes the axe WCAG 2.2 AA check.
 */
class SignInJourneyTest extends BrowserTest {

    static final String DEMO_PASSWORD = BrowserSession.DEMO_PASSWORD;

    record DemoUser(String username, String name, String homePath, String heading, List<String> navigation,
            List<String> hiddenNavigation) {}

    static List<DemoUser> demoUsers() {
        return List.of(
                new DemoUser("caseworker", "Amira Khan", "/home/caseworker", "My casework", List.of("Home", "My cases", "My actions"),
                        List.of("Users", "Triage")),
                new DemoUser("coordinator", "Tom Reilly", "/home/coordinator", "Casework coordination",
                        List.of("Home", "Triage", "Allocation board", "My actions", "Media", "Council questions"), List.of("Users")),
                new DemoUser("support", "Grace Obi", "/home/support-officer", "Cabinet support", List.of("Home", "My cases"),
                        List.of("Users", "Triage")),
                new DemoUser("mayor", "Aisha Rahman", "/home/member", "Your portfolio", List.of("Home", "Strategic plan"),
                        List.of("Users", "Triage", "My cases")),
                new DemoUser("head", "Helen Marsh", "/home/head-of-office", "Office overview",
                        List.of("Home", "Triage", "Allocation board"), List.of("Users")),
                new DemoUser("admin", "Sam Adeyemi", "/admin", "Administration", List.of("Home", "Users", "Members", "Portfolios"),
                        List.of("Triage", "My cases", "Strategic plan")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    void eachRoleSignsInSeesItsHomeAndNavigationAndSignsOut(DemoUser user) {
        Page page = browser.newPage();
        page.navigate("/");
        assertThat(page).hasURL(browser.baseUrl() + "/login");
        Accessibility.assertNoViolations(page);

        String sessionBefore = sessionCookie(page);
        page.getByLabel("Username").fill(user.username());
        page.getByLabel("Password").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page).hasURL(browser.baseUrl() + user.homePath());
        org.assertj.core.api.Assertions.assertThat(sessionCookie(page))
                .as("the session id changes on sign-in").isNotNull().isNotEqualTo(sessionBefore);
        assertThat(page.locator("h1")).hasText(user.heading());
        assertThat(page.locator(".app-header")).containsText(user.name());
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"));
        for (String link : user.navigation()) {
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link).setExact(true))).isVisible();
        }
        for (String link : user.hiddenNavigation()) {
            assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link).setExact(true))).hasCount(0);
        }
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "home-" + user.username());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(browser.baseUrl() + "/login?signedOut");
        assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out");
        assertThat(page.locator(".govuk-notification-banner__title")).hasText("Success");
        Accessibility.assertNoViolations(page);
        page.navigate(user.homePath());
        assertThat(page).hasURL(browser.baseUrl() + "/login");
        page.context().close();
    }

    @Test
    void aWrongPasswordShowsTheErrorSummaryAndKeepsTheUsername() {
        Page page = browser.newPage();
        page.navigate("/login");
        page.getByLabel("Username").fill("caseworker");
        page.getByLabel("Password").fill("not-my-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).isVisible();
        assertThat(summary).containsText("There is a problem");
        assertThat(summary.getByRole(AriaRole.LINK)).hasText("Enter a correct username and password");
        assertThat(page.getByLabel("Username")).hasValue("caseworker");
        assertThat(page.getByLabel("Password")).hasValue("");
        assertThat(page).hasTitle("Error: Sign in - Mayor's Office Casework");
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "sign-in-error");
        page.context().close();
    }

    @Test
    void errorPagesAreInTheServiceStyleWithoutStackTraces() {
        Page page = signIn("admin");
        page.navigate("/admin/users/999999");
        assertThat(page.locator("h1")).hasText("Page not found");
        Accessibility.assertNoViolations(page);
        page.navigate("/admin/users/not-a-number");
        assertThat(page.locator("h1")).hasText("Sorry, something went wrong");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Exception").doesNotContain("Whitelabel");
        page.context().close();

        Page caseworker = signIn("caseworker");
        caseworker.navigate("/admin/users");
        assertThat(caseworker.locator("h1")).hasText("You do not have access to this page");
        Accessibility.assertNoViolations(caseworker);
        browser.screenshot(caseworker, "error-403");
        caseworker.context().close();
    }

    @Test
    void adminPagesAndTheirValidationErrorsAreAccessible() {
        Page page = signIn("admin");
        for (String path : List.of("/admin/users", "/admin/members", "/admin/portfolios", "/admin/members/new",
                "/admin/portfolios/new")) {
            page.navigate(path);
            Accessibility.assertNoViolations(page);
        }
        page.navigate("/admin/users");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Amira Khan")).click();
        assertThat(page.locator("h1")).hasText("Amira Khan");
        Accessibility.assertNoViolations(page);

        page.navigate("/admin/users/new");
        page.getByLabel("Username").fill("Not valid!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary).containsText("Username must be 3 to 64 characters");
        assertThat(summary).containsText("Enter the person's full name");
        assertThat(page.getByLabel("Username")).hasValue("Not valid!");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        Accessibility.assertNoViolations(page);
        browser.screenshot(page, "admin-new-user-errors");
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter the person's full name")).click();
        assertThat(page.locator("#displayName")).isFocused();
        page.context().close();
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream()
                .filter(c -> c.name.equals("CASEWORK_SESSION"))
                .peek(c -> org.assertj.core.api.Assertions.assertThat(c.httpOnly).as("HttpOnly session cookie").isTrue())
                .map(c -> c.value)
                .findFirst()
                .orElse(null);
    }

    private Page signIn(String username) {
        return browser.signIn(username);
    }
}
