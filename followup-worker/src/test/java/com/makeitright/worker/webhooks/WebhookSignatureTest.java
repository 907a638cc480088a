package com.makeitright.worker.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    static final String SECRET = "receiver-secret-0123456789abcdefghij";
    static final String TIMESTAMP = "2026-12-06T04:30:00Z";
    static final byte[] BODY = "{\"eventId\":\"e-1\",\"complaintId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);

    /** The vector of docs/follow-up-worker.md, computed there with openssl (the receiver's side). */
    @Test
    void signsTimestampThenBodyAsBase64HmacSha256() {
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("oygOS6Cb2xmIN1iAA89wBgu41MHYOsM3K2V8JdEGJp8=");
    }

    @Test
    void anotherTimestampBodyOrSecretSignsDifferently() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
        assertThat(WebhookSignature.sign(SECRET, "2026-12-06T04:30:01Z", BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, "{}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
    }
}
