package com.makeitright.worker.mail;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(new DefaultResourceLoader(), "classpath:mail-templates/");

    @Test
    void valuesAreTextInTheHtmlAndOneLineInTheSubject() {
        OutgoingMail mail = templates.render(MailKind.ACKNOWLEDGEMENT, "a@example.com", "<id@x>", Map.of(
                "customerName", "Zoë <b>", "reference", "c-1", "complaintSubject", "<script>\r\nBcc: x@evil.test",
                "acknowledgementText", "Line one\nLine \"two\" & 'three'"));
        assertThat(mail.subject()).isEqualTo("We hear you: <script> Bcc: x@evil.test (case c-1)");
        assertThat(mail.html()).contains("Dear Zoë &lt;b&gt;,", "Line one<br>\nLine &quot;two&quot; &amp; &#39;three&#39;")
                .doesNotContain("<b>");
        assertThat(mail.text()).contains("Dear Zoë <b>,", "Line one\nLine \"two\" & 'three'");
    }

    @Test
    void aBrokenTemplateStopsStartUpNamingEveryProblem() {
        assertThatThrownBy(() -> new MailTemplates(new DefaultResourceLoader(), "classpath:broken-templates"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("offer.txt: unknown placeholder {{caseNumber}}")
                .hasMessageContaining("offer.txt: must use {{reference}}")
                .hasMessageContaining("offer.txt: must use {{counterUrl}}");
        assertThatThrownBy(() -> new MailTemplates(new DefaultResourceLoader(), "classpath:no-such-dir/"))
                .hasMessageContaining("offer.html: missing");
    }
}
