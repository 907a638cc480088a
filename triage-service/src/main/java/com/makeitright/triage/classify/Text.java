package com.makeitright.triage.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complaint's text prepared for matching: a lower-cased copy with the same character positions as the
 * original (so evidence is quoted in the customer's own spelling), the spans of quoted speech, and the
 * sentence boundaries.
 */
final class Text {

    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]{1,200}\"");
    /** Words in single quotes ('Yay! Your goodies are on their way!'), told apart from apostrophes by what surrounds them. */
    private static final Pattern SINGLE_QUOTED = Pattern.compile("(?<=^|[\\s(:])'[^'\\n]{1,200}?'(?=$|[\\s.,;:!?)])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    /** Words that, shortly before a phrase in the same clause, turn it around: "not angry at you", "I'm not upset". */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not|no|never|n't|isn't|wasn't|aren't|don't|didn't|nothing|nobody's|without)\\b[^.!?,;]{0,12}$");
    /** Someone else's words, reported: "he called me stupid", "the waiter said I was an idiot". */
    private static final Pattern REPORTED = Pattern.compile(
            "\\b(?:called (?:me|us|him|her)|calling (?:me|us)|said (?:i|we) (?:was|were|am|are)|told me i was)\\b[^.!?]{0,20}$");

    /** An agent's note about the customer ("Caller says ...", "Guest was asked ..."), not the customer's own words. */
    private static final Pattern NOTE = Pattern.compile(
            "\\n?\\s*(?:the )?(?:caller|customer|member|guest|client|patient|passenger|tenant|resident|diner|visitor|shopper|gentleman|lady|policyholder|account holder)(?:'s)?\\b(?!\\s*:)");
    /** Someone else's words at the customer, in an agent's note: "our driver called him an idiot". */
    private static final Pattern REPORTED_IN_NOTE = Pattern.compile(
            "\\b(?:called (?:him|her|them)|calling (?:him|her|them)|said (?:he|she|they) (?:was|were|is|are)|told (?:him|her|them) (?:he|she|they) (?:was|were))\\b[^.!?]{0,20}$");

    final String original;
    final String lower;
    /** True for an agent's note: quotes and "he"/"she" are then the customer's own words. */
    final boolean narrated;
    private final List<int[]> quotes = new ArrayList<>();
    /** Spans in single quotes, found only when first asked for (few complaints need them). */
    private List<int[]> singleQuotes;
    private final List<int[]> sentences = new ArrayList<>();
    private final int[] wordStarts;

    Text(String original) {
        this.original = original;
        char[] chars = original.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = switch (chars[i]) {
                case '\u2018', '\u2019', '\u02bc', '`' -> '\'';
                case '\u201c', '\u201d', '\u201e' -> '"';
                case '\u2013', '\u2014' -> '-';
                case '\u00a0', '\t', '\r' -> ' ';
                default -> chars[i];
            };
            chars[i] = Character.toLowerCase(c); // char-wise keeps every position aligned with the original
        }
        this.lower = new String(chars);
        this.narrated = startsANote(lower);
        Matcher quoted = QUOTED.matcher(lower);
        while (quoted.find()) {
            quotes.add(new int[]{quoted.start(), quoted.end()});
        }

        int start = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean end = c == '\n' || ((c == '.' || c == '!' || c == '?')
                    && (i + 1 == lower.length() || Character.isWhitespace(lower.charAt(i + 1))));
            if (end) {
                int stop = i + 1;
                while (stop < lower.length() && (lower.charAt(stop) == '!' || lower.charAt(stop) == '?')) {
                    stop++;
                }
                addSentence(start, stop);
                start = stop;
                i = stop - 1;
            }
        }
        addSentence(start, lower.length());
        int[] starts = new int[lower.length()];
        int count = 0;
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isLetterOrDigit(lower.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)))) {
                starts[count++] = i;
            }
        }
        this.wordStarts = java.util.Arrays.copyOf(starts, count);
    }

    /**
     * Start and end of up to {@code max} matches of a pattern, trying only word starts when the pattern
     * begins with a word boundary (much faster than scanning every position with long alternations).
     */
    List<int[]> matches(java.util.regex.Pattern pattern, int max) {
        List<int[]> found = new ArrayList<>();
        Matcher m = pattern.matcher(lower);
        if (!pattern.pattern().startsWith("\\b")) {
            while (found.size() < max && m.find()) {
                found.add(new int[]{m.start(), m.end()});
            }
            return found;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int after = 0;
        for (int start : wordStarts) {
            if (found.size() >= max) {
                break;
            }
            if (start < after) {
                continue;
            }
            m.region(start, lower.length());
            if (m.lookingAt()) {
                found.add(new int[]{m.start(), m.end()});
                after = m.end();
            }
        }
        return found;
    }

    /**
     * The same as {@link #matches(Pattern, int)} with the joined pattern of these phrases, trying at each word start
     * only the lines that can start there.
     */
    List<int[]> matches(Phrases phrases, int max) {
        if (!phrases.startsAtWord()) {
            return matches(phrases.pattern(), max);
        }
        List<int[]> found = new ArrayList<>();
        Phrases.Scan scan = phrases.scan(lower);
        int after = 0;
        for (int start : wordStarts) {
            if (found.size() >= max) {
                break;
            }
            if (start < after) {
                continue;
            }
            int end = scan.endAt(start);
            if (end >= 0) {
                found.add(new int[]{start, end});
                after = end;
            }
        }
        return found;
    }

    /** Positions where a word begins: the only places a phrase rule can start. */
    int[] wordStarts() {
        return wordStarts;
    }

    private void addSentence(int from, int to) {
        while (from < to && Character.isWhitespace(original.charAt(from))) {
            from++;
        }
        if (to > from) {
            sentences.add(new int[]{from, to});
        }
    }

    boolean inQuotes(int position) {
        return quotes.stream().anyMatch(q -> position > q[0] && position < q[1]);
    }

    /** True inside quoted words, in double or single quotes: punctuation there is someone else's voice. */
    boolean quotedAt(int position) {
        if (singleQuotes == null) {
            singleQuotes = new ArrayList<>();
            Matcher single = SINGLE_QUOTED.matcher(lower);
            while (single.find()) {
                singleQuotes.add(new int[]{single.start(), single.end()});
            }
        }
        return inQuotes(position) || singleQuotes.stream().anyMatch(q -> position > q[0] && position < q[1]);
    }

    /** An agent's note starts a line with the customer in the third person; only line starts are tried. */
    private static boolean startsANote(String lower) {
        Matcher note = NOTE.matcher(lower);
        for (int i = 0; i >= 0 && i < lower.length(); i = lower.indexOf('\n', i + 1)) {
            if (note.region(i, lower.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** True when the phrase at this position is negated by a word just before it, in the same sentence. */
    boolean negatedAt(int position) {
        int from = Math.max(0, position - 40);
        return NEGATION.matcher(lower.substring(from, position)).find();
    }

    /** True when the phrase at this position is someone else's words, quoted or reported. */
    boolean reportedAt(int position) {
        int from = Math.max(0, position - 40);
        if (narrated) {
            // In an agent's note the quotes are the customer's words; only what was said to the customer is not theirs.
            return REPORTED_IN_NOTE.matcher(lower.substring(from, position)).find();
        }
        return inQuotes(position) || REPORTED.matcher(lower.substring(from, position)).find();
    }

    /** The original sentence that contains this position. */
    String sentenceAt(int position) {
        for (int[] s : sentences) {
            if (position >= s[0] && position < s[1]) {
                return original.substring(s[0], s[1]).trim();
            }
        }
        return original.trim();
    }

    List<String> sentences() {
        return sentences.stream().map(s -> original.substring(s[0], s[1]).trim()).toList();
    }

    String slice(int from, int to) {
        return original.substring(from, to);
    }

    /**
     * The words, with those inside double quotation marks prefixed by {@code "}: someone else's words (a driver's insult,
     * a banner's promise), not the customer's voice. In an agent's note the quotes are the customer's own words.
     */
    List<String> speakerWords() {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(lower);
        boolean anyQuote = !narrated && !quotes.isEmpty();
        while (m.find()) {
            words.add(anyQuote && inQuotes(m.start()) ? "\"" + m.group() : m.group());
        }
        return words;
    }

    List<String> words() {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
