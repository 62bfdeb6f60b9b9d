package org.mayorsoffice.casework.support.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Playwright + headless Debian Chromium per test class.
 *
 * <pre>
 * static BrowserSession browser;
 * &#64;BeforeAll static void start() { browser = new BrowserSession("http://127.0.0.1:" + port); }
 * &#64;AfterAll  static void stop()  { browser.close(); }
 * </pre>
 *
 * <p>Never downloads a browser: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} is passed to the driver and the
 * system Chromium found on {@code PATH} is used via {@code setExecutablePath}. Playwright creates its own
 * throw-away profile directory ({@code --user-data-dir} may not be passed in args).
 *
 * <p>CSP: pages are opened WITHOUT {@code bypassCSP}. Verified by experiment (Chromium 156, Playwright 1.62,
 * axe-core/playwright 4.10.2) against a page served with
 * {@code Content-Security-Policy: default-src 'self'; script-src 'self'; frame-ancestors 'none'}:
 * axe injection via {@code page.evaluate} goes through CDP and is not subject to the page's CSP, so the
 * real CSP stays in force during tests (a CSP violation in the app would still surface).
 */
public final class BrowserSession implements AutoCloseable {

    /** Where {@link #screenshot(Page, String)} writes PNGs (relative to the Maven module dir). */
    public static final Path SCREENSHOT_DIR = Paths.get("target", "screenshots");

    private static final String INSTALL_HINT = "Install Debian's chromium: apt-get install chromium chromium-driver";

    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final String baseUrl;
    private final Playwright playwright;
    private final Browser browser;
    private final List<BrowserContext> contexts = new ArrayList<>();

    /**
     * @param baseUrl base URL for relative navigation, e.g. {@code http://127.0.0.1:8080}; may be null
     */
    public BrowserSession(String baseUrl) {
        this.baseUrl = baseUrl;
        Path chromium = findChromium()
                .orElseThrow(() -> new IllegalStateException(
                        "No 'chromium' or 'chromium-browser' executable found on PATH. " + INSTALL_HINT));
        Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            this.browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
        } catch (RuntimeException e) {
            pw.close();
            throw new IllegalStateException("Could not launch " + chromium + ". " + INSTALL_HINT, e);
        }
        this.playwright = pw;
    }

    /** The base URL passed to the constructor (may be null). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The shared browser, for tests that need custom context options. Contexts made here are not tracked. */
    public Browser browser() {
        return browser;
    }

    /** A page in a brand-new BrowserContext: fresh cookies, storage and cache on every call. */
    public Page newPage() {
        Browser.NewContextOptions options = new Browser.NewContextOptions();
        if (baseUrl != null && !baseUrl.isBlank()) {
            options.setBaseURL(baseUrl);
        }
        BrowserContext context = browser.newContext(options);
        synchronized (contexts) {
            contexts.add(context);
        }
        return context.newPage();
    }

    /**
     * Full-page PNG to {@code target/screenshots/<name>.png} (directories created as needed).
     *
     * @return the written file
     */
    public Path screenshot(Page page, String name) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(name, "name");
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = SCREENSHOT_DIR.resolve(safe + ".png");
        try {
            Files.createDirectories(SCREENSHOT_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + SCREENSHOT_DIR.toAbsolutePath(), e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Every demo user's password (README, "Demo sign-ins"). */
    public static final String DEMO_PASSWORD = "Casework-Demo-2026";

    /** A new page, signed in as a demo user through the real sign-in form. */
    public Page signIn(String username) {
        Page page = newPage();
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(DEMO_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).isVisible();
        return page;
    }

    @Override
    public void close() {
        synchronized (contexts) {
            for (BrowserContext context : contexts) {
                try {
                    context.close();
                } catch (RuntimeException ignored) {
                    // already closed by the test, or the browser went away; browser.close() below cleans up
                }
            }
            contexts.clear();
        }
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    /** Resolves {@code chromium}, then {@code chromium-browser}, by walking PATH. */
    static Optional<Path> findChromium() {
        String path = System.getenv("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Paths.get(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
