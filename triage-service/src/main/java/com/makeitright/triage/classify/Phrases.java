package com.makeitright.triage.classify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a lexicon entry, matched as their joined alternation ({@code line1|line2|...}) but faster at word
 * starts. The joined pattern tried at a word start spends most of its time failing branch after branch; here each
 * line is also compiled on its own, with the characters it can start with ({@link FirstChars}), and a word start
 * tries only the lines that can start with the character there, in file order. That gives exactly the joined
 * pattern's answer: at one position {@code a|b|c} matches as the first alternative that matches there, and a
 * line that cannot start with the character there cannot match there.
 *
 * <p>Used only where the joined pattern would have been tried at word starts ({@link #startsAtWord()}); a
 * pattern that can start anywhere, or a line whose meaning reaches beyond itself once joined (inline flags,
 * back-references), keeps the joined pattern for everything.
 */
final class Phrases {

    /** Index of the characters below this bound; others go through {@link #others}. */
    private static final int INDEXED = 128;

    private final Pattern joined;
    private final boolean startsAtWord;
    /** Each line compiled alone, or null when only the joined pattern may be used. */
    private final Pattern[] lines;
    /** For each character below {@link #INDEXED}: the lines that can start with it, in file order. */
    private final int[][] byChar;
    /** Lines that can start with a character at or above {@link #INDEXED} (or with anything), in file order. */
    private final int[] others;

    private Phrases(Pattern joined, Pattern[] lines, int[][] byChar, int[] others) {
        this.joined = joined;
        this.startsAtWord = joined.pattern().startsWith("\\b");
        this.lines = lines;
        this.byChar = byChar;
        this.others = others;
    }

    /**
     * The lines as one alternation (what {@link #pattern()} returns: {@code String.join("|", lines)}), each line also
     * indexed by its first characters. Throws as {@link Pattern#compile} does when the joined lines do not compile.
     */
    static Phrases of(List<String> lineRegexes) {
        Pattern joined = Pattern.compile(String.join("|", lineRegexes));
        boolean split = joined.pattern().startsWith("\\b")
                && lineRegexes.stream().noneMatch(FirstChars::reachesOutside);
        if (!split) {
            return new Phrases(joined, null, null, null);
        }
        Pattern[] lines = new Pattern[lineRegexes.size()];
        List<List<Integer>> byChar = new ArrayList<>();
        for (int c = 0; c < INDEXED; c++) {
            byChar.add(new ArrayList<>());
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = Pattern.compile(lineRegexes.get(i));
            BitSet first = FirstChars.of(lineRegexes.get(i));
            for (int c = 0; c < INDEXED; c++) {
                if (first == FirstChars.ANY || first.get(c)) {
                    byChar.get(c).add(i);
                }
            }
            if (first == FirstChars.ANY || first.nextSetBit(INDEXED) >= 0) {
                others.add(i);
            }
        }
        int[][] index = new int[INDEXED][];
        for (int c = 0; c < INDEXED; c++) {
            index[c] = byChar.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Phrases(joined, lines, index, others.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The joined alternation, as the lexicon wrote it. */
    Pattern pattern() {
        return joined;
    }

    /** True when matches are tried only at word starts (the joined pattern begins with {@code \b}). */
    boolean startsAtWord() {
        return startsAtWord;
    }

    /** Lines that a word start beginning with this character tries (for tests and curiosity). */
    int[] candidates(char c) {
        if (lines == null) {
            return new int[]{-1};
        }
        return c < INDEXED ? byChar[c].clone() : others.clone();
    }

    /** Per-text state: the text and the matchers made so far, one per line, made when first needed. */
    final class Scan {
        private final String text;
        private final Matcher[] matchers;
        private Matcher whole;

        private Scan(String text) {
            this.text = text;
            this.matchers = lines == null ? null : new Matcher[lines.length];
        }

        /**
         * Where the joined pattern's match starting exactly at {@code start} ends (as {@code lookingAt} on the
         * region from {@code start} with transparent, non-anchoring bounds), or -1 when it does not match there.
         */
        int endAt(int start) {
            if (lines == null || start >= text.length()) {
                if (whole == null) {
                    whole = joined.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                whole.region(start, text.length());
                return whole.lookingAt() ? whole.end() : -1;
            }
            char c = text.charAt(start);
            int[] candidates = c < INDEXED ? byChar[c] : others;
            for (int line : candidates) {
                Matcher m = matchers[line];
                if (m == null) {
                    m = lines[line].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[line] = m;
                }
                m.region(start, text.length());
                if (m.lookingAt()) {
                    return m.end();
                }
            }
            return -1;
        }
    }

    /** Starts matching one (lower-cased) text. */
    Scan scan(String text) {
        return new Scan(text);
    }
}
