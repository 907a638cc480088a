package com.makeitright.triage.classify;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lexicon files compile at start-up, and a mistake in one fails start-up naming the file and the line. */
class RulesTest {

    private static final String DIR = Rules.DIRECTORY;

    @Test
    void theShippedLexiconCompiles() {
        Rules rules = Rules.standard();

        assertThat(rules.causeRules).extracting(Rule::signal).startsWith("wrong-item", "missing-part")
                .contains("bad-day", "repeat-claim").doesNotHaveDuplicates();
        assertThat(rules.angerRules).extracting(Rule::signal).contains("insult", "threat", "disappointment");
        assertThat(rules.angerRules).filteredOn(r -> r.signal().equals("insult")).singleElement()
                .satisfies(r -> {
                    assertThat(r.guard()).isEqualTo(Rule.Guard.OWN_NOT_NEGATED);
                    assertThat(r.pattern().pattern()).as("families are expanded").doesNotContain("{strong-insults}")
                            .contains("i(?:diots?|");
                });
        assertThat(rules.rootCauseRules).hasSize(10);
        assertThat(rules.neverArrived.indicates()).isEqualTo("cause:SUSPECTED_ABUSE");
        assertThat(rules.notShouting).contains("USD", "ASAP");
        assertThat(rules.english).contains("the", "please");
    }

    @Test
    void aBadRegularExpressionNamesTheFileAndTheLine() {
        Map<String, String> texts = shipped();
        String cause = texts.get("cause.lexicon");
        int line = lineOf(cause, "    \\bcame without\\b");
        texts.put("cause.lexicon", cause.replace("    \\bcame without\\b\n", "    \\bcame (?:without\\b\n"));

        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessageStartingWith(DIR + "cause.lexicon:" + line + ": bad regular expression in rule 'missing-part'")
                .hasMessageContaining("\\bcame (?:without\\b");
    }

    @Test
    void anUnknownWordFamilyNamesTheFileAndTheLine() {
        Map<String, String> texts = shipped();
        String anger = texts.get("anger.lexicon");
        String original = "(?:{strong-insults}|{context-insults})(?![\\w-])";
        int line = lineOf(anger, original);
        texts.put("anger.lexicon", anger.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement("(?:{strong-insult}|{context-insults})(?![\\w-])")));

        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessage(DIR + "anger.lexicon:" + line + ": unknown word family {strong-insult} (families are defined"
                        + " in words.lexicon, before they are used)");
    }

    @Test
    void anUnknownCauseOrGuardNamesTheRule() {
        Map<String, String> texts = shipped();
        String cause = texts.get("cause.lexicon");
        int line = lineOf(cause, "rule harm cause:OUR_ERROR 0.8");

        texts.put("cause.lexicon", cause.replace("rule harm cause:OUR_ERROR 0.8", "rule harm cause:OUR_FAULT 0.8"));
        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessageStartingWith(DIR + "cause.lexicon:" + line + ": rule 'harm': points to unknown cause 'OUR_FAULT'");

        texts.put("cause.lexicon", cause.replace("rule harm cause:OUR_ERROR 0.8", "rule harm cause:OUR_ERROR 0.8 not-quoted"));
        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessageStartingWith(DIR + "cause.lexicon:" + line + ": rule 'harm': unknown guard not-quoted");

        texts.put("cause.lexicon", cause.replace("rule harm cause:OUR_ERROR 0.8", "rule harm anger:ANGRY 0.8"));
        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessage(DIR + "cause.lexicon: rule 'harm' points to anger:ANGRY; every rule of cause.lexicon points"
                        + " to cause:<...>");
    }

    @Test
    void aMisspelledEntryOrAMissingCueFailsStartUp() {
        Map<String, String> texts = shipped();
        String cues = texts.get("cues.lexicon");
        int line = lineOf(cues, "pattern polite");

        texts.put("cues.lexicon", cues.replace("pattern polite", "patern polite"));
        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessageStartingWith(DIR + "cues.lexicon:" + line + ": expected an entry");

        texts.put("cues.lexicon", cues.replace("pattern polite", "pattern courtesy"));
        assertThatThrownBy(() -> Rules.compile(DIR, texts))
                .hasMessage(DIR + "cues.lexicon has no pattern 'polite'");
    }

    private static Map<String, String> shipped() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : Rules.FILES) {
            try (InputStream in = RulesTest.class.getResourceAsStream(DIR + file)) {
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return texts;
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not in the lexicon: " + fragment);
    }
}
