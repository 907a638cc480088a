package com.makeitright.intake.submission;

import java.util.Objects;

/**
 * A complaint as a helpdesk webhook brought it, already mapped onto the fields of {@code POST /api/complaints}:
 * the same rules then judge it ({@link ComplaintRules}), so a webhook cannot let in what the API refuses.
 *
 * @param system   the helpdesk ({@code zammad}, {@code zendesk}, {@code freshdesk}); part of the idempotency key
 * @param ticketId the helpdesk's ticket id (the business key of "ticket created")
 * @param url      the ticket in the helpdesk, or null
 */
public record HelpdeskComplaint(String system, String ticketId, String url, String customerId, String name,
                                String email, String phone, String channel, String subject, String description) {

    public HelpdeskComplaint {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(ticketId, "ticketId");
    }

    ComplaintBody body() {
        return new ComplaintBody(new ComplaintBody.Customer(customerId, name, email, phone, null, null),
                channel, subject, description, null, null);
    }
}
