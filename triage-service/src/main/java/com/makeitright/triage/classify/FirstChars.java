package com.makeitright.triage.classify;

import java.util.BitSet;

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

    private final String regex;
    private int at;

    private FirstChars(String regex) {
        this.regex = regex;
    }

    /** The characters a match of {@code regex} can start with, or {@link #ANY} (null) when unsure. */
    static BitSet of(String regex) {
        try {
            FirstChars reader = new FirstChars(regex);
            Result result = reader.alternation();
            if (reader.at != regex.length() || result.any || result.nullable) {
                return ANY;
            }
            return result.chars;
        } catch (Unsure | RuntimeException e) {
            return ANY;
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

    /** First characters of a part, whether it can match nothing, and whether it can start with anything. */
    private record Result(BitSet chars, boolean nullable, boolean any) {

        static Result empty() {
            return new Result(new BitSet(), true, false);
        }

        static Result of(BitSet chars) {
            return new Result(chars, false, false);
        }

        static Result anything() {
            return new Result(new BitSet(), false, true);
        }
    }

    private boolean atEnd() {
        return at >= regex.length();
    }

    private char peek() {
        return regex.charAt(at);
    }

    /** sequence ('|' sequence)* */
    private Result alternation() throws Unsure {
        BitSet chars = new BitSet();
        boolean nullable = false;
        boolean any = false;
        while (true) {
            Result branch = sequence();
            chars.or(branch.chars);
            nullable |= branch.nullable;
            any |= branch.any;
            if (!atEnd() && peek() == '|') {
                at++;
                continue;
            }
            return new Result(chars, nullable, any);
        }
    }

    /** (atom quantifier?)* up to '|', ')' or the end. */
    private Result sequence() throws Unsure {
        BitSet chars = new BitSet();
        boolean any = false;
        boolean stillNullable = true;
        while (!atEnd() && peek() != '|' && peek() != ')') {
            Result atom = quantified(atom());
            if (stillNullable) {
                chars.or(atom.chars);
                any |= atom.any;
                stillNullable = atom.nullable;
            }
        }
        return new Result(chars, stillNullable, any);
    }

    /** An optional quantifier after an atom: ?, *, {0,..} make it optional; a lazy or possessive suffix is skipped. */
    private Result quantified(Result atom) throws Unsure {
        if (atEnd()) {
            return atom;
        }
        boolean optional;
        char c = peek();
        if (c == '?' || c == '*') {
            optional = true;
            at++;
        } else if (c == '+') {
            optional = false;
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
            at = close + 1;
        } else {
            return atom;
        }
        if (!atEnd() && (peek() == '?' || peek() == '+')) {
            at++; // lazy or possessive: the same first characters
        }
        return optional ? new Result(atom.chars, true, atom.any) : atom;
    }

    private Result atom() throws Unsure {
        char c = peek();
        switch (c) {
            case '(':
                return group();
            case '[':
                return characterClass();
            case '\\':
                return escape(false);
            case '.':
                at++;
                return Result.anything();
            case '^':
            case '$':
                at++;
                return Result.empty();
            case '*':
            case '+':
            case '?':
            case '{':
            case ']':
            case '}':
                throw new Unsure();
            default:
                return Result.of(literal());
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
        return zeroWidth ? Result.empty() : inner;
    }

    /** [...]: plain characters, ranges and a few escapes; negated, nested or intersected classes are "any". */
    private Result characterClass() throws Unsure {
        at++; // [
        if (atEnd() || peek() == '^' || peek() == ']') {
            throw new Unsure();
        }
        BitSet chars = new BitSet();
        while (true) {
            if (atEnd()) {
                throw new Unsure();
            }
            char c = peek();
            if (c == ']') {
                at++;
                return Result.of(chars);
            }
            if (c == '[' || (c == '&' && at + 1 < regex.length() && regex.charAt(at + 1) == '&')) {
                throw new Unsure();
            }
            BitSet item;
            int single = -1;
            if (c == '\\') {
                Result escaped = escape(true);
                if (escaped.any || escaped.nullable) {
                    throw new Unsure();
                }
                item = escaped.chars;
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
                    Result escaped = escape(true);
                    if (escaped.any || escaped.nullable || escaped.chars.cardinality() != 1) {
                        throw new Unsure();
                    }
                    to = escaped.chars.nextSetBit(0);
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

    /** A backslash escape; {@code inClass} when inside [...], where \b is not a boundary. */
    private Result escape(boolean inClass) throws Unsure {
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
                return Result.empty();
            case 'd':
                chars.set('0', '9' + 1);
                return Result.of(chars);
            case 's':
                chars.set(' ');
                chars.set('\t');
                chars.set('\n');
                chars.set(0x0B);
                chars.set('\f');
                chars.set('\r');
                return Result.of(chars);
            case 'w':
                chars.set('a', 'z' + 1);
                chars.set('A', 'Z' + 1);
                chars.set('0', '9' + 1);
                chars.set('_');
                return Result.of(chars);
            case 'n':
                chars.set('\n');
                return Result.of(chars);
            case 't':
                chars.set('\t');
                return Result.of(chars);
            case 'r':
                chars.set('\r');
                return Result.of(chars);
            case 'f':
                chars.set('\f');
                return Result.of(chars);
            case 'x':
                return Result.of(hex(2));
            case 'u':
                return Result.of(hex(4));
            default:
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || Character.isSurrogate(c) || c > 127) {
                    throw new Unsure(); // \p{..}, \Q, \1, \k<..>, \R, \h, \S, \W, \0.., \cX ...: not read here
                }
                chars.set(c); // an escaped punctuation character is itself
                return Result.of(chars);
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
