package com.makeitright.intake.webhooks;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpdesk HTML (a Zammad article, a Freshdesk description) as plain text: what the customer wrote, not markup.
 * Script and style content, comments and every tag are dropped; block ends become line breaks; entities are decoded
 * last, so an escaped {@code &lt;script&gt;} stays visible text and never becomes a tag. The result is only ever
 * stored as text (no dependency on an HTML parser for this one job).
 */
final class HtmlText {

    private static final Pattern DROPPED = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|template)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile(
            "(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|pre|table)\\s*>|<(p|div|li|tr|h[1-6])\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>?");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private HtmlText() {
    }

    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String text = DROPPED.matcher(html).replaceAll("");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        return tidy(text);
    }

    /** Collapses runs of spaces and of blank lines; trims. */
    static String tidy(String text) {
        String out = text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\t\\x0B\\f \\u00A0]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return out.isEmpty() ? null : out;
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.charAt(0) == '#') {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                // control characters other than line breaks and tabs, surrogates and out-of-range stay as written
                boolean usable = Character.isValidCodePoint(code) && !(code >= 0xD800 && code <= 0xDFFF)
                        && (code >= 0x20 || code == '\n' || code == '\t');
                return usable ? new String(Character.toChars(code)) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
    }
}
