package com.makeitright.intake.webhooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @Test
    void tagsGoBlocksBecomeLines() {
        assertThat(HtmlText.toText("<p>Hello,</p><p>my <b>mug</b> broke.<br>Twice!</p>"))
                .isEqualTo("Hello,\n\nmy mug broke.\nTwice!");
    }

    @Test
    void scriptsStylesAndCommentsDropWithTheirContent() {
        assertThat(HtmlText.toText("a<script>alert(1)</script>b<style>p{}</style>c<!-- x -->d")).isEqualTo("abcd");
    }

    @Test
    void entitiesAreDecodedAfterTagsSoEscapedMarkupStaysText() {
        assertThat(HtmlText.toText("1 &lt; 2 &amp;&amp; &lt;script&gt; caf&#233; &#x2603;&nbsp;!"))
                .isEqualTo("1 < 2 && <script> café ☃ !");
    }

    @Test
    void unusableEntitiesStayAsWritten() {
        assertThat(HtmlText.toText("&#0; &#xD800; &bogus; &#99999999;")).isEqualTo("&#0; &#xD800; &bogus; &#99999999;");
    }

    @Test
    void anUnclosedTagAtTheEndIsDropped() {
        assertThat(HtmlText.toText("fine <img src=x onerror=")).isEqualTo("fine");
    }

    @Test
    void onlyMarkupIsNothing() {
        assertThat(HtmlText.toText("<div><br></div>")).isNull();
    }
}
