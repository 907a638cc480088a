package com.makeitright.platform.links;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one template syntax of what customers read (the worker's mails, intake's customer pages): {@code {{name}}}
 * placeholders in files a team edits, filled with values as text. In HTML every value is escaped (a complaint subject
 * {@code <script>} shows as text) with its line breaks kept visible; as plain text it is inserted as it is.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");

    private Placeholders() {
    }

    /** The names a template uses, in order of first use, for checking a template at start-up. */
    public static Set<String> used(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Fills a template; a value the map lacks is empty. */
    public static String fill(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            value = value == null ? "" : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? html(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Text as HTML text or a quoted attribute value: the five special characters escaped, line breaks kept. */
    public static String html(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("<br>\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
