package com.makeitright.triage.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a lexicon entry, matched as their joined alternation ({@code line1|line2|...}) but faster at word
 * starts. The joined pattern tried at a word start spends most of its time failing branch after branch; here each
 * line is also compiled on its own, with the strings (of up to {@value #PREFIX} characters) its matches can start
 * with ({@link FirstChars#prefixes}), in a table by the first two characters; a word start tries only the lines
 * one of whose strings starts there, in file order. That gives exactly the joined pattern's answer: at one position {@code a|b|c} matches as
 * the first alternative that matches there, and a line that cannot start with the characters there cannot match
 * there.
 *
 * <p>Used only where the joined pattern would have been tried at word starts ({@link #startsAtWord()}); a
 * pattern that can start anywhere, or a line whose meaning reaches beyond itself once joined (inline flags,
 * back-references), keeps the joined pattern for everything.
 */
final class Phrases {

    /** Characters below this bound are indexed; a word start at another goes through {@link #others}. */
    private static final int INDEXED = 128;
    /** Second-character slot for a character at or above {@link #INDEXED}, or for the end of the text. */
    private static final int BEYOND = INDEXED;
    /** For {@link #tryAt}: a second character below {@link #INDEXED} that no line's strings name. */
    private static final int UNNAMED = -2;
    /** How many first characters of a line's matches are read ({@link FirstChars#prefixes}) and checked. */
    static final int PREFIX = 4;

    private final Pattern joined;
    private final boolean startsAtWord;
    /** Each line compiled alone, or null when only the joined pattern may be used. */
    private final Pattern[] lines;
    /**
     * By first character (below {@link #INDEXED}), then by second character (slot {@link #BEYOND} for any other and
     * for the end of the text): the lines to try there, or null for none. A null row: no line starts with it.
     */
    private final Try[][] table;
    /** The lines to try at a word start whose character is at or above {@link #INDEXED}. */
    private final Try others;

    /**
     * Lines to try at a word start, in file order, each with the strings one of which must start there (null: no
     * more to check than the two characters that led here).
     */
    private record Try(int[] lines, Check[] starts) {
    }

    /**
     * The strings one of which a line's match must start with at a word start. Where the table already fixed the
     * first two characters and the strings are three or four long, they are kept as sorted third characters and
     * (third, fourth) pairs, so the check is two binary searches; otherwise each string is compared.
     */
    private record Check(String[] strings, char[] thirds, int[] thirdAndFourth) {

        static Check of(List<String> strings, boolean firstTwoKnown) {
            boolean packed = firstTwoKnown && strings.stream().allMatch(p -> p.length() == 3 || p.length() == 4);
            if (!packed) {
                return new Check(strings.toArray(String[]::new), null, null);
            }
            char[] thirds = strings.stream().filter(p -> p.length() == 3).map(p -> String.valueOf(p.charAt(2)))
                    .distinct().sorted().collect(java.util.stream.Collectors.joining()).toCharArray();
            int[] pairs = strings.stream().filter(p -> p.length() == 4).mapToInt(p -> (p.charAt(2) << 16) | p.charAt(3))
                    .distinct().sorted().toArray();
            return new Check(null, thirds, pairs);
        }

        boolean allows(String text, int start) {
            if (strings != null) {
                for (String p : strings) {
                    if (text.startsWith(p, start)) {
                        return true;
                    }
                }
                return false;
            }
            if (start + 2 >= text.length()) {
                return false;
            }
            char third = text.charAt(start + 2);
            if (thirds.length > 0 && java.util.Arrays.binarySearch(thirds, third) >= 0) {
                return true;
            }
            return start + 3 < text.length()
                    && java.util.Arrays.binarySearch(thirdAndFourth, (third << 16) | text.charAt(start + 3)) >= 0;
        }
    }

    private Phrases(Pattern joined, Pattern[] lines, Try[][] table, Try others) {
        this.joined = joined;
        this.startsAtWord = joined.pattern().startsWith("\\b");
        this.lines = lines;
        this.table = table;
        this.others = others;
    }

    /**
     * The lines as one alternation (what {@link #pattern()} returns: {@code String.join("|", lines)}), each line also
     * indexed by how its matches start. Throws as {@link Pattern#compile} does when the joined lines do not compile.
     */
    static Phrases of(List<String> lineRegexes) {
        Pattern joined = Pattern.compile(String.join("|", lineRegexes));
        boolean split = joined.pattern().startsWith("\\b")
                && lineRegexes.stream().noneMatch(FirstChars::reachesOutside);
        if (!split) {
            return new Phrases(joined, null, null, null);
        }
        Pattern[] lines = new Pattern[lineRegexes.size()];
        List<Set<String>> starts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = Pattern.compile(lineRegexes.get(i));
            starts.add(FirstChars.prefixes(lineRegexes.get(i), PREFIX));
        }
        // Each line's strings by their first character (null for a line that can start with anything).
        List<Map<Character, List<String>>> byFirst = new ArrayList<>();
        for (Set<String> prefixes : starts) {
            Map<Character, List<String>> map = null;
            if (prefixes != null) {
                map = new HashMap<>();
                for (String p : prefixes) {
                    map.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(p);
                }
            }
            byFirst.add(map);
        }
        Map<String, Try> shared = new HashMap<>();
        Map<List<Try>, Try[]> sharedRows = new HashMap<>();
        Try[][] table = new Try[INDEXED][];
        for (int first = 0; first < INDEXED; first++) {
            // Only second characters some line names get their own entry; every other one gets the lines that
            // cannot tell (those that can start with anything, or whose match may be this one character).
            java.util.BitSet named = new java.util.BitSet();
            for (Map<Character, List<String>> theirs : byFirst) {
                if (theirs != null) {
                    for (String p : theirs.getOrDefault((char) first, List.of())) {
                        if (p.length() > 1 && p.charAt(1) < INDEXED) {
                            named.set(p.charAt(1));
                        }
                    }
                }
            }
            Try unnamed = tryAt(byFirst, (char) first, UNNAMED, shared);
            Try[] row = new Try[BEYOND + 1];
            boolean any = false;
            for (int second = 0; second <= BEYOND; second++) {
                row[second] = named.get(second) || second == BEYOND ? tryAt(byFirst, (char) first, second, shared) : unnamed;
                any |= row[second] != null;
            }
            table[first] = any ? sharedRows.computeIfAbsent(java.util.Arrays.asList(row), r -> row) : null;
        }
        // A character at or above INDEXED: every line with a string that starts with one, each string checked.
        List<Integer> beyond = new ArrayList<>();
        List<String[]> beyondChecks = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) == null) {
                beyond.add(i);
                beyondChecks.add(null);
            } else {
                String[] theirs = starts.get(i).stream().filter(p -> p.charAt(0) >= INDEXED).toArray(String[]::new);
                if (theirs.length > 0) {
                    beyond.add(i);
                    beyondChecks.add(theirs);
                }
            }
        }
        Try others = beyond.isEmpty() ? null : new Try(beyond.stream().mapToInt(Integer::intValue).toArray(),
                beyondChecks.stream().map(c -> c == null ? null : Check.of(List.of(c), false)).toArray(Check[]::new));
        return new Phrases(joined, lines, table, others);
    }

    /**
     * The lines whose matches can start with {@code first} then {@code second} ({@link #BEYOND}: a character at or
     * above {@link #INDEXED}, or the end of the text), with what is left to check, or null for none.
     */
    private static Try tryAt(List<Map<Character, List<String>>> byFirst, char first, int second, Map<String, Try> shared) {
        List<Integer> lines = new ArrayList<>();
        List<String[]> checks = new ArrayList<>();
        for (int i = 0; i < byFirst.size(); i++) {
            Map<Character, List<String>> theirs = byFirst.get(i);
            if (theirs == null) {
                lines.add(i);
                checks.add(null);
                continue;
            }
            List<String> here = theirs.getOrDefault(first, List.of());
            boolean fits = false;
            boolean noMoreToCheck = false;
            List<String> longer = new ArrayList<>();
            for (String p : here) {
                if (p.length() == 1) {
                    fits = true;
                    noMoreToCheck = true; // one character is all this match needs
                } else if (second == BEYOND ? p.charAt(1) >= INDEXED : p.charAt(1) == second) {
                    fits = true;
                    noMoreToCheck |= p.length() == 2 && second != BEYOND;
                    longer.add(p);
                }
            }
            if (fits) {
                lines.add(i);
                checks.add(noMoreToCheck ? null : longer.toArray(String[]::new));
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            key.append(lines.get(k)).append(':');
            if (checks.get(k) != null) {
                for (String check : checks.get(k)) {
                    key.append(check).append('\u0000');
                }
            }
            key.append('\u0001');
        }
        return shared.computeIfAbsent(key.toString(), k -> new Try(lines.stream().mapToInt(Integer::intValue).toArray(),
                checks.stream().map(c -> c == null ? null : Check.of(List.of(c), second != BEYOND)).toArray(Check[]::new)));
    }

    /** The joined alternation, as the lexicon wrote it. */
    Pattern pattern() {
        return joined;
    }

    /** True when matches are tried only at word starts (the joined pattern begins with {@code \b}). */
    boolean startsAtWord() {
        return startsAtWord;
    }

    /** Lines that a word start beginning with this character may try, in order; {@code [-1]}: the joined pattern. */
    int[] candidates(char c) {
        if (lines == null) {
            return new int[]{-1};
        }
        if (c >= INDEXED) {
            return others == null ? new int[0] : others.lines().clone();
        }
        if (table[c] == null) {
            return new int[0];
        }
        return java.util.Arrays.stream(table[c]).filter(java.util.Objects::nonNull).flatMapToInt(t -> java.util.Arrays.stream(t.lines()))
                .distinct().sorted().toArray();
    }

    /** Lines that a word start beginning with these two characters may try, in order; {@code [-1]}: the joined pattern. */
    int[] candidates(char first, char second) {
        if (lines == null) {
            return new int[]{-1};
        }
        Try here = first >= INDEXED ? others : table[first] == null ? null : table[first][Math.min(second, BEYOND)];
        return here == null ? new int[0] : here.lines().clone();
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
            char first = text.charAt(start);
            Try here;
            if (first >= INDEXED) {
                here = others;
            } else {
                Try[] row = table[first];
                if (row == null) {
                    return -1;
                }
                here = row[start + 1 < text.length() ? Math.min(text.charAt(start + 1), BEYOND) : BEYOND];
            }
            if (here == null) {
                return -1;
            }
            int[] candidates = here.lines();
            Check[] checks = here.starts();
            for (int k = 0; k < candidates.length; k++) {
                Check starts = checks[k];
                if (starts != null && !starts.allows(text, start)) {
                    continue; // none of the ways this line's matches begin is here
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
