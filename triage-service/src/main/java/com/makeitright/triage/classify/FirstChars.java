package com.makeitright.triage.classify;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The characters a regular expression's match can begin with, read from its text: a conservative superset, so a
 * position whose character is not in it can be skipped without trying the expression there. Anything this reader
 * is not sure of (a negated or nested class, {@code .}, {@code \w}-like classes it does not spell out, inline
 * flags, back-references, quoting, a pattern that can match the empty string ...) makes the answer "any
 * character" ({@link #ANY}), which only costs speed, never a match.
 *
 * <p>Reads java.util.regex syntax without flags (the lexicon compiles its patterns without any): a literal matches
 * only itself, {@code \d} is {@code [0-9]}, {@code \s} is {@code [ \t\n\x0B\f\r]}, {@code \w} is
 * {@code [a-zA-Z_0-9]}. Zero-width parts ({@code \b}, {@code \B}, {@code ^}, {@code $}, look-arounds) consume
 * nothing, so the first character comes from what follows them.
 */
final class FirstChars {

    /** "Any character": the reader could not narrow it down. */
    static final BitSet ANY = null;
    /** What {@link #characterClass} and {@link #escape} return for a character they match but do not spell out. */
    private static final BitSet UNKNOWN = new BitSet();
    /** More strings than this in a set and the reader keeps shorter prefixes instead. */
    private static final int CAP = 512;

    private final String regex;
    private final int length;
    private int at;
    /** Above 0 while a part is only read to find where it ends (its strings would not change the answer). */
    private int skipping;

    private FirstChars(String regex, int length) {
        this.regex = regex;
        this.length = length;
    }

    /** The characters a match of {@code regex} can start with, or {@link #ANY} (null) when unsure. */
    static BitSet of(String regex) {
        Set<String> prefixes = prefixes(regex, 1);
        if (prefixes == null) {
            return ANY;
        }
        BitSet chars = new BitSet();
        prefixes.forEach(p -> chars.set(p.charAt(0)));
        return chars;
    }

    /**
     * Strings of 1 to {@code length} characters such that every match of {@code regex} starts with one of them (a
     * string shorter than {@code length} is a whole match, or all that could be read before a part not spelled out,
     * such as {@code [^.!?]}), or null when unsure or when the expression can match the empty string.
     */
    static Set<String> prefixes(String regex, int length) {
        try {
            FirstChars reader = new FirstChars(regex, length);
            Result result = reader.alternation();
            if (reader.at != regex.length() || result.any() || result.whole.contains("")) {
                return null;
            }
            Set<String> all = new TreeSet<>(result.whole);
            all.addAll(result.started);
            return all;
        } catch (Unsure | RuntimeException e) {
            return null;
        }
    }

