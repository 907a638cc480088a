package com.makeitright.intake.preferences;

import com.makeitright.contract.Topics;
import com.makeitright.events.ContactPreference;
import com.makeitright.events.ContactPreferenceChanged;
import com.makeitright.events.ContactPreferenceReason;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.intake.testing.RecordingPublisher;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.testing.security.TestCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The do-not-contact endpoints over HTTP, Kafka replaced by a recording publisher: bad input is a 400 problem and
 * publishes nothing, a broker that does not take the event a 503, and each change one event keyed by the customer.
 * Who may call them: AccessIT.
 */
@WebFluxTest(controllers = ContactPreferenceController.class)
@Import({ProblemDetailsAdvice.class, SliceStubs.class})
class ContactPreferenceHttpTest {

    @Autowired
    WebTestClient http;

    @Autowired
    RecordingPublisher publisher;

    @BeforeEach
    void clear() {
        publisher.clear();
    }

    private WebTestClient.ResponseSpec mark(String customerId, Object body) {
        return http.put().uri("/api/customers/{id}/do-not-contact", customerId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @Test
    void aMarkAndALiftAreOneEventEachKeyedByTheCustomerAndNamingTheCaller() {
        mark("C-1001", Map.of("reason", "LEGAL_DISPUTE")).expectStatus().isAccepted()
                .expectBody().jsonPath("$.preference").isEqualTo("DO_NOT_CONTACT")
                .jsonPath("$.reason").isEqualTo("LEGAL_DISPUTE")
                .jsonPath("$.changedAt").isEqualTo(SliceStubs.NOW.toString())
                .jsonPath("$.what").value(what -> assertThat((String) what).contains("nothing"));
        http.delete().uri("/api/customers/C-1001/do-not-contact?reason=CUSTOMER_REQUEST").exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.preference").isEqualTo("CONTACT_ALLOWED");

        assertThat(publisher.published()).hasSize(2).allSatisfy(outgoing -> {
            assertThat(outgoing.topic()).isEqualTo(Topics.CONTACT_PREFERENCES);
            assertThat(outgoing.complaintId()).as("the record key").isEqualTo("C-1001");
            ContactPreferenceChanged changed = (ContactPreferenceChanged) outgoing.event();
            assertThat(changed.getCustomerId()).isEqualTo("C-1001");
            assertThat(changed.getChangedBy()).isEqualTo(TestCredentials.SUITE);
            assertThat(changed.getOccurredAt()).isEqualTo(SliceStubs.NOW);
        });
        assertThat(publisher.published()).extracting(o -> ((ContactPreferenceChanged) o.event()).getPreference())
                .containsExactly(ContactPreference.DO_NOT_CONTACT, ContactPreference.CONTACT_ALLOWED);
        assertThat(publisher.published()).extracting(o -> ((ContactPreferenceChanged) o.event()).getReason())
                .containsExactly(ContactPreferenceReason.LEGAL_DISPUTE, ContactPreferenceReason.CUSTOMER_REQUEST);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndPublishesNothing() {
        mark("C-1001", Map.of("reason", "because")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("reason", "CUSTOMER_REQUEST", "ENTERED_IN_ERROR"));
        mark("C-1001", Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/customers/C-1001/do-not-contact").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": ").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        mark("x".repeat(65), Map.of("reason", "OTHER")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("customerId"));
        http.delete().uri("/api/customers/C-1001/do-not-contact?reason=").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(publisher.published()).isEmpty();
    }

    @Test
    void theDocumentedReasonsAreTheEventsCodes() throws Exception {
        // the OpenAPI annotations spell the codes out (annotation values must be constants): they follow the enum
        String[] codes = java.util.Arrays.stream(ContactPreferenceReason.values()).map(Enum::name)
                .toArray(String[]::new);
        assertThat(ContactPreferenceController.Mark.class.getDeclaredField("reason")
                .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class).allowableValues())
                .containsExactly(codes);
        java.lang.reflect.Parameter reason = java.util.Arrays.stream(ContactPreferenceController.class
                        .getDeclaredMethod("lift", String.class, String.class, java.security.Principal.class)
                        .getParameters()).filter(p -> p.getType() == String.class).skip(1).findFirst().orElseThrow();
        assertThat(reason.getAnnotation(io.swagger.v3.oas.annotations.Parameter.class).schema().allowableValues())
                .containsExactly(codes);
    }

    @Test
    void aBrokerThatDoesNotTakeTheChangeIsA503() {
        publisher.failWith(new PublishFailed("The broker did not acknowledge", new IllegalStateException("down")));

        mark("C-1001", Map.of("reason", "CUSTOMER_REQUEST")).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(publisher.published()).isEmpty();
    }
}
