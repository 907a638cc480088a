package com.makeitright.followup;

import com.makeitright.contract.Topics;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.PreventionActionProposed;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.testing.security.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * followup-service on a real broker: real Avro bytes in and out, real HTTP. Checks are due two seconds after
 * what schedules them. Complaints here resolve with root cause EXTERNAL, which prevention does not count, except
 * in the prevention test. The tests run side by side ({@link SideBySide}; most of their time is a deadline
 * passing): each uses its own complaint ids, and figures shared across the service are only checked as lower bounds.
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "followup.delay=PT2S",
        "followup.scan-interval=PT0.2S",
        "followup.prevention.threshold=3",
        "followup.prevention.window=P7D",
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/followup-${random.uuid}"
})
class FollowupIT {

    /**
     * A test that runs beside this class's other tests. Only the methods are concurrent: the class itself runs alone,
     * like every class here, since each starts its own broker and a second one would repoint the probes'
     * {@code spring.embedded.kafka.brokers}.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = DASHBOARD_FEED, mode = ResourceAccessMode.READ)
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface SideBySide {
    }

    /**
     * The dashboard's live feed test runs alone: beside the others, and published before the feed had assigned
     * itself the topics, it missed the events it had just published (when the JVM was warm from another class;
     * not understood yet). It also waits for the feed's first assignment now.
     */
    static final String DASHBOARD_FEED = "followup-dashboard-feed";

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    static String newComplaintId() {
        return "fu-" + Events.newId();
    }

    ComplaintResolved resolved(String complaintId, int round) {
        return Events.resolved(complaintId).setRound(round).setRootCause(RootCause.EXTERNAL).build();
    }

    List<FollowUpDue> dueFor(String complaintId, FollowUpKind kind) {
        return probe.eventsFor(Topics.FOLLOW_UP_DUE, complaintId).stream().filter(e -> e.getKind() == kind).toList();
    }