    /**
     * True when the expression has something whose meaning can reach beyond its own alternative once joined with
     * others by {@code |}: inline flags ({@code (?i)} applies to the alternatives after it), back-references by
     * number or name (numbers shift in a joined pattern). Such an expression must only be used as part of the
     * joined pattern.
     */
    static boolean reachesOutside(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if ((next >= '1' && next <= '9') || next == 'k') {
                    return true;
                }
                i++;
            } else if (c == '(' && i + 2 < regex.length() && regex.charAt(i + 1) == '?') {
                char kind = regex.charAt(i + 2);
                boolean known = kind == ':' || kind == '=' || kind == '!' || kind == '>' || kind == '<';
                if (!known) {
                    return true; // (?i) (?-i) (?i:...) (?u) ...: flags
                }
            }
        }
        return false;
    }

    private static final class Unsure extends Exception {
        Unsure() {
            super(null, null, false, false);
        }
    }

    /**
     * What a part can match, as far as its first {@link #length} characters: {@code whole} holds matches shorter than
     * that, complete; every other match starts with one of {@code started} (each exactly {@link #length} long, or
     * shorter when the reader gave up on the rest; "" when it knows nothing).
     */
    private record Result(Set<String> whole, Set<String> started) {

        boolean any() {
            return started.contains("");
        }
    }

    private static Result anything() {
        return new Result(Set.of(), Set.of(""));
    }

    private static Result empty() {
        return new Result(Set.of(""), Set.of());
    }

    private static Result chars(BitSet chars) throws Unsure {
        Set<String> whole = new HashSet<>();
        for (int c = chars.nextSetBit(0); c >= 0; c = chars.nextSetBit(c + 1)) {
            whole.add(String.valueOf((char) c));
        }
        return new Result(whole, Set.of());
    }

    /** Whole matches as long as {@link #length} become prefixes; too many strings become shorter prefixes. */
    private Result normal(Set<String> whole, Set<String> started) {
        if (skipping > 0) {
            return empty();
        }
        Set<String> w = new HashSet<>();
        Set<String> p = new HashSet<>();
        for (String s : started) {
            p.add(s.length() > length ? s.substring(0, length) : s);
        }
        for (String s : whole) {
            if (s.length() >= length) {
                p.add(s.substring(0, length));
            } else {
                w.add(s);
            }
        }
        if (p.contains("")) {
            return anything();
        }
        int keep = length;
        while (w.size() + p.size() > CAP) {
            keep--;
            Set<String> shorter = new HashSet<>();
            for (String s : w) {
                shorter.add(s.length() > keep ? s.substring(0, keep) : s);
            }
            for (String s : p) {
                shorter.add(s.length() > keep ? s.substring(0, keep) : s);
            }
            // Every string is now only a prefix: a whole match shorter than keep could have been the whole match,
            // but as a prefix it still starts every match it stood for.
            w = new HashSet<>();
            p = shorter;
            if (p.contains("")) {
                return anything();
            }
        }
        return new Result(w, p);
    }

    private Result union(Result a, Result b) {
        if (skipping > 0) {
            return empty();
        }
        Set<String> whole = new HashSet<>(a.whole);
        whole.addAll(b.whole);
        Set<String> started = new HashSet<>(a.started);
        started.addAll(b.started);
        return normal(whole, started);
    }

    private Result concat(Result a, Result b) {
        if (skipping > 0) {
            return empty();
        }
        if (a.any()) {
            return anything();
        }
        if ((long) a.whole.size() * (b.whole.size() + b.started.size()) > 4L * CAP) {
            // Too many combinations to spell out: what a starts with is still true of every match.
            Set<String> started = new HashSet<>(a.started);
            started.addAll(a.whole);
            if (started.contains("")) {
                return anything();
            }
            return normal(Set.of(), started);
        }
        Set<String> whole = new HashSet<>();
        Set<String> started = new HashSet<>(a.started);
        for (String first : a.whole) {
            for (String second : b.whole) {
                whole.add(first + second);
            }
            for (String second : b.started) {
                started.add(first + second);
            }
        }
        return normal(whole, started);
    }

    /** x*: no repetition, or x then x* again, as far as the first {@link #length} characters. */
    private Result star(Result x) {
        if (skipping > 0) {
            return empty();
        }
        Result r = empty();
        for (int i = 0; i <= length; i++) {
            Result next = union(empty(), concat(x, r));
            if (next.equals(r)) {
                break; // nothing new: the same from here on
            }
            r = next;
        }
        return r;
    }

    private boolean atEnd() {
        return at >= regex.length();
    }

    private char peek() {
        return regex.charAt(at);
    }

    /** sequence ('|' sequence)* */
    private Result alternation() throws Unsure {
        Result result = sequence();
        while (!atEnd() && peek() == '|') {
            at++;
            result = union(result, sequence());
        }
        return result;
    }

    /** (atom quantifier?)* up to '|', ')' or the end. */
    private Result sequence() throws Unsure {
        Result result = empty();
        while (!atEnd() && peek() != '|' && peek() != ')') {
            if (skipping == 0 && result.whole.isEmpty()) {
                // Every match's start is known already: the rest is only read to find where it ends.
                skipping++;
                try {
                    quantified(atom());
                } finally {
                    skipping--;
                }
                continue;
            }
            Result part = quantified(atom());
            if (skipping == 0) {
                result = concat(result, part);
            }
        }
        return result;
    }

    /** An optional quantifier after an atom: ?, *, {0,..} make it optional; a lazy or possessive suffix is skipped. */
    private Result quantified(Result atom) throws Unsure {
        if (atEnd()) {
            return atom;
        }
        boolean optional;
        boolean repeated;
        char c = peek();
        if (c == '?' || c == '*') {
            optional = true;
            repeated = c == '*';
            at++;
        } else if (c == '+') {
            optional = false;
            repeated = true;
            at++;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                throw new Unsure();
            }
            String bounds = regex.substring(at + 1, close);
            if (!bounds.matches("\\d+(?:,\\d*)?")) {
                throw new Unsure();
            }
            int comma = bounds.indexOf(',');
            int min = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
            optional = min == 0;
            repeated = comma >= 0 || Integer.parseInt(bounds) > 1;
            at = close + 1;
        } else {
            return atom;
        }
        if (!atEnd() && (peek() == '?' || peek() == '+')) {
            at++; // lazy or possessive: the same first characters
        }
        // x{m,n} is read as x+ (or x* when m is 0): more matches than it has, never fewer.
        Result more = repeated ? concat(atom, star(atom)) : atom;
        return optional ? union(empty(), more) : more;
    }

    private Result atom() throws Unsure {
        char c = peek();
        switch (c) {
            case '(':
                return group();
            case '[': {
                BitSet chars = characterClass();
                return chars == UNKNOWN ? anything() : chars(chars);
            }
            case '\\': {
                BitSet escaped = escape(false);
                return escaped == null ? empty() : escaped == UNKNOWN ? anything() : chars(escaped);
            }
            case '.':
                at++;
                return anything();
            case '^':
            case '$':
                at++;
                return empty();
            case '*':
            case '+':
            case '?':
            case '{':
            case ']':
            case '}':
                throw new Unsure();
            default:
                return chars(literal());
        }
    }

    /** One plain character (a surrogate is left to "any": java.util.regex reads code points). */
    private BitSet literal() throws Unsure {
        char c = regex.charAt(at++);
        if (Character.isSurrogate(c)) {
            throw new Unsure();
        }
        BitSet one = new BitSet();
        one.set(c);
        return one;
    }

    private Result group() throws Unsure {
        at++; // (
        boolean zeroWidth = false;
        if (!atEnd() && peek() == '?') {
            at++;
            if (atEnd()) {
                throw new Unsure();
            }
            char kind = regex.charAt(at++);
            if (kind == ':' || kind == '>') {
                // non-capturing or atomic: the inner alternation's first characters
            } else if (kind == '=' || kind == '!') {
                zeroWidth = true;
            } else if (kind == '<') {
                if (atEnd()) {
                    throw new Unsure();
                }
                char next = peek();
                if (next == '=' || next == '!') {
                    at++;
                    zeroWidth = true;
                } else {
                    int close = regex.indexOf('>', at);
                    if (close < 0) {
                        throw new Unsure();
                    }
                    at = close + 1; // named capturing group
                }
            } else {
                throw new Unsure(); // inline flags
            }
        }
        Result inner = alternation();
        if (atEnd() || peek() != ')') {
            throw new Unsure();
        }
        at++;
        return zeroWidth ? empty() : inner;
    }

    /** [...]: plain characters, ranges and a few escapes; negated, nested or intersected classes are "any". */
    private BitSet characterClass() throws Unsure {
        at++; // [
        boolean negated = !atEnd() && peek() == '^';
        if (negated) {
            at++; // [^...]: read only to find where it ends; it matches characters not spelled out
        }
        if (atEnd() || peek() == ']') {
            throw new Unsure();
        }
        BitSet chars = new BitSet();
        boolean unknown = negated;
        while (true) {
            if (atEnd()) {
                throw new Unsure();
            }
            char c = peek();
            if (c == ']') {
                at++;
                return unknown ? UNKNOWN : chars;
            }
            if (c == '[' || (c == '&' && at + 1 < regex.length() && regex.charAt(at + 1) == '&')) {
                throw new Unsure();
            }
            BitSet item;
            int single = -1;
            if (c == '\\') {
                item = escape(true);
                if (item == UNKNOWN) {
                    unknown = true;
                    continue;
                }
                if (item.cardinality() == 1) {
                    single = item.nextSetBit(0);
                }
            } else {
                item = literal();
                single = c;
            }
            boolean range = single >= 0 && at + 1 < regex.length() && peek() == '-' && regex.charAt(at + 1) != ']';
            if (range) {
                at++; // -
                int to;
                if (peek() == '\\') {
                    BitSet escaped = escape(true);
                    if (escaped == UNKNOWN || escaped.cardinality() != 1) {
                        throw new Unsure();
                    }
                    to = escaped.nextSetBit(0);
                } else if (peek() == '[') {
                    throw new Unsure();
                } else {
                    to = literal().nextSetBit(0);
                }
                if (to < single) {
                    throw new Unsure();
                }
                chars.set(single, to + 1);
            } else {
                chars.or(item);
            }
        }
    }

    /**
     * A backslash escape: the characters it matches, or null for the zero-width \b and \B; {@code inClass} when
     * inside [...], where those are not read.
     */
    private BitSet escape(boolean inClass) throws Unsure {
        at++; // backslash
        if (atEnd()) {
            throw new Unsure();
        }
        char c = regex.charAt(at++);
        BitSet chars = new BitSet();
        switch (c) {
            case 'b':
            case 'B':
                if (inClass) {
                    throw new Unsure();
                }
                return null;
            case 'd':
                chars.set('0', '9' + 1);
                return chars;
            case 's':
                chars.set(' ');
                chars.set('\t');
                chars.set('\n');
                chars.set(0x0B);
                chars.set('\f');
                chars.set('\r');
                return chars;
            case 'w':
                chars.set('a', 'z' + 1);
                chars.set('A', 'Z' + 1);
                chars.set('0', '9' + 1);
                chars.set('_');
                return chars;
            case 'n':
                chars.set('\n');
                return chars;
            case 't':
                chars.set('\t');
                return chars;
            case 'r':
                chars.set('\r');
                return chars;
            case 'f':
                chars.set('\f');
                return chars;
            case 'x':
                return hex(2);
            case 'u':
                return hex(4);
            case 'S':
            case 'W':
            case 'D':
            case 'h':
            case 'H':
            case 'v':
            case 'V':
                return UNKNOWN; // one character, not spelled out here
            case 'p':
            case 'P':
                if (!atEnd() && peek() == '{') {
                    int close = regex.indexOf('}', at);
                    if (close < 0) {
                        throw new Unsure();
                    }
                    at = close + 1;
                } else if (!atEnd() && Character.isLetter(peek())) {
                    at++;
                } else {
                    throw new Unsure();
                }
                return UNKNOWN;
            default:
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || Character.isSurrogate(c) || c > 127) {
                    throw new Unsure(); // \Q, \1, \k<..>, \R, \X, \0.., \cX ...: not read here
                }
                chars.set(c); // an escaped punctuation character is itself
                return chars;
        }
    }

    private BitSet hex(int digits) throws Unsure {
        if (at + digits > regex.length()) {
            throw new Unsure();
        }
        String hex = regex.substring(at, at + digits);
        if (!hex.matches("[0-9a-fA-F]+")) {
            throw new Unsure(); // \x{...} and the like
        }
        at += digits;
        int value = Integer.parseInt(hex, 16);
        if (Character.isSurrogate((char) value)) {
            throw new Unsure();
        }
        BitSet one = new BitSet();
        one.set(value);
        return one;
    }
}
