package com.makeitright.triage.classify;

import com.makeitright.testing.LabeledExamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-character index of {@link Phrases} changes no match: every rule of the shipped lexicon, over every
 * complaint text of the corpus, the blind set and the labeled examples, finds exactly what the joined alternation
 * found with java.util.regex before ({@link #reference}: the old {@code Rule.firstMatch}, kept here as the
 * reference), at every word start, as first match with its guard, and as {@code Text.matches}.
 */
class PhrasesEquivalenceTest {

    private static final Rules RULES = Rules.standard();
    /** The texts the rules read, as {@link Classifier#read} builds them: full, spoken and description. */
    private static final List<Text> TEXTS = new ArrayList<>();
    /**
     * Every how many complaints the exhaustive comparisons read: a fixed quarter of ~3,000 complaints keeps the
     * test to seconds in every build; {@code -Dtriage.equivalence.every=1} compares all of them (~30 s), as was
     * done when the index was written.
     */
    private static final int EVERY = Integer.getInteger("triage.equivalence.every", 4);

    @BeforeAll
    static void loadEveryText() throws Exception {
        List<ComplaintText> complaints = new ArrayList<>();
        List<String> sources = new ArrayList<>(ModelTrainer.CORPUS);
        sources.add("blind-test-C");
        for (String source : sources) {
            for (ModelTrainer.Example example : ModelTrainer.load(source)) {
                complaints.add(example.text());
            }
        }
        for (LabeledExamples.Example example : LabeledExamples.all()) {
            complaints.add(Texts.of(example.complaint()));
        }
        for (int i = 0; i < complaints.size(); i += EVERY) {
            ComplaintText c = complaints.get(i);
            String spoken = c.subject() + "\n" + c.description();
            TEXTS.add(new Text(spoken));
            TEXTS.add(new Text(c.desiredOutcome() == null ? spoken : spoken + "\n" + c.desiredOutcome()));
            TEXTS.add(new Text(c.description()));
        }
        assertThat(complaints).hasSizeGreaterThan(3_000);
    }

    private static List<Rule> everyRule() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(RULES.causeRules);
        rules.addAll(RULES.angerRules);
        rules.addAll(RULES.rootCauseRules);
        rules.add(RULES.neverArrived);
        return rules;
    }

    /** The joined pattern's end at a word start, as the old matcher computed it, or -1. */
    private static int joinedEndAt(Matcher m, Text text, int start) {
        m.region(start, text.lower.length());
        return m.lookingAt() ? m.end() : -1;
    }

    @Test
    void everyRuleMatchesAsItsJoinedPatternAtEveryWordStartOfEveryText() {
        long compared = 0;
        long matched = 0;
        for (Rule rule : everyRule()) {
            if (!rule.phrases().startsAtWord()) {
                continue;
            }
            for (Text text : TEXTS) {
                Matcher joined = rule.pattern().matcher(text.lower).useTransparentBounds(true).useAnchoringBounds(false);
                Phrases.Scan scan = rule.phrases().scan(text.lower);
                for (int start : text.wordStarts()) {
                    int expected = joinedEndAt(joined, text, start);
                    int actual = scan.endAt(start);
                    if (actual != expected) { // (assertThat only on a difference: 30 million comparisons)
                        assertThat(actual).as("rule %s at %d of: %s", rule.signal(), start, text.lower)
                                .isEqualTo(expected);
                    }
                    compared++;
                    matched += expected >= 0 ? 1 : 0;
                }
            }
        }
        System.out.printf("compared %d word starts, %d matches%n", compared, matched);
        assertThat(matched).as("the comparison saw matches").isGreaterThan(10_000);
    }

    @Test
    void everyFirstMatchIsTheOldOne() {
        Map<String, Integer> fired = new LinkedHashMap<>();
        for (Rule rule : everyRule()) {
            for (Text text : TEXTS) {
                Evidence expected = reference(rule, text);
                Evidence actual = rule.firstMatch(text);
                if (!java.util.Objects.equals(actual, expected)) {
                    assertThat(actual).as("rule %s on: %s", rule.signal(), text.original).isEqualTo(expected);
                }
                if (expected != null) {
                    fired.merge(rule.signal(), 1, Integer::sum);
                }
            }
        }
        assertThat(fired.size()).as("rules that fired at least once").isGreaterThan(everyRule().size() / 2);
    }

    @Test
    void textMatchesIsTheSameWithPhrasesAsWithTheJoinedPattern() {
        for (Rule rule : everyRule()) {
            for (Text text : TEXTS) {
                List<int[]> expected = text.matches(rule.pattern(), 3);
                List<int[]> actual = text.matches(rule.phrases(), 3);
                assertThat(actual).as("rule %s on: %s", rule.signal(), text.original)
                        .usingElementComparator((a, b) -> a[0] == b[0] && a[1] == b[1] ? 0 : 1)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void everyCuePatternFindsTheSameMatchesIndexedAsJoined() {
        List<Pattern> cues = List.of(RULES.repeat, RULES.counted, RULES.safetyOrLegal, RULES.missingOrCold,
                RULES.recently, RULES.refund, RULES.event, RULES.returnForRefund, RULES.defectAfterUse, RULES.polite,
                RULES.used, RULES.money, RULES.demandContext, RULES.friendlyEnd);
        int found = 0;
        for (Pattern cue : cues) {
            Phrases phrases = RULES.phrases(cue);
            assertThat(phrases.pattern()).isSameAs(cue);
            for (Text text : TEXTS) {
                List<int[]> expected = text.matches(cue, 5);
                List<int[]> actual = text.matches(phrases, 5);
                boolean same = expected.size() == actual.size();
                for (int i = 0; same && i < expected.size(); i++) {
                    same = expected.get(i)[0] == actual.get(i)[0] && expected.get(i)[1] == actual.get(i)[1];
                }
                if (!same) {
                    assertThat(actual).as("cue %s on: %s", cue.pattern(), text.original)
                            .usingElementComparator((a, b) -> a[0] == b[0] && a[1] == b[1] ? 0 : 1)
                            .containsExactlyElementsOf(expected);
                }
                found += expected.size();
            }
        }
        assertThat(found).as("the cues matched somewhere").isGreaterThan(1_000);
    }

    /** Not only word starts: every position of the labeled examples, where punctuation and spaces start too. */
    @Test
    void everyRuleMatchesAsItsJoinedPatternAtEveryPositionOfTheLabeledExamples() {
        for (LabeledExamples.Example example : LabeledExamples.all()) {
            ComplaintText c = Texts.of(example.complaint());
            Text text = new Text(c.subject() + "\n" + c.description() + "\n" + c.desiredOutcome());
            for (Rule rule : everyRule()) {
                Matcher joined = rule.pattern().matcher(text.lower).useTransparentBounds(true).useAnchoringBounds(false);
                Phrases.Scan scan = rule.phrases().scan(text.lower);
                for (int start = 0; start <= text.lower.length(); start++) {
                    int expected = joinedEndAt(joined, text, start);
                    int actual = scan.endAt(start);
                    if (actual != expected) {
                        assertThat(actual).as("rule %s at %d of: %s", rule.signal(), start, text.lower)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void aLineWithInlineFlagsOrABackReferenceKeepsTheJoinedPattern() {
        // "(?i)" in the second line also makes the third case-insensitive in the joined pattern.
        Phrases flags = Phrases.of(List.of("\\bx", "(?i)y", "\\bc"));
        assertThat(flags.candidates('c')).containsExactly(-1);
        assertThat(flags.scan("C").endAt(0)).isEqualTo(1);
        // \1 names the first group of the joined pattern, which is in another line.
        Phrases backReference = Phrases.of(List.of("\\b(a)", "\\bb\\1"));
        assertThat(backReference.candidates('b')).containsExactly(-1);
        assertThat(backReference.scan("ba").endAt(0)).isEqualTo(-1);
        // A pattern that does not start with \b is searched everywhere, with the joined pattern.
        Phrases anywhere = Phrases.of(List.of("!{2,}", "\\?{2,}"));
        assertThat(anywhere.startsAtWord()).isFalse();
        assertThat(anywhere.candidates('!')).containsExactly(-1);
    }

    @Test
    void aWordStartTriesOnlyTheLinesThatCanStartThereInFileOrder() {
        Phrases phrases = Phrases.of(List.of("\\bwrong (?:item|size)", "\\b(?:sent|got) (?:the )?wrong", "\\b.*late",
                "\\bwent\\b", "\\b[\\w']+ly\\b"));
        assertThat(phrases.candidates('w')).containsExactly(0, 2, 3, 4);
        assertThat(phrases.candidates('s')).containsExactly(1, 2, 4);
        assertThat(phrases.candidates('é')).containsExactly(2);
        assertThat(phrases.scan("they sent the wrong item").endAt(5)).isEqualTo(19);
        assertThat(phrases.scan("wrong item").endAt(0)).isEqualTo(10);
        assertThat(phrases.scan("went home late").endAt(0)).as("first line in order that matches: .*late").isEqualTo(14);
        // The second character narrows further: "wr" can only be line 0, the "any" line and \\w.
        assertThat(phrases.candidates('w', 'r')).containsExactly(0, 2, 4);
        assertThat(phrases.candidates('w', 'e')).containsExactly(2, 3, 4);
        assertThat(phrases.candidates('s', 'x')).containsExactly(2, 4);
        assertThat(phrases.scan("w").endAt(0)).as("a one-letter text").isEqualTo(-1);
    }

    /** The old {@code Rule.firstMatch}: the joined pattern at every word start, with the rule's guard. */
    static Evidence reference(Rule rule, Text text) {
        Pattern pattern = rule.pattern();
        Matcher m = pattern.matcher(text.lower);
        if (!pattern.pattern().startsWith("\\b")) {
            while (m.find()) {
                Evidence e = accept(rule, text, m);
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
                Evidence e = accept(rule, text, m);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    private static Evidence accept(Rule rule, Text text, Matcher m) {
        Rule.Guard guard = rule.guard();
        boolean negated = (guard == Rule.Guard.NOT_NEGATED || guard == Rule.Guard.OWN_NOT_NEGATED) && text.negatedAt(m.start());
        boolean reported = (guard == Rule.Guard.OWN_WORDS || guard == Rule.Guard.OWN_NOT_NEGATED) && text.reportedAt(m.start());
        boolean notANote = guard == Rule.Guard.NARRATED && !text.narrated;
        if (!negated && !reported && !notANote) {
            return new Evidence(rule.signal(), text.slice(m.start(), m.end()).trim(), rule.weight(), rule.indicates());
        }
        return null;
    }
}