    /** The insights, once the stream application runs (503 before). */
    JsonNode insights() {
        return await().atMost(KafkaProbe.PATIENCE).until(() -> http.get().uri("/api/insights")
                        .accept(MediaType.APPLICATION_JSON).exchange()
                        .expectBody(JsonNode.class).returnResult(),
                result -> result.getStatus().is2xxSuccessful()).getResponseBody();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    boolean escalationShown(String complaintId, FollowUpKind kind) {
        return list(insights().get("escalations")).stream().anyMatch(e ->
                e.get("complaintId").asString().equals(complaintId) && e.get("kind").asString().equals(kind.name()));
    }

    boolean scheduled(String complaintId, String offerId) {
        return list(insights().get("followUps").get("nextDue")).stream().anyMatch(e ->
                e.get("complaintId").asString().equals(complaintId) && offerId.equals(e.get("offerId").asString()));
    }

    boolean scheduled(String complaintId, FollowUpKind kind) {
        return list(insights().get("followUps").get("nextDue")).stream().anyMatch(e ->
                e.get("complaintId").asString().equals(complaintId) && e.get("kind").asString().equals(kind.name()));
    }

    ComplaintAcknowledged acknowledgedBy(String complaintId, Instant deadline) {
        return Events.acknowledged(complaintId).setReviewNeeded(true).setAcknowledgeBy(deadline).build();
    }

    /** The worker's record of the round's acknowledgement, sent. */
    void publishAcknowledgementSent(String complaintId) {
        probe.publish(Topics.CUSTOMER_NOTIFIED, complaintId,
                Events.customerNotified(complaintId, NotificationKind.ACKNOWLEDGEMENT).build());
    }

    /** Waits until the clock passed the instant and the schedule was scanned a few times since. */
    /**
     * Nothing was raised for the complaint by {@code deadline}: once it has passed, a satisfaction check is scheduled
     * on the same partition, fires after any escalation would have, and is the only follow-up there.
     */
    void assertNothingRaisedBy(String complaintId, Instant deadline) {
        awaitPassed(deadline);
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved(complaintId, 1));
        probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1);
        assertThat(probe.eventsFor(Topics.FOLLOW_UP_DUE, complaintId)).extracting(FollowUpDue::getKind)
                .containsExactly(FollowUpKind.SATISFACTION_CHECK);
    }

    static void awaitPassed(Instant instant) {
        Instant after = instant.plusSeconds(1);
        await().atMost(KafkaProbe.PATIENCE).until(() -> Instant.now().isAfter(after));
    }

    @SideBySide
    void theDashboardShellIsOpenItsDataNeedsAViewerAndMetricsOps() {
        WebTestClient bare = http.mutate().defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION)).build();
        bare.get().uri("/").exchange().expectStatus().isOk();
        bare.get().uri("/api/insights").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        bare.get().uri("/api/insights").header(HttpHeaders.AUTHORIZATION, TestCredentials.bearer("helpdesk"))
                .exchange().expectStatus().isForbidden();
        bare.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, TestCredentials.bearer("viewer"))
                .exchange().expectStatus().isForbidden();
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> bare.get().uri("/api/insights")
                .header(HttpHeaders.AUTHORIZATION, TestCredentials.bearer("viewer")).exchange().expectStatus().isOk());
    }

    @SideBySide
    void aResolvedComplaintGetsExactlyOneSatisfactionCheckWithTheCustomersContact() {
        String complaintId = newComplaintId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, Events.received(complaintId).build());
        ComplaintResolved resolved = resolved(complaintId, 1);
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved);

        FollowUpDue due = probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1).get(0);

        assertThat(due.getKind()).isEqualTo(FollowUpKind.SATISFACTION_CHECK);
        assertThat(due.getCausationId()).isEqualTo(resolved.getEventId());
        assertThat(due.getRound()).isEqualTo(1);
        assertThat(due.getDueAt()).isEqualTo(resolved.getOccurredAt().plusSeconds(2));
        assertThat(due.getOccurredAt()).isAfterOrEqualTo(due.getDueAt());
        assertThat(due.getContact().getName()).isEqualTo("Dana Reyes");
        assertThat(due.getContact().getEmail()).isEqualTo("dana@example.com");
        // the whole scrape: with Kafka's client metrics it outgrows the test client's default 256 KB buffer
        assertThat(http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .containsPattern("(?m)^makeitright_followups_fired_total\\{[^}]*kind=\"SATISFACTION_CHECK\"[^}]*} [1-9]");
        assertThat(due.getContact().getPreferredChannel()).isEqualTo(Channel.EMAIL);
        assertThat(due.getReason()).contains("how satisfied");

        // A later round's check fires after this one on the same partition: by then a second one would show.
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved(complaintId, 2));
        await().atMost(KafkaProbe.PATIENCE).until(() -> dueFor(complaintId, FollowUpKind.SATISFACTION_CHECK).size() >= 2);
        assertThat(dueFor(complaintId, FollowUpKind.SATISFACTION_CHECK)).extracting(FollowUpDue::getRound)
                .containsExactly(1, 2);
    }

    @SideBySide
    void duplicatesOfTheSchedulingEventScheduleOnce() {
        String complaintId = newComplaintId();
        ComplaintResolved resolved = resolved(complaintId, 1);
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved);
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved); // redelivered before it is due
        probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1);
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved); // and again after it fired

        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved(complaintId, 2));
        await().atMost(KafkaProbe.PATIENCE).until(() -> dueFor(complaintId, FollowUpKind.SATISFACTION_CHECK).stream()
                .anyMatch(e -> e.getRound() == 2));

        assertThat(probe.eventsFor(Topics.FOLLOW_UP_DUE, complaintId)).extracting(FollowUpDue::getRound)
                .containsExactly(1, 2);
    }

    @SideBySide
    void aPromisePastItsDeliverByIsABreachShownOnTheDashboardUntilDelivered() {
        String complaintId = newComplaintId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, Events.received(complaintId).build());
        RemedyOffered offer = Events.offered(complaintId).setStatus(OfferStatus.OPEN)
                .setDeliverBy(Instant.now().plusSeconds(2)).build();
        probe.publish(Topics.REMEDY_OFFERED, complaintId, offer);
        var accepted = Events.responded(complaintId, offer.getOfferId(), ResponseDecision.ACCEPT).build();
        probe.publish(Topics.REMEDY_RESPONSES, complaintId, accepted);

        FollowUpDue breach = probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1).get(0);

        assertThat(breach.getKind()).isEqualTo(FollowUpKind.PROMISE_BREACHED);
        assertThat(breach.getOfferId()).isEqualTo(offer.getOfferId());
        assertThat(breach.getCausationId()).isEqualTo(accepted.getEventId());
        assertThat(breach.getDueAt()).isEqualTo(offer.getDeliverBy());
        assertThat(breach.getReason()).contains("We promised replacement");
        await().atMost(KafkaProbe.PATIENCE).until(() -> escalationShown(complaintId, FollowUpKind.PROMISE_BREACHED));
        JsonNode shown = list(insights().get("escalations")).stream()
                .filter(e -> e.get("complaintId").asString().equals(complaintId)).findFirst().orElseThrow();
        assertThat(shown.get("offerId").asString()).isEqualTo(offer.getOfferId());
        assertThat(shown.get("reason").asString()).isEqualTo(breach.getReason());
        assertThat(shown.get("customerName").asString()).isEqualTo("Dana Reyes");
        assertThat(Instant.parse(shown.get("dueAt").asString())).isEqualTo(offer.getDeliverBy());

        probe.publish(Topics.REMEDY_FULFILLED, complaintId,
                Events.fulfilled(complaintId, offer.getOfferId(), RemedyKind.REPLACEMENT).build());

        await().atMost(KafkaProbe.PATIENCE).until(() -> !escalationShown(complaintId, FollowUpKind.PROMISE_BREACHED));
    }

    /**
     * A deadline far enough ahead that the check is seen scheduled and then cancelled before it comes due, also
     * on a slow machine; the stream application runs before it is chosen.
     */
    Instant deadlineAhead() {
        insights();
        return Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
    }

    @SideBySide
    void aPromiseDeliveredInTimeRaisesNothing() {
        String complaintId = newComplaintId();
        RemedyOffered offer = Events.offered(complaintId).setStatus(OfferStatus.AGREED)
                .setDeliverBy(deadlineAhead()).build();
        probe.publish(Topics.REMEDY_OFFERED, complaintId, offer);
        await().atMost(KafkaProbe.PATIENCE).until(() -> scheduled(complaintId, offer.getOfferId()));

        probe.publish(Topics.REMEDY_FULFILLED, complaintId,
                Events.fulfilled(complaintId, offer.getOfferId(), RemedyKind.REPLACEMENT).build());
        await().atMost(KafkaProbe.PATIENCE).until(() -> !scheduled(complaintId, offer.getOfferId()));
        assertNothingRaisedBy(complaintId, offer.getDeliverBy());
    }

    @SideBySide
    void anApprovalPastItsDueTimeIsEscalatedUntilDecided() {
        String complaintId = newComplaintId();
        RemedyOffered pending = Events.offered(complaintId).setStatus(OfferStatus.PENDING_APPROVAL)
                .setApprovalRequired(true).setApprovalDueBy(Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS)).build();
        probe.publish(Topics.REMEDY_OFFERED, complaintId, pending);

        FollowUpDue overdue = probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1).get(0);

        assertThat(overdue.getKind()).isEqualTo(FollowUpKind.APPROVAL_OVERDUE);
        assertThat(overdue.getOfferId()).isEqualTo(pending.getOfferId());
        assertThat(overdue.getCausationId()).isEqualTo(pending.getEventId());
        assertThat(overdue.getDueAt()).isEqualTo(pending.getApprovalDueBy());
        await().atMost(KafkaProbe.PATIENCE).until(() -> escalationShown(complaintId, FollowUpKind.APPROVAL_OVERDUE));

        probe.publish(Topics.APPROVALS, complaintId,
                Events.approvalDecided(complaintId, pending.getOfferId(), ApprovalDecision.APPROVED).build());

        await().atMost(KafkaProbe.PATIENCE).until(() -> !escalationShown(complaintId, FollowUpKind.APPROVAL_OVERDUE));
    }

    @SideBySide
    void anApprovalDecidedInTimeRaisesNothing() {
        String complaintId = newComplaintId();
        RemedyOffered pending = Events.offered(complaintId).setStatus(OfferStatus.PENDING_APPROVAL)
                .setApprovalRequired(true).setApprovalDueBy(deadlineAhead()).build();
        probe.publish(Topics.REMEDY_OFFERED, complaintId, pending);
        await().atMost(KafkaProbe.PATIENCE).until(() -> scheduled(complaintId, pending.getOfferId()));

        probe.publish(Topics.APPROVALS, complaintId,
                Events.approvalDecided(complaintId, pending.getOfferId(), ApprovalDecision.REJECTED).build());
        await().atMost(KafkaProbe.PATIENCE).until(() -> !scheduled(complaintId, pending.getOfferId()));
        assertNothingRaisedBy(complaintId, pending.getApprovalDueBy());
    }

    @SideBySide
    void anAcknowledgementNotSentByItsDeadlineIsEscalatedOnceUntilSent() {
        String complaintId = newComplaintId();
        probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, Events.received(complaintId).build());
        ComplaintAcknowledged held = acknowledgedBy(complaintId, Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS));
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, held);
        // a refusal reached nobody: it does not call the escalation off
        probe.publish(Topics.CUSTOMER_NOTIFIED, complaintId, Events.customerNotified(complaintId,
                NotificationKind.ACKNOWLEDGEMENT).setOutcome(NotificationOutcome.REJECTED).setReason("550").build());

        FollowUpDue overdue = probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1).get(0);

        assertThat(overdue.getKind()).isEqualTo(FollowUpKind.ACKNOWLEDGEMENT_OVERDUE);
        assertThat(overdue.getCausationId()).isEqualTo(held.getEventId());
        assertThat(overdue.getDueAt()).isEqualTo(held.getAcknowledgeBy());
        assertThat(overdue.getRound()).isEqualTo(1);
        assertThat(overdue.getOfferId()).isNull();
        assertThat(overdue.getReason()).contains("waits for an agent's review");
        await().atMost(KafkaProbe.PATIENCE).until(() -> escalationShown(complaintId, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE));

        publishAcknowledgementSent(complaintId); // late, but sent: the escalation is cleared
        await().atMost(KafkaProbe.PATIENCE).until(() -> !escalationShown(complaintId, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE));

        // A satisfaction check fires later on the same partition: by then a second escalation would show.
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, held);
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved(complaintId, 1));
        await().atMost(KafkaProbe.PATIENCE).until(() -> !dueFor(complaintId, FollowUpKind.SATISFACTION_CHECK).isEmpty());
        assertThat(probe.eventsFor(Topics.FOLLOW_UP_DUE, complaintId)).extracting(FollowUpDue::getKind)
                .containsExactly(FollowUpKind.ACKNOWLEDGEMENT_OVERDUE, FollowUpKind.SATISFACTION_CHECK);
    }

    @SideBySide
    void anAcknowledgementSentInTimeRaisesNothing() {
        String complaintId = newComplaintId();
        ComplaintAcknowledged acknowledged = acknowledgedBy(complaintId, deadlineAhead());
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, acknowledged);
        await().atMost(KafkaProbe.PATIENCE).until(() -> scheduled(complaintId, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE));

        publishAcknowledgementSent(complaintId);
        await().atMost(KafkaProbe.PATIENCE).until(() -> !scheduled(complaintId, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE));
        assertNothingRaisedBy(complaintId, acknowledged.getAcknowledgeBy());
    }

    @SideBySide
    void anAcknowledgementSentBeforeFollowupSawItRaisesNothing() {
        String complaintId = newComplaintId();
        publishAcknowledgementSent(complaintId); // the worker's record overtook triage's event (another topic)
        ComplaintAcknowledged acknowledged = acknowledgedBy(complaintId,
                Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS));
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, acknowledged);

        assertNothingRaisedBy(complaintId, acknowledged.getAcknowledgeBy());
    }

    @SideBySide
    void anAnsweredFollowUpCountsInTheSatisfactionFigures() {
        String complaintId = newComplaintId();
        probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId, resolved(complaintId, 1));
        FollowUpDue due = probe.awaitEvents(Topics.FOLLOW_UP_DUE, complaintId, 1).get(0);
        await().atMost(KafkaProbe.PATIENCE).until(() -> list(insights().get("followUps").get("awaiting")).stream()
                .anyMatch(l -> l.get("complaintId").asString().equals(complaintId)));

        probe.publish(Topics.FOLLOW_UP_OUTCOMES, complaintId, Events.followUpCompleted(complaintId, false)
                .setCausationId(due.getEventId()).setScore(2).setComment("It broke again").build());

        await().atMost(KafkaProbe.PATIENCE).until(() -> list(insights().get("followUps").get("recentlyAnswered"))
                .stream().anyMatch(l -> l.get("complaintId").asString().equals(complaintId)));
        JsonNode insights = insights();
        assertThat(list(insights.get("followUps").get("awaiting")))
                .noneMatch(l -> l.get("complaintId").asString().equals(complaintId));
        assertThat(insights.get("satisfaction").get("answered").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(insights.get("satisfaction").get("reopened").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(insights.get("complaints").get("byRootCause").get("EXTERNAL").asInt()).isGreaterThanOrEqualTo(1);
    }

    @SideBySide
    void aRecurringRootCauseBecomesOnePreventionActionWhoseEffectIsMeasured() {
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String complaintId = newComplaintId();
            complaints.add(complaintId);
            probe.publish(Topics.COMPLAINTS_RESOLVED, complaintId,
                    Events.resolved(complaintId).setRootCause(RootCause.UNCLEAR_POLICY).build());
        }

        PreventionActionProposed action = probe.awaitEvent(Topics.PREVENTION_ACTIONS,
                a -> a.getRootCause() == RootCause.UNCLEAR_POLICY);

        assertThat(action.getComplaintId()).isEqualTo(complaints.get(2));
        assertThat(action.getOccurrences()).isEqualTo(3);
        assertThat(action.getWindowDays()).isEqualTo(7);
        assertThat(action.getOwner()).isEqualTo("docs");
        assertThat(action.getProposal()).startsWith("3 complaints in 7 days were traced to an unclear policy: rewrite");
        assertThat(action.getExampleComplaintIds()).containsExactlyInAnyOrderElementsOf(complaints);

        String later = newComplaintId(); // after the action: measured, and no second action while it is active
        probe.publish(Topics.COMPLAINTS_RESOLVED, later,
                Events.resolved(later).setRootCause(RootCause.UNCLEAR_POLICY).build());

        JsonNode shown = await().atMost(KafkaProbe.PATIENCE).until(() -> list(insights().get("prevention")).stream()
                .filter(a -> a.get("actionId").asString().equals(action.getActionId())).findFirst().orElse(null),
                a -> a != null && a.get("effect").get("since").asInt() == 1);
        assertThat(shown.get("rootCause").asString()).isEqualTo("UNCLEAR_POLICY");
        assertThat(shown.get("owner").asString()).isEqualTo("docs");
        assertThat(shown.get("effect").get("before").asInt()).isEqualTo(3);
        assertThat(shown.get("effect").get("verdict").asString()).isEqualTo("TOO_EARLY");
        assertThat(probe.events(Topics.PREVENTION_ACTIONS)).filteredOn(a -> a.getRootCause() == RootCause.UNCLEAR_POLICY)
                .hasSize(1);
        assertThat(probe.events(Topics.PREVENTION_ACTIONS)).as("EXTERNAL is not ours to fix")
                .noneMatch(a -> a.getRootCause() == RootCause.EXTERNAL);
    }

    @SideBySide
    void theDashboardPageIsServedWithItsModulesAndUplotFromTheJar() {
        String page = http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<script type=\"module\" src=\"app.js\">").contains("id=\"queue\"");
        for (String asset : List.of("/app.js", "/api.js", "/dom.js", "/charts.js", "/dashboard.css",
                "/webjars/uplot/1.6.30/dist/uPlot.esm.js", "/webjars/uplot/1.6.30/dist/uPlot.min.css")) {
            http.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    /** The read model follows every topic, and the SSE stream says so; the detail has triage's and remedy's figures. */
    @Test
    @ResourceLock(value = DASHBOARD_FEED, mode = ResourceAccessMode.READ_WRITE)
    void theDashboardFollowsTheTopicsAndPushesEachChange() {
        // the feed follows the topics once its first housekeeping assigned them (it reads the groups' lag then too)
        await().atMost(KafkaProbe.PATIENCE).until(() -> http.get().uri("/api/dashboard/overview").exchange()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("flow").get("consumerLag"),
                groups -> groups != null && groups.size() > 0);
        List<String> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
        reactor.core.Disposable stream = http.get().uri("/api/dashboard/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
                .subscribe(pushed::add);
        try {
            String complaintId = newComplaintId();
            String subject = "<img src=x onerror=alert(1)>";
            probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId,
                    Events.received(complaintId).setSubject(subject).build());
            probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, Events.acknowledged(complaintId)
                    .setSubject(subject).setAnger(com.makeitright.events.Anger.HOSTILE)
                    .setSignals(List.of(com.makeitright.events.Signal.newBuilder().setSignal("wrong-item")
                            .setEvidence("received somebody's music backup").setWeight(0.4)
                            .setIndicates("cause:OUR_ERROR").build())).build());
            int pushedBefore = await().atMost(KafkaProbe.PATIENCE).until(pushed::size, n -> n > 0);
            RemedyOffered offer = Events.offered(complaintId).build();
            probe.publish(Topics.REMEDY_OFFERED, complaintId, offer);

            JsonNode complaint = await().atMost(KafkaProbe.PATIENCE).until(() -> http.get()
                            .uri("/api/dashboard/complaints/{id}", complaintId).exchange()
                            .returnResult(JsonNode.class).getResponseBody().blockFirst(),
                    c -> c != null && c.has("stage") && "OFFERED".equals(c.get("stage").asString()));
            assertThat(complaint.get("subject").asString()).isEqualTo(subject);
            assertThat(complaint.get("anger").asString()).isEqualTo("HOSTILE");
            assertThat(complaint.get("signals").get(0).get("evidence").asString())
                    .isEqualTo("received somebody's music backup");
            assertThat(complaint.get("offers").get(0).get("costOfInaction").get("amount").decimalValue())
                    .isEqualByComparingTo("150.00");
            assertThat(complaint.get("timeline")).hasSize(3);
            await().atMost(KafkaProbe.PATIENCE).until(pushed::size, n -> n > pushedBefore);

            JsonNode queue = http.get().uri("/api/dashboard/queue?anger=HOSTILE").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(list(queue.get("rows"))).anyMatch(r -> r.get("complaintId").asString().equals(complaintId));
            JsonNode overview = http.get().uri("/api/dashboard/overview").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(overview.get("counters").get("hostile").asInt()).isPositive();
            assertThat(list(overview.get("offersAwaiting")))
                    .anyMatch(r -> r.get("complaintId").asString().equals(complaintId));

            // every consumer group's lag, read with the Admin client as ./complaints status reads it
            JsonNode lag = await().atMost(KafkaProbe.PATIENCE).until(() -> http.get().uri("/api/dashboard/overview")
                            .exchange().returnResult(JsonNode.class).getResponseBody().blockFirst()
                            .get("flow").get("consumerLag"), groups -> groups.has("followup-service"));
            assertThat(lag.get("followup-service").asLong()).isNotNegative();

            http.get().uri("/api/dashboard/queue?anger=FURIOUS").exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri("/api/dashboard/complaints/{id}", "no-such-complaint").exchange().expectStatus().isNotFound();
        } finally {
            stream.dispose();
        }
    }
}
