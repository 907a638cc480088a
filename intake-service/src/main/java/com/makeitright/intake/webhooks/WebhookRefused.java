package com.makeitright.intake.webhooks;

import org.springframework.http.HttpStatus;

/** A webhook that is not let in: 401 (not authentic) or 404 (that helpdesk is not enabled). Nothing is published. */
final class WebhookRefused extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    private WebhookRefused(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static WebhookRefused unauthorized(String detail) {
        return new WebhookRefused(HttpStatus.UNAUTHORIZED, "Webhook not authenticated", detail);
    }

    static WebhookRefused notEnabled(String system) {
        return new WebhookRefused(HttpStatus.NOT_FOUND, "Webhook not enabled", "No " + system
                + " webhook is configured on this intake (set its secret, see docs/http-api.md)");
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
