package com.makeitright.cli.simulate;

import com.makeitright.cli.mail.AnswerLink;
import com.makeitright.cli.mail.AnswerPage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One complaint followed from its POST to CLOSED: each {@link #step} posts it or reads its status view and does
 * what the stage asks of a helpdesk (answer an offer, approve it, report fulfillment, record the follow-up).
 * Not thread-safe: the simulation runs one step of a journey at a time.
 */
final class ComplaintJourney {

    /** How a journey ended. */
    enum Outcome {
        /** Reached CLOSED (maybe after reopening). */
        CLOSED,
        /** An invalid body, rejected with 400 problem+json as it must be. */
        REJECTED_AS_INVALID,
        /** Not closed within the timeout. */
        STUCK,
        /** The API broke its contract (an invalid body accepted, an idempotent retry not replayed, ...). */
        FAILED
    }

    static final long DONE = -1;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long QUICK = 150;
    /** After a refused or timed-out request: the intake is down or busy. */
    private static final long SLOW = 600;

    final GeneratedComplaint complaint;
    private final CustomerBehaviour behaviour;
    private final String idempotencyKey;
    private final long timeoutNanos;
    private final long startNanos;
    private final long pollCeilingMillis;

    private Outcome outcome;
    private String complaintId;
    private String lastStage = "NOT_POSTED";
    /** Requests sent and what the last one got: tells a client kept waiting (few tries) from one refused. */
    private int requests;
    private String lastAnswer = "none";
    private int round = 1;
    private long idleDelay = QUICK;
    private final Set<String> acted = new HashSet<>();
    private int conflicts;
    private final List<String> problems = new ArrayList<>();
    private Boolean replayVerified;
    /** The replay check of a keyed complaint got no verdict yet (503, 429, no answer): tried again on each step. */
    private boolean replayPending;
    private JsonNode finalView;
    private long closedNanos;
    private final List<String> duplicates = new ArrayList<>();
    /** The customer's answers, drawn once per offer or check: the same one however long its mail takes. */
    private final Map<String, Map<String, Object>> chosen = new HashMap<>();
    // --via-mail only (mail null otherwise): when each answer started waiting for its mail, and how answers went
    private final MailAnswers mail;
    private final long mailWaitNanos;
    private final Map<String, Long> waitingSince = new HashMap<>();
    private int answeredViaMail;
    private int noMailInTime;
    private int withoutAddress;

    ComplaintJourney(GeneratedComplaint complaint, CustomerBehaviour behaviour, String runId, long timeoutNanos,
                     long startNanos) {
        this(complaint, behaviour, runId, timeoutNanos, startNanos, null, 0,
                SimulationOptions.DEFAULT_POLL_CEILING.toMillis());
    }

    /**
     * {@code mail}: answer by the mails' links, waiting at most {@code mailWaitNanos} for each mail; null: by API.
     * {@code pollCeilingMillis}: the longest wait between two reads of a complaint that has not moved.
     */
    ComplaintJourney(GeneratedComplaint complaint, CustomerBehaviour behaviour, String runId, long timeoutNanos,
                     long startNanos, MailAnswers mail, long mailWaitNanos, long pollCeilingMillis) {
        this.complaint = complaint;
        this.pollCeilingMillis = pollCeilingMillis;
        this.behaviour = behaviour;
        this.idempotencyKey = complaint.retried() ? "sim-" + runId + "-" + complaint.index() : null;
        this.timeoutNanos = timeoutNanos;
        this.startNanos = startNanos;
        this.mail = mail;
        this.mailWaitNanos = mailWaitNanos;
    }

    /** Does one thing; returns the milliseconds until the next step, or {@link #DONE}. */
    long step(IntakeClient intake, long nowNanos) throws InterruptedException {
        if (outcome != null) {
            return DONE;
        }
        if (nowNanos - startNanos > timeoutNanos) {
            outcome = Outcome.STUCK;
            return DONE;
        }
        requests++;
        lastAnswer = (complaintId == null ? "POST" : "step") + " in progress";
        try {
            long next = complaintId == null ? post(intake) : follow(intake, nowNanos);
            if (lastAnswer.endsWith(" in progress")) {
                lastAnswer = (complaintId == null ? "POST" : "step") + " answered";
            }
            return next;
        } catch (IntakeClient.NotDelivered | java.net.http.HttpTimeoutException transientProblem) {
            lastAnswer = (complaintId == null ? "POST" : "step") + " "
                    + (transientProblem instanceof IntakeClient.NotDelivered ? "refused" : "timed out");
            return SLOW; // intake is down or busy: try again until the timeout
        } catch (IOException e) {
            lastAnswer = (complaintId == null ? "POST" : "step") + " no answer (" + e.getClass().getSimpleName() + ")";
            if (complaintId == null && idempotencyKey == null && complaint.valid()) {
                // Sent without a key and the answer was lost: sending again could duplicate it.
                return fail("POST failed without an Idempotency-Key, not retried: " + e);
            }
            return SLOW;
        }
    }

    private long post(IntakeClient intake) throws IOException, InterruptedException {
        IntakeClient.Reply reply = intake.postComplaint(complaint.body(), idempotencyKey);
        lastAnswer = "POST " + reply.status();
        if (!complaint.valid()) {
            if (reply.status() == 400 && reply.contentType().startsWith("application/problem+json")) {
                outcome = Outcome.REJECTED_AS_INVALID;
                return DONE;
            }
            if (reply.status() >= 500 || reply.status() == 429) {
                return SLOW;
            }
            return fail("invalid body (" + complaint.invalidBecause() + ") answered " + reply.status() + " "
                    + reply.contentType() + " instead of 400 problem+json");
        }
        if (reply.status() >= 500 || reply.status() == 429) {
            return SLOW; // 429: over this client's rate limit, tried again later
        }
        if (!reply.accepted() || reply.text("complaintId") == null) {
            return fail("valid complaint answered " + reply.status() + ": " + reply.text("detail"));
        }
        complaintId = reply.text("complaintId");
        lastStage = "POSTED";
        replayPending = idempotencyKey != null;
        verifyReplay(intake);
        return QUICK;
    }

    /**
     * Posts the complaint again with its Idempotency-Key: the same complaint must come back, replayed. A 503 or 429
     * (the key's partition moving, the client over its limit) or no answer is no verdict: asked again on the next
     * step, as a helpdesk retries.
     */
    private void verifyReplay(IntakeClient intake) throws InterruptedException {
        if (!replayPending) {
            return;
        }
        IntakeClient.Reply again;
        try {
            again = intake.postComplaint(complaint.body(), idempotencyKey);
        } catch (IOException noAnswer) {
            return;
        }
        if (again.status() == 503 || again.status() == 429) {
            return;
        }
        replayPending = false;
        replayVerified = again.accepted() && complaintId.equals(again.text("complaintId")) && again.replayed();
        if (!replayVerified) {
            problems.add("retry with the same Idempotency-Key answered " + again.status() + " id "
                    + again.text("complaintId") + " replayed=" + again.replayed() + " (first id " + complaintId + ")");
        }
    }

    private long follow(IntakeClient intake, long nowNanos) throws IOException, InterruptedException {
        verifyReplay(intake);
        IntakeClient.Reply reply = intake.status(complaintId);
        lastAnswer = "GET " + reply.status() + (reply.text("stage") != null ? " " + reply.text("stage") : "");
        if (reply.status() != 200 || reply.body() == null) {
            return nextIdle(); // 404 until intake has folded the first event into the view
        }
        JsonNode view = reply.body();
        String stage = IntakeClient.field(view, "stage").map(JsonNode::asString).orElse("?");
        round = IntakeClient.field(view, "round").map(JsonNode::asInt).orElse(round);
        if (!stage.equals(lastStage)) {
            idleDelay = QUICK;
        }
        lastStage = stage;
        if ("CLOSED".equals(stage)) {
            if (replayPending) {
                problems.add("retry with the same Idempotency-Key was never answered but with 503, 429 or nothing");
            }
            finalView = view;
            closedNanos = nowNanos;
            findDuplicates(view);
            outcome = problems.isEmpty() && duplicates.isEmpty() ? Outcome.CLOSED : Outcome.FAILED;
            return DONE;
        }
        boolean didSomething = false;
        JsonNode agreed = IntakeClient.field(view, "agreedOffer").orElse(null);
        JsonNode open = IntakeClient.field(view, "openOffer").orElse(null);
        if (agreed != null && agreed.hasNonNull("offerId") && !acted.contains("fulfil:" + offerId(agreed))) {
            didSomething = act(intake, "fulfillment", "fulfil:" + offerId(agreed), behaviour.fulfil(agreed, complaint));
        } else if (open != null && open.hasNonNull("offerId")) {
            String status = IntakeClient.field(open, "status").map(JsonNode::asString).orElse("");
            if ("PENDING_APPROVAL".equals(status) && !acted.contains("approve:" + offerId(open))) {
                // An offer above a supervisor's authority is the owner's to decide (SECURITY.md).
                String approver = "OWNER".equals(open.path("authorityLevel").asString("")) ? "owner" : "supervisor";
                didSomething = act(intake, "approval", "approve:" + offerId(open), behaviour.approve(open), approver);
            } else if ("OPEN".equals(status) && !acted.contains("respond:" + offerId(open))) {
                String offerId = offerId(open);
                Map<String, Object> response = chosen.computeIfAbsent("respond:" + offerId,
                        key -> behaviour.respond(open, complaint));
                MailAnswers.Choice click = MailAnswers.forOffer(response);
                didSomething = answer(intake, "remedy-response", "respond:" + offerId, response, click,
                        link -> link.answersOffer(complaintId, offerId, click.action()), nowNanos);
            }
        }
        if ("FOLLOW_UP_DUE".equals(stage) && satisfactionCheckOpen(view) && !acted.contains("follow-up:" + round)) {
            int checked = round;
            Map<String, Object> outcome = chosen.computeIfAbsent("follow-up:" + checked,
                    key -> behaviour.followUp(checked));
            MailAnswers.Choice click = MailAnswers.forCheck(outcome);
            didSomething |= answer(intake, "follow-up-outcome", "follow-up:" + checked, outcome, click,
                    link -> link.answersCheck(complaintId, checked, ((Number) outcome.get("score")).intValue()),
                    nowNanos);
        }
        return didSomething ? QUICK : nextIdle();
    }

    /**
     * The customer's answer: by API, or with {@code --via-mail} by the link in their mail that {@code wanted} finds,
     * clicked and its page's form sent. Until the mail is there the journey waits (returns false: look again soon),
     * at most the mail wait; then, and for a customer without an e-mail address, it answers by API, counted.
     */
    private boolean answer(IntakeClient intake, String action, String key, Map<String, Object> body,
                           MailAnswers.Choice click, Predicate<AnswerLink> wanted, long nowNanos)
            throws IOException, InterruptedException {
        if (mail == null) {
            return act(intake, action, key, body);
        }
        String address = email();
        if (address == null) {
            boolean done = act(intake, action, key, body);
            withoutAddress += acted.contains(key) ? 1 : 0; // once per answer, not per 429 tried again
            return done;
        }
        Optional<AnswerLink> link;
        try {
            link = mail.find(address, wanted);
        } catch (IOException mailServerDown) {
            link = Optional.empty(); // as if not there yet: the wait below still ends
        }
        if (link.isPresent()) {
            AnswerPage.Result result = mail.click(link.get(), click);
            if (result.pageStatus() == 429 || result.answerStatus() == 429) {
                return false; // over the customer pages' rate limit: click again on the next step
            }
            acted.add(key);
            if (result.recorded()) {
                answeredViaMail++;
                return true;
            }
            int status = result.answerStatus() != 0 ? result.answerStatus() : result.pageStatus();
            if (status == 409 || status == 410) {
                conflicts++; // the case moved on (answered, expired, closed): read it again, as after an API 409
                return true;
            }
            problems.add(action + " through the mail's " + click.action() + " link answered " + status
                    + " (its page " + result.pageStatus() + ")");
            return false;
        }
        long since = waitingSince.computeIfAbsent(key, k -> nowNanos);
        if (nowNanos - since < mailWaitNanos) {
            return false;
        }
        boolean done = act(intake, action, key, body);
        noMailInTime += acted.contains(key) ? 1 : 0;
        return done;
    }

    /** The customer's e-mail address as posted, or null (a phone-only customer gets no mail). */
    private String email() {
        JsonNode email = JSON.readTree(complaint.body()).path("customer").path("email");
        return email.isString() && !email.asString().isBlank() ? email.asString() : null;
    }

    private boolean act(IntakeClient intake, String action, String key, Map<String, Object> body)
            throws IOException, InterruptedException {
        return act(intake, action, key, body, IntakeClient.roleOf(action));
    }

    private boolean act(IntakeClient intake, String action, String key, Map<String, Object> body, String role)
            throws IOException, InterruptedException {
        IntakeClient.Reply reply = intake.post(complaintId, action, body, role);
        if (reply.status() == 429) {
            return false; // over this client's rate limit: the next step tries again
        }
        if (reply.accepted()) {
            acted.add(key);
            return true;
        }
        if (reply.status() == 409) {
            acted.add(key); // the case moved on (expired, answered, renewed): read it again
            conflicts++;
            return true;
        }
        if (reply.status() >= 400 && reply.status() < 500) {
            acted.add(key);
            problems.add(action + " answered " + reply.status() + ": " + reply.text("detail"));
        }
        return false;
    }

    /** A satisfaction check of this round waits for an answer (or the view does not list follow-ups). */
    private static boolean satisfactionCheckOpen(JsonNode view) {
        JsonNode followUps = view.get("followUps");
        if (followUps == null || !followUps.isArray()) {
            return true;
        }
        for (JsonNode followUp : followUps) {
            if ("SATISFACTION_CHECK".equals(followUp.path("kind").asString(""))
                    && (followUp.get("completed") == null || followUp.get("completed").isNull())) {
                return true;
            }
        }
        return false;
    }

    /** Exactly-once, seen from outside: no event twice, one of each milestone per round. */
    private void findDuplicates(JsonNode view) {
        JsonNode events = view.get("events");
        if (events == null || !events.isArray()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        Map<String, Integer> milestones = new HashMap<>();
        for (JsonNode event : events) {
            String id = event.path("eventId").asString("");
            if (!id.isEmpty() && !ids.add(id)) {
                duplicates.add("event " + id + " listed twice");
            }
            String type = event.path("type").asString("");
            if (List.of("ComplaintReceived", "ComplaintAcknowledged", "ComplaintResolved", "FollowUpCompleted")
                    .contains(type)) {
                milestones.merge(type + " in round " + event.path("round").asInt(1), 1, Integer::sum);
            }
        }
        milestones.forEach((what, times) -> {
            if (times > 1) {
                duplicates.add(what + " ×" + times);
            }
        });
    }

    private long nextIdle() {
        long delay = idleDelay;
        idleDelay = Math.min(pollCeilingMillis, idleDelay * 3 / 2);
        return delay;
    }

    private long fail(String problem) {
        problems.add(problem);
        outcome = Outcome.FAILED;
        return DONE;
    }

    private static String offerId(JsonNode offer) {
        return offer.get("offerId").asString();
    }

    Outcome outcome() {
        return outcome;
    }

    String complaintId() {
        return complaintId;
    }

    /** How many requests this journey sent, and what the last one got ("POST 503", "POST timed out", ...). */
    String lastAnswer() {
        return requests + " requests, last: " + lastAnswer;
    }

    String lastStage() {
        return lastStage;
    }

    int round() {
        return round;
    }

    int conflicts() {
        return conflicts;
    }

    List<String> problems() {
        return problems;
    }

    List<String> duplicates() {
        return duplicates;
    }

    int answeredViaMail() {
        return answeredViaMail;
    }

    int noMailInTime() {
        return noMailInTime;
    }

    int withoutAddress() {
        return withoutAddress;
    }

    Boolean replayVerified() {
        return replayVerified;
    }

    JsonNode finalView() {
        return finalView;
    }

    long observedMillis() {
        return closedNanos == 0 ? -1 : (closedNanos - startNanos) / 1_000_000;
    }
}
