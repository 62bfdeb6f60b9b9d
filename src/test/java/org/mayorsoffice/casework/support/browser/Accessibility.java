package org.mayorsoffice.casework.support.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Reusable axe-core (WCAG 2.2 AA) check for Playwright pages. */
public final class Accessibility {

    /** The axe tags checked: WCAG 2.0/2.1 A+AA and WCAG 2.2 AA. */
    public static final List<String> WCAG_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String AXE_SOURCE = AxeBuilder.getAxeScript();

    private static final ObjectMapper RESULTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Accessibility() {
    }

    /**
     * Runs axe on the page's current state, once it has loaded with its stylesheets (after a form submission the
     * text can be there before the CSS is applied, and unstyled links are too small as touch targets), and fails
     * with a readable report if there is any violation.
     */
    public static void assertNoViolations(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        AxeResults results = analyze(page);
        if (results.isErrored()) { // axe-core's own runner reports a failure to run this way
            fail("axe-core failed to run on " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (violations != null && !violations.isEmpty()) {
            fail(describe(page.url(), violations));
        }
    }

    /**
     * Raw axe results with {@link #WCAG_TAGS}, for tests that want to inspect them.
     *
     * <p>axe-core's own Playwright runner ({@code AxeBuilder.analyze()}) sends the 550 KB script to the page three
     * times and opens a second page to merge per-frame results: 0.6 to 2 seconds a check on our 2-core machines,
     * a third of the browser journeys' time. Our pages have no frames, so the script goes in once and
     * {@code axe.run} checks the whole document: the same rules and the same results, in a third of the time. A page
     * with a frame goes to axe-core's runner, which checks inside the frames too.
     */
    public static AxeResults analyze(Page page) {
        if (page.frames().size() > 1) {
            return new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        }
        page.evaluate("() => {" + AXE_SOURCE + "}");
        Object results = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                + ".then(results => JSON.parse(JSON.stringify(results)))", WCAG_TAGS);
        return RESULTS.convertValue(results, AxeResults.class);
    }

    /** Formats violations as a multi-line message. */
    public static String describe(String url, List<Rule> violations) {
        StringBuilder sb = new StringBuilder();
        sb.append(violations.size()).append(" accessibility violation(s) on ").append(url).append('\n');
        for (Rule rule : violations) {
            sb.append("\n[").append(rule.getImpact()).append("] ").append(rule.getId())
                    .append(": ").append(rule.getHelp());
            if (rule.getHelpUrl() != null) {
                sb.append("\n    ").append(rule.getHelpUrl());
            }
            List<CheckedNode> nodes = rule.getNodes();
            if (nodes != null) {
                for (CheckedNode node : nodes) {
                    sb.append("\n  - target: ").append(node.getTarget());
                    sb.append("\n    html:   ").append(oneLine(node.getHtml()));
                    if (node.getFailureSummary() != null) {
                        sb.append("\n    fix:    ").append(oneLine(node.getFailureSummary()));
                    }
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
