package com.makeitright.triage.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phrase rule: when its pattern matches the lower-cased complaint (and its guard allows it), the signal
 * fires with the matched words as evidence.
 *
 * @param indicates {@code cause:<Cause>}, {@code anger:<Anger>} or {@code root:<RootCause>}
 */
record Rule(String signal, String indicates, double weight, Guard guard, Pattern pattern) {

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
     * (a fifth of all positions); a pattern that can start elsewhere (punctuation) is searched everywhere.
     */
    Evidence firstMatch(Text text) {
        Matcher m = pattern.matcher(text.lower);
        if (!startsAtWord()) {
            while (m.find()) {
                Evidence e = accept(text, m);
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int start : text.wordStarts()) {
            m.region(start, text.lower.length());
            if (m.lookingAt()) {
                Evidence e = accept(text, m);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private boolean startsAtWord() {
        return pattern.pattern().startsWith("\\b");
    }

    private Evidence accept(Text text, Matcher m) {
        {
            boolean negated = (guard == Guard.NOT_NEGATED || guard == Guard.OWN_NOT_NEGATED) && text.negatedAt(m.start());
            boolean reported = (guard == Guard.OWN_WORDS || guard == Guard.OWN_NOT_NEGATED) && text.reportedAt(m.start());
            boolean notANote = guard == Guard.NARRATED && !text.narrated;
            if (!negated && !reported && !notANote) {
                return new Evidence(signal, text.slice(m.start(), m.end()).trim(), weight, indicates);
            }
        }
        return null;
    }
}
