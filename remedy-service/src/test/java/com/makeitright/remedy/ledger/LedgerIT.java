package com.makeitright.remedy.ledger;

import com.makeitright.contract.Topics;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostCategory;
import com.makeitright.events.CostLine;
import com.makeitright.contract.Monies;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.MutableClock;
import com.makeitright.testing.WithKafkaBroker;
import com.makeitright.testing.security.TestCredentials;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static com.makeitright.events.CostCategory.GIFT;
import static com.makeitright.events.CostCategory.GOODS_AT_COST;
import static com.makeitright.events.CostCategory.REFUND;
import static com.makeitright.events.RemedyKind.REFUND_PRORATED;
import static com.makeitright.events.RemedyKind.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger stream on a real broker: resolutions published to {@code complaints.resolved} as real Avro bytes are
 * booked into day totals read over HTTP; poison records go to the dead-letter topic while the ledger keeps
 * counting; day totals past the retention are dropped. Each test books on its own day so the tests do not see
 * each other's totals; the domain clock is a {@link MutableClock} (the purge is a wall-clock punctuator that
 * judges age by it).
 */
@WithKafkaBroker
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/remedy-ledger-${random.uuid}",
        "remedy.ledger.purge-interval=PT0.3S",
        "remedy.ledger.retention=P30D"
})
class LedgerIT {

    static final Instant START = Instant.now().truncatedTo(ChronoUnit.DAYS);
    static final MutableClock CLOCK = new MutableClock(START.plus(Duration.ofHours(12)));

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    KafkaProbe probe;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    /** A poison record's retries fail (and replace) the stream thread on purpose: not a failure of the wait. */
    @BeforeAll
    static void toleratePoisonRetries() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterAll
    static void resetAwaitility() {
        Awaitility.reset();
    }

    @Test
    void theLedgerIsForAViewerSupervisorOrOwner() {
        WebTestClient bare = http.mutate().defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION)).build();
        bare.get().uri("/api/ledger").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        for (String role : new String[]{"helpdesk", "agent", "ops"}) {
            bare.get().uri("/api/ledger").header(HttpHeaders.AUTHORIZATION, TestCredentials.bearer(role))
                    .exchange().expectStatus().isForbidden();
        }
        for (String role : new String[]{"viewer", "supervisor", "owner"}) {
            bare.get().uri("/api/ledger").header(HttpHeaders.AUTHORIZATION, TestCredentials.bearer(role))
                    .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 503));
        }
    }

    @Test
    void totalsAddUpTheResolutionsOfTheDayToTheCentAndADuplicateIsBookedOnce() {
        LocalDate day = day(3);
        ComplaintResolved first = Resolutions.delivered("led-" + Events.newId(), at(day), REPLACEMENT, Cause.OUR_ERROR,
                "USD", GOODS_AT_COST, "19.60", GIFT, "5.00");
        ComplaintResolved second = Resolutions.delivered("led-" + Events.newId(), at(day), REFUND_PRORATED,
                Cause.OUR_ERROR, "USD", REFUND, "33.33");
        publish(first);
        publish(second);
        publish(first); // a replay of the same resolution (say, from a dead-letter topic) is not booked twice

        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
            JsonNode ledger = ledger(day);
            assertThat(ledger.get("entries").size()).isEqualTo(2);
            assertThat(ledger.get("totals").get("overall").get(0).get("entries").asInt()).isEqualTo(2);
            assertThat(ledger.get("totals").get("overall").get(0).get("total").decimalValue())
                    .isEqualByComparingTo("57.93");
            assertThat(ledger.get("entriesComplete").asBoolean()).isTrue();
        });
        JsonNode byCategory = ledger(day).get("totals").get("byCategory");
        assertThat(byCategory.toString()).contains("GOODS_AT_COST").contains("GIFT").contains("REFUND");
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheLedgerKeepsCounting() {
        LocalDate day = day(5);
        String unreadable = "led-poison-" + Events.newId();
        probe.publishRaw(Topics.COMPLAINTS_RESOLVED.name(), unreadable, "not avro".getBytes(StandardCharsets.UTF_8));
        ComplaintResolved.Builder mixed = Resolutions.builder("led-mixed-" + Events.newId(), at(day), REPLACEMENT,
                Cause.OUR_ERROR, "USD", GOODS_AT_COST, "10.00");
        List<CostLine> lines = new ArrayList<>(mixed.getCostLines());
        lines.add(CostLine.newBuilder().setCategory(CostCategory.GIFT).setAmount(Monies.of("1.00", "EUR")).build());
        ComplaintResolved inconsistent = mixed.setCostLines(lines).build();
        publish(inconsistent);
        ComplaintResolved good = Resolutions.delivered("led-" + Events.newId(), at(day), REPLACEMENT, Cause.OUR_ERROR,
                "USD", GOODS_AT_COST, "7.00");
        publish(good);

        ConsumerRecord<String, byte[]> unreadableLetter = probe.awaitRecord(Topics.COMPLAINTS_RESOLVED.deadLetterTopic(), unreadable);
        ConsumerRecord<String, byte[]> inconsistentLetter =
                probe.awaitRecord(Topics.COMPLAINTS_RESOLVED.deadLetterTopic(), inconsistent.getComplaintId());
        assertThat(KafkaProbe.header(inconsistentLetter, "kafka_dlt-exception-message")).contains("EUR");
        assertThat(unreadableLetter.value()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));

        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> {
            JsonNode ledger = ledger(day);
            assertThat(ledger.get("entries").size()).isEqualTo(1);
            assertThat(ledger.get("entries").get(0).get("complaintId").asString()).isEqualTo(good.getComplaintId());
        });
        // and on: one more resolution after the poison is booked too
        ComplaintResolved later = Resolutions.delivered("led-" + Events.newId(), at(day), REPLACEMENT, Cause.OUR_ERROR,
                "USD", GOODS_AT_COST, "3.00");
        publish(later);
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() -> assertThat(ledger(day).get("totals").get("overall")
                .get(0).get("total").decimalValue()).isEqualByComparingTo(new BigDecimal("10.00")));
    }

    @Test
    void dayTotalsPastTheRetentionAreDropped() {
        LocalDate day = day(10);
        publish(Resolutions.delivered("led-" + Events.newId(), at(day), REPLACEMENT, Cause.OUR_ERROR, "USD",
                GOODS_AT_COST, "4.00"));
        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() ->
                assertThat(ledger(day).get("totals").get("overall").size()).isEqualTo(1));

        CLOCK.advance(Duration.ofDays(30)); // the day is now 40 days old, retention 30 days

        await().atMost(KafkaProbe.PATIENCE).untilAsserted(() ->
                assertThat(ledger(day).get("totals").get("overall").size()).isZero());
        CLOCK.set(START.plus(Duration.ofHours(12)));
    }

    /** A day of its own for each test, some days before the clock's start. */
    static LocalDate day(int daysAgo) {
        return START.atZone(ZoneOffset.UTC).toLocalDate().minusDays(daysAgo);
    }

    static String at(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.UTC).toString();
    }

    void publish(ComplaintResolved resolved) {
        probe.publish(Topics.COMPLAINTS_RESOLVED, resolved.getComplaintId(), resolved);
    }

    JsonNode ledger(LocalDate day) {
        String body = http.get().uri("/api/ledger?from=" + day + "&to=" + day).accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }
}
