package com.makeitright.triage.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phrase rule: when its pattern matches the lower-cased complaint (and its guard allows it), the signal
 * fires with the matched words as evidence.
 *
 * @param indicates {@code cause:<Cause>}, {@code anger:<Anger>} or {@code root:<RootCause>}
 */
record Rule(String signal, String indicates, double weight, Guard guard, Phrases phrases) {

    /** The rule's lines as one alternation, as the lexicon wrote them. */
    Pattern pattern() {
        return phrases.pattern();
    }

    /** When a match does not count. */
    enum Guard {
        /** Every match counts. */
        ANY,
        /** Not when negated just before ("not angry at you", "I'm not upset"). */
        NOT_NEGATED,
        /** Not in someone else's words: quoted speech or "he called me ...". */
        OWN_WORDS,
        /** Both of the above. */
        OWN_NOT_NEGATED,
        /** Only in an agent's note about the customer ("Caller says ..."), where "he", "she" and quotes are the customer's. */
        NARRATED
    }

    /**
     * The first match that passes the guard, or null. Phrases start at a word, so only word starts are tried
     * (a fifth of all positions), each trying only the lines that can start with the character there
     * ({@link Phrases}); a pattern that can start elsewhere (punctuation) is searched everywhere.
     */
    Evidence firstMatch(Text text) {
        if (!phrases.startsAtWord()) {
            Matcher m = pattern().matcher(text.lower);
            while (m.find()) {
                Evidence e = accept(text, m.start(), m.end());
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        Phrases.Scan scan = phrases.scan(text.lower);
        for (int start : text.wordStarts()) {
            int end = scan.endAt(start);
            if (end >= 0) {
                Evidence e = accept(text, start, end);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private Evidence accept(Text text, int start, int end) {
        boolean negated = (guard == Guard.NOT_NEGATED || guard == Guard.OWN_NOT_NEGATED) && text.negatedAt(start);
        boolean reported = (guard == Guard.OWN_WORDS || guard == Guard.OWN_NOT_NEGATED) && text.reportedAt(start);
        boolean notANote = guard == Guard.NARRATED && !text.narrated;
        if (!negated && !reported && !notANote) {
            return new Evidence(signal, text.slice(start, end).trim(), weight, indicates);
        }
        return null;
    }
}
