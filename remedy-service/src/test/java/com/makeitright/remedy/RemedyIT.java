package com.makeitright.remedy;

import com.makeitright.contract.Monies;
import com.makeitright.contract.Topics;
import com.makeitright.events.Anger;
import com.makeitright.events.ApprovalDecision;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CounterOffer;
import com.makeitright.events.InspectionResult;
import com.makeitright.events.Money;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.Order;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.ResponseDecision;
import com.makeitright.events.RootCause;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * remedy-service as a whole on a real broker: Avro events in on its four input topics, offers and resolutions
 * out, the ledger over HTTP. Each test is one complaint (or a few) with its own id.
 */
@WithKafkaBroker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/remedy-${random.uuid}"
})
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
class RemedyIT {

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    // ------------------------------------------------------------------------------------ the scenarios

    @Test
    void aVeryAngryCustomerWithOurErrorGetsAReplacementPlusAGiftWithoutBeingAsked() {
        String id = acknowledge(ack().setAnger(Anger.HOSTILE).setChannel(Channel.PHONE).setDesiredOutcome(null));

        RemedyOffered offer = awaitOffer(id, 1);

        assertThat(offer.getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(offer.getGoodwill()).isNotNull();
        assertThat(offer.getGoodwill().getValue()).isEqualTo(usd("5.00"));
        assertThat(offer.getOpenQuestion()).as("a specific remedy, not an open question").isNull();
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.OPEN);
        assertThat(offer.getReasoning().getFactors()).extracting(f -> f.getName())
                .contains("tier", "orderValue", "reach", "anger", "cause", "history", "desiredOutcome", "costOfInaction");
    }

    @Test
    void aCounterWithinTheAgentsAuthorityIsAccepted() {
        String id = acknowledge(ack());
        RemedyOffered offer = awaitOffer(id, 1);

        RemedyResponded counter = counter(offer, RemedyKind.REFUND_PARTIAL, "30.00");
        publish(counter);
        RemedyOffered agreed = awaitOffer(id, 2);

        assertThat(agreed.getStatus()).isEqualTo(OfferStatus.AGREED);
        assertThat(agreed.getAmount()).isEqualTo(usd("30.00"));
        assertThat(agreed.getCounterOfEventId()).isEqualTo(counter.getEventId());
        assertThat(agreed.getCausationId()).isEqualTo(counter.getEventId());
    }

    @Test
    void aCounterAboveTheAgentsAuthorityWaitsForASupervisorAndIsApproved() {
        String id = acknowledge(ack().setOrder(Events.order("120.00")));
        RemedyOffered offer = awaitOffer(id, 1);
        assertThat(offer.getStatus()).isEqualTo(OfferStatus.OPEN);

        publish(counter(offer, RemedyKind.REFUND_FULL, "120.00"));
        RemedyOffered pending = awaitOffer(id, 2);
        assertThat(pending.getStatus()).isEqualTo(OfferStatus.PENDING_APPROVAL);
        assertThat(pending.getApprovalRequired()).isTrue();
        assertThat(pending.getAuthorityLevel()).isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(pending.getApprovalDueBy()).isAfter(pending.getOccurredAt());

        var approval = Events.approvalDecided(id, pending.getOfferId(), ApprovalDecision.APPROVED)
                .setCausationId(pending.getEventId()).build();
        probe.publish(Topics.APPROVALS, id, approval);
        RemedyOffered approved = awaitOffer(id, 3);

        assertThat(approved.getStatus()).as("the customer's own terms, approved").isEqualTo(OfferStatus.AGREED);
        assertThat(approved.getApprovedBy()).isEqualTo("sam.supervisor");
        assertThat(approved.getAmount()).isEqualTo(usd("120.00"));
        assertThat(approved.getCausationId()).isEqualTo(approval.getEventId());
    }

    @Test
    void aHalfFinishedServiceGetsAProRatedRefund() {
        Order halfDone = order("90.00", "0.5000");
        String id = acknowledge(ack().setOrder(halfDone).setSuspectedRootCause(RootCause.SERVICE_QUALITY)
                .setDesiredOutcome("Finish it or give me my money back"));

        RemedyOffered offer = awaitOffer(id, 1);

        assertThat(offer.getKind()).isEqualTo(RemedyKind.REFUND_PRORATED);
        assertThat(offer.getAmount()).isEqualTo(usd("45.00"));
        assertThat(offer.getReasoning().getFactors()).anySatisfy(f -> assertThat(f.getName()).isEqualTo("order.completedFraction"));
    }

