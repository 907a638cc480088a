package com.makeitright.system;

import com.makeitright.cli.simulate.IntakeClient;
import com.makeitright.testing.ComplaintRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A helpdesk frontend, supervisor, shop system and follow-up worker in one: every call goes through intake's
 * public HTTP API, and every wait reads the complaint's status view until it shows what the step expects.
 */
final class Helpdesk {

    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntakeClient intake;

    Helpdesk(IntakeClient intake) {
        this.intake = intake;
    }

    /** Posts a complaint (with a fresh Idempotency-Key) and returns its id. */
    String submit(ComplaintRequest complaint) {
        IntakeClient.Reply reply = call(() -> intake.postComplaint(JSON.writeValueAsString(complaint),
                UUID.randomUUID().toString()));
        assertThat(reply.status()).as("POST /api/complaints: %s", reply.body()).isEqualTo(202);
        return reply.text("complaintId");
    }

    /** Waits until the complaint's view is in one of the stages and matches, and returns the view. */
    JsonNode awaitView(String complaintId, Predicate<JsonNode> matching, String... stages) {
        List<String> wanted = Arrays.asList(stages);
        return await().alias(complaintId + " to reach " + wanted).atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> view(complaintId),
                        view -> view != null && wanted.contains(view.path("stage").asString()) && matching.test(view));
    }

    JsonNode awaitStage(String complaintId, String... stages) {
        return awaitView(complaintId, view -> true, stages);
    }

    JsonNode view(String complaintId) {
        IntakeClient.Reply reply = call(() -> intake.status(complaintId));
        return reply.status() == 200 ? reply.body() : null;
    }

    IntakeClient.Reply respond(String complaintId, String offerId, String decision, Map<String, Object> counterOffer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("offerId", offerId);
        if (counterOffer != null) {
            body.put("counterOffer", counterOffer);
        }
        body.put("note", "answered by the system test");
        return expectAccepted("remedy-response", complaintId, body);
    }

    IntakeClient.Reply approve(String complaintId, String offerId) {
        return expectAccepted("approval", complaintId,
                Map.of("decision", "APPROVED", "approver", "sam.supervisor", "offerId", offerId));
    }

    IntakeClient.Reply fulfill(String complaintId, String offerId) {
        return expectAccepted("fulfillment", complaintId,
                Map.of("reference", "REF-" + complaintId.substring(0, 8), "fulfilledBy", "agent.ann", "offerId", offerId));
    }

    IntakeClient.Reply answerFollowUp(String complaintId, boolean satisfied, int score, String comment) {
        return expectAccepted("follow-up-outcome", complaintId,
                Map.of("satisfied", satisfied, "score", score, "comment", comment));
    }

    /** Approves the open offer if a supervisor must, and returns the view with the offer open to the customer. */
    JsonNode awaitOfferForCustomer(String complaintId, int round) {
        JsonNode view = awaitView(complaintId, v -> v.path("round").asInt() == round && !v.path("openOffer").isNull(),
                "OFFERED", "AWAITING_APPROVAL");
        if (view.path("stage").asString().equals("AWAITING_APPROVAL")) {
            String pending = view.path("openOffer").path("offerId").asString();
            approve(complaintId, pending);
            view = awaitView(complaintId, v -> v.path("round").asInt() == round
                    && !v.path("openOffer").path("offerId").asString().equals(pending), "OFFERED");
        }
        return view;
    }

    private IntakeClient.Reply expectAccepted(String action, String complaintId, Object body) {
        IntakeClient.Reply reply = call(() -> intake.post(complaintId, action, body));
        assertThat(reply.status()).as("POST %s for %s: %s", action, complaintId, reply.body()).isEqualTo(202);
        return reply;
    }

    interface Call {
        IntakeClient.Reply run() throws IOException, InterruptedException;
    }

    static IntakeClient.Reply call(Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new IllegalStateException("intake did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
