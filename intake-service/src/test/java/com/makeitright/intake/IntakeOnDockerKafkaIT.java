package com.makeitright.intake;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton's first step against Kafka in Docker (the official apache/kafka image, the version the
 * build uses), for machines that have a Docker engine. Without one it is skipped: the same behaviour is proven on
 * the in-process broker by {@link IntakeIT}, which always runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.streams.state-dir=${java.io.tmpdir}/make-it-right-tests/intake-docker-${random.uuid}",
        "makeitright.intake.transactional-id=intake-docker-test-${random.uuid}"
})
@AutoConfigureWebTestClient(timeout = "PT1M") // not 5 s: a loaded machine answers slowly, and an await retries assertions, not timeouts
class IntakeOnDockerKafkaIT {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion());

    @Autowired
    WebTestClient http;

    @Test
    void aPostedComplaintIsOnTheTopicAsAvro() {
        ComplaintRequest request = ComplaintRequest.aComplaint();

        Map<?, ?> accepted = http.post().uri("/api/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();

        String id = (String) accepted.get("complaintId");
        try (KafkaProbe probe = new KafkaProbe(KAFKA.getBootstrapServers())) {
            ComplaintReceived received = probe.awaitEvents(Topics.COMPLAINTS_RECEIVED, id, 1).get(0);
            assertThat(received.getCustomer().getId()).isEqualTo(request.customer().id());
            assertThat(received.getSubject()).isEqualTo(request.subject());
        }
    }
}
