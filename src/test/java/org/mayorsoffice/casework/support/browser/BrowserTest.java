package org.mayorsoffice.casework.support.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.mayorsoffice.casework.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for browser journeys: the whole application on a random port (shared context) and one headless Chromium
 * per test class, signed in per page with {@code browser.signIn(username)}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected BrowserSession browser;

    @BeforeAll
    void startBrowser() {
        browser = new BrowserSession("http://localhost:" + port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