    @Test
    void aFourthSuspectedAbuseClaimLeadsToInspectionNotRefund() {
        String id = acknowledge(ack().setCause(Cause.SUSPECTED_ABUSE).setCauseConfidence(0.5)
                .setSubject("Another missing package").setDesiredOutcome("Refund").setOrder(Events.order("399.00"))
                .setSuspectedRootCause(RootCause.DELIVERY)
                .setCustomerHistory(Events.noHistory().setComplaintsLast12Months(3).setRefundsLast12Months(3)
                        .setNeverArrivedLast12Months(3).build()));

        RemedyOffered inspection = awaitOffer(id, 1);
        assertThat(inspection.getKind()).isEqualTo(RemedyKind.INSPECTION);
        assertThat(inspection.getAmount()).as("no refund before inspection").isNull();
        assertThat(inspection.getReasoning().getSummary()).contains("3 earlier never-arrived claims");

        publish(respond(inspection, ResponseDecision.ACCEPT));
        RemedyFulfilled inspected = Events.fulfilled(id, inspection.getOfferId(), RemedyKind.INSPECTION)
                .setInspectionResult(InspectionResult.NO_FAULT_FOUND).build();
        probe.publish(Topics.REMEDY_FULFILLED, id, inspected);

        ComplaintResolved resolved = awaitResolved(id);
        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.CLAIM_NOT_UPHELD);
        assertThat(resolved.getCostLines()).noneSatisfy(l -> assertThat(l.getCategory().name()).isEqualTo("REFUND"));
    }

    @Test
    void anUnreasonableHostileCustomerIsRefundedAndDisengagedAndTheirNextComplaintIsFlagged() {
        String customer = "C-" + Events.newId();
        String id = acknowledge(ack().setCustomerId(customer).setCause(Cause.UNREASONABLE).setAnger(Anger.HOSTILE)
                .setOrder(Events.order("3.50")).setDesiredOutcome("$5,000 and free pens for life"));
        RemedyOffered offer = awaitOffer(id, 1);
        assertThat(offer.getKind()).isEqualTo(RemedyKind.REFUND_AND_DISENGAGE);
        assertThat(offer.getAmount()).isEqualTo(usd("3.50"));
        assertThat(offer.getDescription()).contains("will not take further orders");

        publish(respond(offer, ResponseDecision.ACCEPT));
        probe.publish(Topics.REMEDY_FULFILLED, id,
                Events.fulfilled(id, offer.getOfferId(), RemedyKind.REFUND_AND_DISENGAGE).build());
        ComplaintResolved resolved = awaitResolved(id);
        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.REFUNDED_AND_DISENGAGED);
        assertThat(resolved.getDoNotServe()).isTrue();
        assertThat(resolved.getCustomerId()).isEqualTo(customer);

        // triage remembers the customer from that resolution and says so in the next acknowledgement
        String next = acknowledge(ack().setCustomerId(customer).setCause(Cause.OUR_ERROR)
                .setCustomerHistory(Events.noHistory().setComplaintsLast12Months(1).setRefundsLast12Months(1)
                        .setDoNotServe(true).build()));
        RemedyOffered flagged = awaitOffer(next, 1);

        assertThat(flagged.getStatus()).isEqualTo(OfferStatus.PENDING_APPROVAL);
        assertThat(flagged.getAuthorityLevel()).isEqualTo(AuthorityLevel.SUPERVISOR);
        assertThat(flagged.getReasoning().getFactors()).anySatisfy(f -> {
            assertThat(f.getName()).isEqualTo("doNotServe");
            assertThat(f.getEffect()).contains("flagged");
        });
    }

    @Test
    void theLedgerSumsMatchTheFulfilledRemediesToTheCent() {
        Order oddFraction = order("49.99", "0.3333");
        List<String> ids = List.of(
                deliver(ack().setAnger(Anger.HOSTILE), null),                          // replacement + gift
                deliver(ack().setOrder(oddFraction).setSuspectedRootCause(RootCause.SERVICE_QUALITY), null), // 33.33
                deliver(ack().setAnger(Anger.ANGRY), usd("17.35")),                    // actual cost reported
                deliver(ack().setCause(Cause.MISUNDERSTANDING).setSuspectedRootCause(RootCause.OTHER), null));
        List<ComplaintResolved> mine = ids.stream().map(this::awaitResolved).toList();
        assertThat(mine.get(1).getCost()).isEqualTo(usd("33.33"));
        assertThat(mine.get(2).getCost()).isEqualTo(usd("22.35"));

        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
            JsonNode ledger = ledgerJson();
            Set<String> listed = stream(ledger.get("entries")).map(e -> e.get("complaintId").asString()).collect(Collectors.toSet());
            assertThat(listed).containsAll(ids);
            // every entry is the resolution it came from, to the cent
            for (ComplaintResolved r : mine) {
                JsonNode entry = stream(ledger.get("entries")).filter(e -> e.get("complaintId").asString().equals(r.getComplaintId()))
                        .findFirst().orElseThrow();
                assertThat(entry.get("total").decimalValue()).isEqualByComparingTo(r.getCost().getAmount());
                assertThat(entry.get("costLines").size()).isEqualTo(r.getCostLines().size());
            }
            // and the totals are the sum of everything remedy resolved with a delivered remedy
            BigDecimal published = probe.events(Topics.COMPLAINTS_RESOLVED).stream().filter(r -> r.getRemedy() != null)
                    .map(r -> r.getCost().getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            JsonNode usdTotal = stream(ledger.get("totals").get("overall"))
                    .filter(t -> t.get("currency").asString().equals("USD")).findFirst().orElseThrow();
            assertThat(usdTotal.get("total").decimalValue()).isEqualByComparingTo(published);
            BigDecimal byKind = stream(ledger.get("totals").get("byKind")).map(t -> t.get("total").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal byMonth = stream(ledger.get("totals").get("byMonth")).map(t -> t.get("total").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(byKind).isEqualByComparingTo(published);
            assertThat(byMonth).isEqualByComparingTo(published);
        });

        String csv = http.get().uri("/api/ledger").accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).startsWith("date,resolvedAt,complaintId");
        BigDecimal csvTotal = lines.stream().skip(1).map(l -> new BigDecimal(l.substring(l.lastIndexOf(',') + 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal published = probe.events(Topics.COMPLAINTS_RESOLVED).stream().filter(r -> r.getRemedy() != null)
                .map(r -> r.getCost().getAmount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(csvTotal).isEqualByComparingTo(published);
    }

    // ------------------------------------------------------------------------------------ negotiation and robustness

    @Test
    void aDuplicateAcknowledgementMakesNoSecondOffer() {
        ComplaintAcknowledged ack = ack().build();
        String id = ack.getComplaintId();
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack);
        awaitOffer(id, 1);

        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack);                      // redelivered
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack().setComplaintId(id).build()); // triage acknowledged twice
        // a later event on the same partition: once it is answered, the duplicates before it were handled
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, ack().setComplaintId(id).setRound(2).build());
        awaitOffer(id, o -> o.getRound() == 2);

        assertThat(probe.eventsFor(Topics.REMEDY_OFFERED, id)).extracting(RemedyOffered::getRound).containsExactly(1, 2);
    }

    @Test
    void declinesBringBetterOffersThenMediationAndADeclinedMediationEndsWithoutAgreement() {
        String id = acknowledge(ack());
        RemedyOffered offer = awaitOffer(id, 1);
        for (int round = 2; round <= 4; round++) {
            publish(respond(offer, ResponseDecision.DECLINE));
            RemedyOffered better = awaitOffer(id, round);
            assertThat(better.getNegotiationRound()).isEqualTo(round);
            if (round < 4) {
                assertThat(Monies.compare(better.getEstimatedCost(), offer.getEstimatedCost())).as("better").isPositive();
            }
            offer = better;
        }
        assertThat(offer.getKind()).isEqualTo(RemedyKind.MEDIATION);

        publish(respond(offer, ResponseDecision.DECLINE));
        ComplaintResolved resolved = awaitResolved(id);

        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.NO_AGREEMENT);
        assertThat(resolved.getNegotiationRounds()).isEqualTo(4);
        assertThat(resolved.getCost()).isEqualTo(usd("0.00"));
    }

    @Test
    void theFulfillmentOfAnAgreedOfferResolvesTheComplaintWithItsCostLines() {
        String id = acknowledge(ack().setAnger(Anger.HOSTILE));
        RemedyOffered offer = awaitOffer(id, 1);
        publish(respond(offer, ResponseDecision.ACCEPT));

        RemedyFulfilled fulfilled = Events.fulfilled(id, offer.getOfferId(), RemedyKind.REPLACEMENT)
                .setCausationId(offer.getEventId()).setRootCause(RootCause.PRODUCT_QUALITY).build();
        probe.publish(Topics.REMEDY_FULFILLED, id, fulfilled);
        ComplaintResolved resolved = awaitResolved(id);

        assertThat(resolved.getOutcome()).isEqualTo(ResolutionOutcome.REMEDY_DELIVERED);
        assertThat(resolved.getCausationId()).isEqualTo(fulfilled.getEventId());
        assertThat(resolved.getRootCause()).as("the agent's finding wins over triage's guess").isEqualTo(RootCause.PRODUCT_QUALITY);
        assertThat(resolved.getCostLines()).extracting(l -> l.getCategory() + " " + Monies.format(l.getAmount()))
                .containsExactly("GOODS_AT_COST 19.60 USD", "GIFT 5.00 USD");
        assertThat(resolved.getCost()).isEqualTo(usd("24.60"));
        assertThat(resolved.getRemedy().getKind()).isEqualTo(RemedyKind.REPLACEMENT);
        assertThat(resolved.getAnger()).isEqualTo(Anger.HOSTILE);
        String metrics = prometheus();
        assertThat(metrics).containsPattern(sample("makeitright_remedies_offered_total", "kind", "REPLACEMENT"))
                .containsPattern(sample("makeitright_complaints_resolved_total", "outcome", "REMEDY_DELIVERED"))
                .containsPattern(sample("makeitright_remedy_cost_count", "kind", "REPLACEMENT"))
                .containsPattern(sample("makeitright_remedy_cost_sum", "kind", "REPLACEMENT"))
                .containsPattern(sample("makeitright_stage_seconds_count", "stage", "offered"))
                .containsPattern(sample("makeitright_stage_seconds_count", "stage", "resolved"));
    }

    @Test
    void aPoisonRecordGoesToItsDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String id = acknowledge(ack());
        RemedyOffered offer = awaitOffer(id, 1);

        probe.publishRaw(Topics.REMEDY_RESPONSES.name(), id, "{\"decision\":\"DECLINE\"}".getBytes());
        publish(respond(offer, ResponseDecision.DECLINE));

        ConsumerRecord<String, byte[]> dead = probe.awaitRecord(Topics.REMEDY_RESPONSES.deadLetterTopic(), id);
        assertThat(new String(dead.value())).isEqualTo("{\"decision\":\"DECLINE\"}");
        assertThat(awaitOffer(id, 2).getNegotiationRound()).isEqualTo(2);
        assertThat(prometheus()).containsPattern(sample("makeitright_dead_lettered_total", "topic",
                Topics.REMEDY_RESPONSES.name()));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** What ops' Prometheus reads. */
    String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A sample of the metric with that tag, at least 1 (other tests may have counted too). */
    static String sample(String name, String tag, String value) {
        return "(?m)^" + name + "\\{[^}]*" + tag + "=\"" + java.util.regex.Pattern.quote(value) + "\"[^}]*} [1-9]";
    }

    static ComplaintAcknowledged.Builder ack() {
        return Events.acknowledged("remedy-it-" + Events.newId());
    }

    String acknowledge(ComplaintAcknowledged.Builder ack) {
        ComplaintAcknowledged event = ack.build();
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, event.getComplaintId(), event);
        return event.getComplaintId();
    }

    /** A complaint taken all the way: acknowledged, its first offer accepted and fulfilled. */
    String deliver(ComplaintAcknowledged.Builder ack, Money actualCost) {
        String id = acknowledge(ack);
        RemedyOffered offer = awaitOffer(id, 1);
        publish(respond(offer, ResponseDecision.ACCEPT));
        probe.publish(Topics.REMEDY_FULFILLED, id, Events.fulfilled(id, offer.getOfferId(), offer.getKind())
                .setActualCost(actualCost).build());
        return id;
    }

    void publish(RemedyResponded response) {
        probe.publish(Topics.REMEDY_RESPONSES, response.getComplaintId(), response);
    }

    static RemedyResponded respond(RemedyOffered offer, ResponseDecision decision) {
        return Events.responded(offer.getComplaintId(), offer.getOfferId(), decision)
                .setCausationId(offer.getEventId()).build();
    }

    static RemedyResponded counter(RemedyOffered offer, RemedyKind kind, String amount) {
        return Events.responded(offer.getComplaintId(), offer.getOfferId(), ResponseDecision.COUNTER)
                .setCausationId(offer.getEventId())
                .setCounterOffer(CounterOffer.newBuilder().setKind(kind).setAmount(usd(amount))
                        .setDescription("That would be fair").build()).build();
    }

    /** The complaint's n-th offer (1-based), once it is published. */
    RemedyOffered awaitOffer(String id, int nth) {
        return probe.awaitEvents(Topics.REMEDY_OFFERED, id, nth).get(nth - 1);
    }

    RemedyOffered awaitOffer(String id, Predicate<RemedyOffered> matching) {
        return probe.awaitEvent(Topics.REMEDY_OFFERED, o -> o.getComplaintId().equals(id) && matching.test(o));
    }

    ComplaintResolved awaitResolved(String id) {
        return probe.awaitEvents(Topics.COMPLAINTS_RESOLVED, id, 1).get(0);
    }

    JsonNode ledgerJson() {
        String body = http.get().uri("/api/ledger").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    static Order order(String amount, String completedFraction) {
        return Order.newBuilder().setId("O-" + Events.newId().substring(0, 8)).setSku("SVC-1")
                .setAmount(usd(amount)).setCompletedFraction(new BigDecimal(completedFraction)).build();
    }

    static Money usd(String amount) {
        return Monies.of(amount, "USD");
    }
}
