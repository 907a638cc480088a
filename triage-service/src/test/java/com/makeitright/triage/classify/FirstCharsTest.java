package com.makeitright.triage.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first characters read from a regular expression's text, and every case where the reader says "any". */
class FirstCharsTest {

    private static String chars(String regex) {
        BitSet set = FirstChars.of(regex);
        assertThat(set).as("narrowed down: " + regex).isNotNull();
        StringBuilder out = new StringBuilder();
        set.stream().forEach(c -> out.append((char) c));
        return out.toString();
    }

    @Test
    void aLiteralStartIsItsFirstCharacterAfterZeroWidthParts() {
        assertThat(chars("wrong")).isEqualTo("w");
        assertThat(chars("\\bwrong\\b")).isEqualTo("w");
        assertThat(chars("^\\B$x")).isEqualTo("x");
        assertThat(chars("\\b(?<=\\s)(?=w)(?!x)(?<!y)wrong")).isEqualTo("w");
        assertThat(chars("a+b")).isEqualTo("a");
        assertThat(chars("a{2,}b")).isEqualTo("a");
        assertThat(chars("a{1}+b")).isEqualTo("a");
    }

    @Test
    void alternativesAndGroupsUniteTheirFirstCharacters() {
        assertThat(chars("\\b(?:sent|send|gave|got)\\b")).isEqualTo("gs");
        assertThat(chars("\\bi(?:diots?|mbeciles?)|m(?:orons?)")).isEqualTo("im");
        assertThat(chars("(wrong|(?<name>bad)|(?>odd))")).isEqualTo("bow");
        assertThat(chars("x|y|z")).isEqualTo("xyz");
    }

    @Test
    void anOptionalFirstPartAddsWhatFollowsIt() {
        assertThat(chars("\\b(?:a |the |new )?(?:crack|dent)")).isEqualTo("acdnt");
        assertThat(chars("\\b(?:a |the )*crack")).isEqualTo("act");
        assertThat(chars("\\bx?y{0,3}z")).isEqualTo("xyz");
        assertThat(chars("\\bx??y*+z")).isEqualTo("xyz");
        assertThat(chars("(?:(?:a)?)?b")).isEqualTo("ab");
    }

    @Test
    void classesAndEscapesThatAreSpelledOut() {
        assertThat(chars("[a-c]x")).isEqualTo("abc");
        assertThat(chars("[xa-b-]")).isEqualTo("-abx");
        assertThat(chars("[\\-\\.a]")).isEqualTo("-.a");
        assertThat(chars("\\d+")).isEqualTo("0123456789");
        assertThat(chars("[\\d£$]")).isEqualTo("$0123456789£");
        assertThat(chars("\\s")).isEqualTo("\t\n\u000b\f\r ");
        assertThat(chars("\\x20|\\u00e9")).isEqualTo(" é");
        assertThat(chars("\\$\\d")).isEqualTo("$");
        assertThat(chars("\\w")).hasSize(63).contains("a", "Z", "0", "_");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ".*late", "\\b.", // any character
            "[^a]b", "[[a-b]c]", "[a-z&&[^x]]", "[]a]", // negated, nested, intersected classes
            "\\p{L}+", "\\P{L}", "\\Qab\\E", "\\S", "\\W", "\\D", "\\h", "\\R", "\\X", "\\0101", "\\cA", "\\x{41}",
            "(a)\\1", "(?<n>a)\\k<n>", // back-references
            "(?i)a", "(?i:a)", "(?-i)a", "(?u)a", // inline flags
            "a?", "(?:a|)", "\\b", "(?=a)", "", "a*|b", "x{0}", // can match the empty string
            "a|.", "(?:a|\\w|\\p{L})b", // one unknown alternative is enough
            "\uD83D\uDE00", "[\uD83D\uDE00]", // code points beyond the BMP
    })
    void whateverItIsNotSureOfIsAny(String regex) {
        Pattern.compile(regex); // each is a valid expression
        assertThat(FirstChars.of(regex)).as(regex).isSameAs(FirstChars.ANY);
    }

    @Test
    void malformedTextIsAnyRatherThanAnError() {
        for (String broken : List.of("(", "a)", "[ab", "\\", "a{", "a{x}", "*a", "\\x2", "(?<n", "(?")) {
            assertThat(FirstChars.of(broken)).as(broken).isSameAs(FirstChars.ANY);
        }
    }

    @Test
    void whatReachesBeyondItsOwnLineOnceJoined() {
        assertThat(FirstChars.reachesOutside("(?i)abc")).isTrue();
        assertThat(FirstChars.reachesOutside("a(?i:b)c")).isTrue();
        assertThat(FirstChars.reachesOutside("(a)\\1")).isTrue();
        assertThat(FirstChars.reachesOutside("(?<n>a)\\k<n>")).isTrue();
        assertThat(FirstChars.reachesOutside("\\b(?:a|b)(?=c)(?!d)(?<=e)(?<!f)(?<g>h)(?>i)\\\\1\\d")).isFalse();
    }

    @Test
    void theFirstTwoCharactersOfEveryMatch() {
        assertThat(FirstChars.prefixes("\\b(?:sent|send|shipped)(?: me)? the wrong", 2)).containsExactly("se", "sh");
        assertThat(FirstChars.prefixes("\\b(?:a |an |the )?wrong", 2)).containsExactly("a ", "an", "th", "wr");
        assertThat(FirstChars.prefixes("\\bx(?:y|\\b)", 2)).as("a whole match of one character").containsExactly("x", "xy");
        assertThat(FirstChars.prefixes("\\bo+h", 2)).containsExactly("oh", "oo");
        assertThat(FirstChars.prefixes("\\bno{0,2}!", 2)).containsExactly("n!", "no");
        assertThat(FirstChars.prefixes("\\b[ab][cd]", 2)).containsExactly("ac", "ad", "bc", "bd");
        assertThat(FirstChars.prefixes("\\bw.", 2)).as("what follows is unknown: only the first").containsExactly("w");
        assertThat(FirstChars.prefixes("\\bwrong", 3)).containsExactly("wro");
        assertThat(FirstChars.prefixes("\\b.x", 2)).isNull();
        assertThat(FirstChars.prefixes("\\bx?", 2)).isNull();
    }

    @Test
    void aPartNotSpelledOutEndsWhatIsKnownButNotWhatCameBefore() {
        assertThat(FirstChars.prefixes("\\bis [^.?!]{0,40}\\bonly\\b", 4)).containsExactly("is ");
        assertThat(FirstChars.prefixes("\\bx\\p{L}y", 4)).containsExactly("x");
        assertThat(FirstChars.prefixes("\\b(?:ab|c[^d])e", 4)).containsExactly("abe", "c");
        assertThat(FirstChars.prefixes("\\ba[\\S]", 4)).containsExactly("a");
        assertThat(FirstChars.of("\\bfree\\b[^.!?]{0,30}\\bforever")).isEqualTo(FirstChars.of("f"));
    }

    @Test
    void tooManyPrefixesBecomeShorterOnes() {
        assertThat(FirstChars.prefixes("\\w\\w\\w", 2)).as("63 × 63 pairs are too many: first characters only")
                .hasSize(63).allMatch(p -> p.length() == 1);
    }
}
