package com.makeitright.triage.classify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a lexicon entry, matched as their joined alternation ({@code line1|line2|...}) but faster at word
 * starts. The joined pattern tried at a word start spends most of its time failing branch after branch; here each
 * line is also compiled on its own, with the first two characters its matches can start with
 * ({@link FirstChars#prefixes}), and a word start tries only the lines that can start with the two characters
 * there, in file order. That gives exactly the joined pattern's answer: at one position {@code a|b|c} matches as
 * the first alternative that matches there, and a line that cannot start with the characters there cannot match
 * there.
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
    /**
     * For each entry of {@link #byChar}: the characters that can follow that first character in that line's matches
     * (bit {@link #INDEXED}: any character at or above it), or null when anything can, the end of the text included.
     */
    private final BitSet[][] seconds;
    /** Lines that can start with a character at or above {@link #INDEXED} (or with anything), in file order. */
    private final int[] others;

    private Phrases(Pattern joined, Pattern[] lines, int[][] byChar, BitSet[][] seconds, int[] others) {
        this.joined = joined;
        this.startsAtWord = joined.pattern().startsWith("\\b");
        this.lines = lines;
        this.byChar = byChar;
        this.seconds = seconds;
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
            return new Phrases(joined, null, null, null, null);
        }
        Pattern[] lines = new Pattern[lineRegexes.size()];
        List<Set<String>> prefixes = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = Pattern.compile(lineRegexes.get(i));
            prefixes.add(FirstChars.prefixes(lineRegexes.get(i), 2));
        }
        int[][] byChar = new int[INDEXED][];
        BitSet[][] seconds = new BitSet[INDEXED][];
        for (int c = 0; c < INDEXED; c++) {
            List<Integer> candidates = new ArrayList<>();
            List<BitSet> next = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                Set<String> starts = prefixes.get(i);
                if (starts == null) {
                    candidates.add(i);
                    next.add(null);
                    continue;
                }
                BitSet following = new BitSet();
                boolean anyFollowing = false;
                boolean startsHere = false;
                for (String start : starts) {
                    if (start.charAt(0) != c) {
                        continue;
                    }
                    startsHere = true;
                    if (start.length() == 1) {
                        anyFollowing = true; // a whole match of one character: anything may follow, or nothing
                    } else {
                        following.set(Math.min(start.charAt(1), INDEXED));
                    }
                }
                if (startsHere) {
                    candidates.add(i);
                    next.add(anyFollowing ? null : following);
                }
            }
            byChar[c] = candidates.stream().mapToInt(Integer::intValue).toArray();
            seconds[c] = next.toArray(BitSet[]::new);
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Set<String> starts = prefixes.get(i);
            if (starts == null || starts.stream().anyMatch(start -> start.charAt(0) >= INDEXED)) {
                others.add(i);
            }
        }
        return new Phrases(joined, lines, byChar, seconds, others.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The joined alternation, as the lexicon wrote it. */
    Pattern pattern() {
        return joined;
    }

    /** True when matches are tried only at word starts (the joined pattern begins with {@code \b}). */
    boolean startsAtWord() {
        return startsAtWord;
    }

    /** Lines that a word start beginning with this character tries, in order; {@code [-1]}: the joined pattern. */
    int[] candidates(char c) {
        if (lines == null) {
            return new int[]{-1};
        }
        return c < INDEXED ? byChar[c].clone() : others.clone();
    }

    /** Lines that a word start beginning with these two characters tries, in order; {@code [-1]}: the joined pattern. */
    int[] candidates(char first, char second) {
        if (lines == null) {
            return new int[]{-1};
        }
        if (first >= INDEXED) {
            return others.clone();
        }
        return java.util.stream.IntStream.range(0, byChar[first].length)
                .filter(k -> seconds[first][k] == null || seconds[first][k].get(Math.min(second, INDEXED)))
                .map(k -> byChar[first][k]).toArray();
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
            if (c >= INDEXED) {
                for (int line : others) {
                    int end = lookingAt(line, start);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            }
            int[] candidates = byChar[c];
            BitSet[] following = seconds[c];
            int second = start + 1 < text.length() ? Math.min(text.charAt(start + 1), INDEXED) : -1;
            for (int k = 0; k < candidates.length; k++) {
                BitSet allowed = following[k];
                if (allowed != null && (second < 0 || !allowed.get(second))) {
                    continue; // this line's matches cannot go on with the next character (or cannot end here)
                }
                int end = lookingAt(candidates[k], start);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }

        /** One line alone at {@code start}: where its match ends, or -1. */
        private int lookingAt(int line, int start) {
            Matcher m = matchers[line];
            if (m == null) {
                m = lines[line].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[line] = m;
            }
            m.region(start, text.length());
            return m.lookingAt() ? m.end() : -1;
        }
    }

    /** Starts matching one (lower-cased) text. */
    Scan scan(String text) {
        return new Scan(text);
    }
}
