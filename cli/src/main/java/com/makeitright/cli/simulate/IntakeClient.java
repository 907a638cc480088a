package com.makeitright.cli.simulate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The public HTTP API of intake-service (docs/http-api.md), as a helpdesk frontend calls it. Used by the
 * simulator and by the end-to-end tests. Each request goes with the key of the role that does it (SECURITY.md):
 * the helpdesk posts complaints and the customer's answers, a supervisor decides approvals, an agent reports
 * fulfillments and follow-up outcomes, a viewer reads the status.
 */
public final class IntakeClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status, body (null when it was not JSON), content type, and whether it was a replay. */
    public record Reply(int status, JsonNode body, String contentType, boolean replayed) {

        public boolean accepted() {
            return status == 202;
        }

        public String text(String field) {
            return body == null || body.get(field) == null || body.get(field).isNull() ? null : body.get(field).asString();
        }
    }

    /** Nothing reached the server (connection refused): safe to send again even without an idempotency key. */
    public static final class NotDelivered extends IOException {
        NotDelivered(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final URI base;
    private final Function<String, String> bearer;

    /** {@code bearer}: the {@code Authorization} value of a role (null sends none), e.g. {@code Credentials::bearer}. */
    public IntakeClient(URI base, Function<String, String> bearer) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.bearer = bearer;
    }

    /** The role that does an action of {@link #post}. */
    static String roleOf(String action) {
        return switch (action) {
            case "approval" -> "supervisor";
            case "fulfillment", "follow-up-outcome" -> "agent";
            default -> "helpdesk"; // remedy-response: on the customer's behalf
        };
    }

    URI base() {
        return base;
    }

    public Reply postComplaint(String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = json("/api/complaints", "helpdesk").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public Reply status(String complaintId) throws IOException, InterruptedException {
        return send(authorized(HttpRequest.newBuilder(base.resolve("/api/complaints/" + complaintId)), "viewer")
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build());
    }

    public Reply post(String complaintId, String action, Object body) throws IOException, InterruptedException {
        return post(complaintId, action, body, roleOf(action));
    }

    /** As {@link #post(String, String, Object)}, acting as {@code role} (the owner, for an offer above a supervisor). */
    public Reply post(String complaintId, String action, Object body, String role)
            throws IOException, InterruptedException {
        return send(json("/api/complaints/" + complaintId + "/" + action, role)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private HttpRequest.Builder json(String path, String role) {
        return authorized(HttpRequest.newBuilder(base.resolve(path)), role)
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, String role) {
        String authorization = bearer.apply(role);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw new NotDelivered(refused);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = null;
        if (!response.body().isBlank()) {
            try {
                body = JSON.readTree(response.body());
            } catch (JacksonException notJson) {
                body = null;
            }
        }
        boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                .orElse(false);
        return new Reply(response.statusCode(), body, contentType, replayed);
    }

    static Optional<JsonNode> field(JsonNode node, String name) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }
}
