package com.makeitright.system;

import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One complaint's journey is one trace: a POST that arrives with a W3C {@code traceparent} (as from a helpdesk
 * frontend that traces its own calls) puts that trace id in the headers of the {@code ComplaintReceived} intake
 * writes, of the {@code ComplaintAcknowledged} triage writes and of the {@code RemedyOffered} remedy writes, each
 * hop under a span of its own. Real processes, real broker, real HTTP.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(value = SystemStack.LOCK, mode = ResourceAccessMode.READ)
class TracingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theTraceOfThePostArrivesInTheHeadersOfTheOffer(SystemStack system) throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + system.port(Component.INTAKE) + "/api/complaints"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", system.bearer("helpdesk"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(ComplaintRequest.aComplaint())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String complaintId = JSON.readTree(response.body()).get("complaintId").asString();

        KafkaProbe kafka = system.kafka();
        List<ConsumerRecord<String, byte[]>> hops = List.of(
                kafka.awaitRecord(Topics.COMPLAINTS_RECEIVED.name(), complaintId),
                kafka.awaitRecord(Topics.COMPLAINTS_ACKNOWLEDGED.name(), complaintId),
                kafka.awaitRecord(Topics.REMEDY_OFFERED.name(), complaintId));

        List<String[]> parents = hops.stream().map(record -> KafkaProbe.header(record, "traceparent"))
                .peek(header -> assertThat(header).as("a traceparent header").isNotNull())
                .map(header -> header.split("-")).toList();
        assertThat(parents).allSatisfy(parent -> assertThat(parent[1]).as("trace id").isEqualTo(traceId));
        assertThat(parents.stream().map(parent -> parent[2]).distinct())
                .as("each hop's span is its own, none the caller's").hasSize(3).doesNotContain(callerSpan);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero: an invalid W3C id
        return bytes;
    }
}
