package com.makeitright.remedy.ledger;

import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.platform.instances.Instances;
import com.makeitright.platform.instances.InstancesProperties;
import com.makeitright.platform.instances.InstancesUnavailable;
import com.makeitright.platform.instances.StoreReads;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.makeitright.events.CostCategory.GIFT;
import static com.makeitright.events.CostCategory.GOODS_AT_COST;
import static com.makeitright.events.CostCategory.REFUND;
import static com.makeitright.events.RemedyKind.REFUND_PRORATED;
import static com.makeitright.events.RemedyKind.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger over HTTP: JSON and CSV, and problem+json for a bad period or a store that is not ready. */
@WebFluxTest(LedgerController.class)
@Import({ProblemDetailsAdvice.class, LedgerControllerTest.Fixed.class})
class LedgerControllerTest {

    static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();

    @TestConfiguration
    @EnableConfigurationProperties(LedgerProperties.class)
    static class Fixed {
        @Bean
        LedgerSource fixedResolutions() {
            List<ComplaintResolved> resolutions = List.of(
                    Resolutions.delivered("c-1", "2026-01-05T10:00:00Z", REPLACEMENT, Cause.OUR_ERROR, "USD",
                            GOODS_AT_COST, "19.60", GIFT, "5.00"),
                    Resolutions.delivered("c-2", "2026-02-03T10:00:00Z", REFUND_PRORATED, Cause.OUR_ERROR, "USD",
                            REFUND, "45.00"));
            LedgerSource booked = Resolutions.source(resolutions);
            return (from, to) -> {
                if (FAILURE.get() != null) {
                    throw FAILURE.get();
                }
                return booked.part(from, to);
            };
        }

        /** One instance alone, whose stores have one partition. */
        @Bean
        Instances instances() {
            StoreReads stores = Mockito.mock(StoreReads.class);
            Mockito.when(stores.partitions()).thenReturn(1);
            return new Instances(null, new InstancesProperties(null, Duration.ofSeconds(3)), stores, new JsonMapper());
        }
    }

    @Autowired
    WebTestClient http;

    @Test
    void servesTheLedgerAsJsonWithTotals() {
        FAILURE.set(null);
        http.get().uri("/api/ledger?from=2026-01-01&to=2026-01-31").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.from").isEqualTo("2026-01-01")
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].complaintId").isEqualTo("c-1")
                .jsonPath("$.entries[0].kind").isEqualTo("REPLACEMENT")
                .jsonPath("$.entries[0].total").isEqualTo(24.60)
                .jsonPath("$.entries[0].costLines[0].category").isEqualTo("GOODS_AT_COST")
                .jsonPath("$.totals.overall[0].currency").isEqualTo("USD")
                .jsonPath("$.totals.overall[0].total").isEqualTo(24.60)
                .jsonPath("$.totals.byMonth[0].month").isEqualTo("2026-01")
                .jsonPath("$.totals.byKind[0].kind").isEqualTo("REPLACEMENT")
                .jsonPath("$.totals.byCause[0].cause").isEqualTo("OUR_ERROR");
    }

    @Test
    void servesTheLedgerAsCsvWhenAskedFor() {
        FAILURE.set(null);
        String csv = http.get().uri("/api/ledger").accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("date,resolvedAt,complaintId,");
        assertThat(csv.split("\r\n")[2]).endsWith(",45.00,0.00,0.00,0.00,0.00,0.00,0.00,45.00");
    }

    @Test
    void aBadDateIsAProblem() {
        FAILURE.set(null);
        http.get().uri("/api/ledger?from=yesterday").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("from must be an ISO date like 2026-01-31, was 'yesterday'");
    }

    @Test
    void anInvertedPeriodIsAProblemAlsoForCsv() {
        FAILURE.set(null);
        http.get().uri("/api/ledger?from=2026-02-01&to=2026-01-01").accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).value(body -> assertThat(body).contains("from (2026-02-01) is after to (2026-01-01)"));
    }

    @Test
    void aLedgerThatIsNotReadyIsServiceUnavailable() {
        FAILURE.set(new InstancesUnavailable("the stream application is rebalancing", null));
        http.get().uri("/api/ledger").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("rebalancing"));
        FAILURE.set(null);
    }
}
