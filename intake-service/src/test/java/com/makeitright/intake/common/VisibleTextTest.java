package com.makeitright.intake.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as text a person wrote: one visible character is enough; whitespace, controls and marks are not. */
class VisibleTextTest {

    @Test
    void textWithAnyVisibleCharacterIsText() {
        assertThat(VisibleText.Rule.hasVisible("The CD is wrong")).isTrue();
        assertThat(VisibleText.Rule.hasVisible("\u0000\u0007 ok\n\t")).isTrue();
        assertThat(VisibleText.Rule.hasVisible("😀")).isTrue();
        assertThat(VisibleText.Rule.hasVisible("é")).isTrue();
    }

    @Test
    void onlyWhitespaceControlsOrInvisibleMarksIsNot() {
        assertThat(VisibleText.Rule.hasVisible("\u0000\u0007\n\t")).isFalse();
        assertThat(VisibleText.Rule.hasVisible(" \u00A0\u2028\u3000")).isFalse();
        assertThat(VisibleText.Rule.hasVisible("\u200B\uFEFF\u0085\u007F\u001B")).isFalse();
        assertThat(VisibleText.Rule.hasVisible("\uD800")).isFalse();
    }
}
