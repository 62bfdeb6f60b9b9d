package org.mayorsoffice.casework.responses.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{field}}} placeholders in a template. A field that is not known is left in the text as
 * written and reported, so the user sees it and can fix it; nothing is silently dropped.
 */
public final class MergeFields {

    /** The fields a template may use, with what they become. */
    public static final List<String[]> KNOWN = List.of(
            new String[] {"person.name", "The person's full name, e.g. Mrs Jane Smith"},
            new String[] {"person.salutation", "How to address them, e.g. Ms Smith"},
            new String[] {"person.address", "Their postal address, one line each, with the postcode"},
            new String[] {"case.reference", "The case reference, e.g. MO-2026-00042"},
            new String[] {"case.subject", "The subject of the case"},
            new String[] {"case.reply_by", "The date the person can expect a full reply, e.g. 21 December 2026"},
            new String[] {"member.name", "The member the case is handled for"},
            new String[] {"member.title", "Their title, e.g. Mayor of Tower Hamlets, Cabinet Member for Housing"},
            new String[] {"today", "Today's date, e.g. 23 November 2026"});

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** The text with known fields filled in, and the unknown ones (as written, e.g. {@code {{person.nmae}}}). */
    public record Merged(String text, List<String> unknownFields) {

        public boolean complete() {
            return unknownFields.isEmpty();
        }
    }

    private MergeFields() {}

    public static Merged merge(String template, Map<String, String> values) {
        if (template == null) {
            return new Merged("", List.of());
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
            if (value == null) {
                unknown.add(m.group());
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        return new Merged(out.toString(), List.copyOf(unknown));
    }

    /** Placeholders still in a text (after merging, these are the unknown ones). */
    public static List<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group());
        }
        return List.copyOf(found);
    }
}
