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
        int line = lineOf(shipped().get("cause.lexicon"), "    \\bcame without\\b");

        assertThatThrownBy(() -> compileWith("cause.lexicon", "    \\bcame without\\b\n", "    \\bcame (?:without\\b\n"))
                .hasMessageStartingWith(DIR + "cause.lexicon:" + line + ": bad regular expression in rule 'missing-part'")
                .hasMessageContaining("\\bcame (?:without\\b");
    }

    @Test
    void anUnknownWordFamilyNamesTheFileAndTheLine() {
        String original = "(?:{strong-insults}|{context-insults})(?![\\w-])";
        int line = lineOf(shipped().get("anger.lexicon"), original);

        assertThatThrownBy(() -> compileWith("anger.lexicon", original, "(?:{strong-insult}|{context-insults})(?![\\w-])"))
                .hasMessage(DIR + "anger.lexicon:" + line + ": unknown word family {strong-insult} (families are defined"
                        + " in words.lexicon, before they are used)");
    }

    @Test
    void anUnknownCauseOrGuardNamesTheRule() {
        String harm = "rule harm cause:OUR_ERROR 0.8";
        int line = lineOf(shipped().get("cause.lexicon"), harm);

        assertThatThrownBy(() -> compileWith("cause.lexicon", harm, "rule harm cause:OUR_FAULT 0.8"))
                .hasMessageStartingWith(DIR + "cause.lexicon:" + line + ": rule 'harm': points to unknown cause 'OUR_FAULT'");
        assertThatThrownBy(() -> compileWith("cause.lexicon", harm, harm + " not-quoted"))
                .hasMessageStartingWith(DIR + "cause.lexicon:" + line + ": rule 'harm': unknown guard not-quoted");
        assertThatThrownBy(() -> compileWith("cause.lexicon", harm, "rule harm anger:ANGRY 0.8"))
                .hasMessage(DIR + "cause.lexicon: rule 'harm' points to anger:ANGRY; every rule of cause.lexicon points"
                        + " to cause:<...>");
    }

    @Test
    void aMisspelledEntryOrAMissingCueFailsStartUp() {
        int line = lineOf(shipped().get("cues.lexicon"), "pattern polite");

        assertThatThrownBy(() -> compileWith("cues.lexicon", "pattern polite", "patern polite"))
                .hasMessageStartingWith(DIR + "cues.lexicon:" + line + ": expected an entry");
        assertThatThrownBy(() -> compileWith("cues.lexicon", "pattern polite", "pattern courtesy"))
                .hasMessage(DIR + "cues.lexicon has no pattern 'polite'");
    }

    /** Compiles the shipped lexicon with one line of one file changed. */
    private static Rules compileWith(String file, String line, String replacement) {
        Map<String, String> texts = shipped();
        texts.put(file, texts.get(file).replace(line, replacement));
        return Rules.compile(DIR, texts);
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
