package org.mayorsoffice.casework.search.internal;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a snippet from PostgreSQL's ts_headline into safe HTML: the database marks matches with two
 * private-use characters (removed from the source text first, so no stored text can forge them, see {@link #sql}); here
 * everything is HTML-escaped and only those two characters become {@code <mark>} tags.
 */
public final class Highlight {

    /** Start and stop delimiters passed to ts_headline (Unicode private use area). */
    static final String START = "\uE000";

    static final String STOP = "\uE001";

    /**
     * The SQL for a text column made ready for ts_headline, which drops anything that looks like an HTML tag
     * but keeps entities: our delimiters are removed (so stored text cannot forge a mark), then {@code &},
     * {@code <} and {@code >} become entities, which {@link #fromHeadline} turns back before escaping
     * everything. The user sees the text exactly as written.
     */
    static String sql(String column) {
        return "replace(replace(replace(translate(" + column + ", :strip, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')";
    }
    // (SearchService writes this expression out in its SQL text blocks.)

    /** The ts_headline options string. */
    static final String OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /** The ts_headline options for a title: all of it, every match marked. */
    static final String WHOLE = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    private Highlight() {}

    /** Escaped HTML with {@code <mark>} around the words PostgreSQL matched. */
    public static String fromHeadline(String headline) {
        if (headline == null) {
            return "";
        }
        String text = headline.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return HtmlUtils.htmlEscape(text).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    /** Escaped HTML with {@code <mark>} around every case-insensitive occurrence of {@code term} in {@code text}. */
    public static String substring(String text, String term) {
        if (text == null) {
            return "";
        }
        if (term == null || term.isBlank()) {
            return HtmlUtils.htmlEscape(text);
        }
        String lowerText = text.toLowerCase(Locale.ROOT);
        String lowerTerm = term.strip().toLowerCase(Locale.ROOT);
        if (lowerText.length() != text.length()) {
            return HtmlUtils.htmlEscape(text);
        }
        StringBuilder html = new StringBuilder();
        int from = 0;
        int at;
        while ((at = lowerText.indexOf(lowerTerm, from)) >= 0) {
            html.append(HtmlUtils.htmlEscape(text.substring(from, at)))
                    .append("<mark>").append(HtmlUtils.htmlEscape(text.substring(at, at + lowerTerm.length())))
                    .append("</mark>");
            from = at + lowerTerm.length();
        }
        return html.append(HtmlUtils.htmlEscape(text.substring(from))).toString();
    }
}
