package com.makeitright.cli.simulate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageLatenciesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String event(String id, String type, String at, String cause, int round) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\",\"causationId\":"
                + (cause == null ? "null" : "\"" + cause + "\"") + ",\"round\":" + round + "}";
    }

    private static JsonNode view(String... events) {
        return JSON.readTree("{\"events\":[" + String.join(",", events) + "]}");
    }

    @Test
    void eachEventAgainstItsCause() {
        JsonNode view = view(
                event("r1", "ComplaintReceived", "2026-01-01T10:00:00.000Z", null, 1),
                event("a1", "ComplaintAcknowledged", "2026-01-01T10:00:00.250Z", "r1", 1),
                event("o1", "RemedyOffered", "2026-01-01T10:00:00.400Z", "a1", 1),
                event("x1", "RemedyResponded", "2026-01-01T10:00:01.400Z", null, 1),
                event("f1", "RemedyFulfilled", "2026-01-01T10:00:02.000Z", null, 1),
                event("s1", "ComplaintResolved", "2026-01-01T10:00:02.100Z", "f1", 1));

        List<StageLatencies.Sample> samples = StageLatencies.from(view);

        assertThat(samples).extracting(StageLatencies.Sample::stage, StageLatencies.Sample::millis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("received → acknowledged", 250L),
                org.assertj.core.groups.Tuple.tuple("acknowledged → offered", 150L),
                org.assertj.core.groups.Tuple.tuple("offered → customer answered", 1000L),
                org.assertj.core.groups.Tuple.tuple("customer answered → fulfilled", 600L),
                org.assertj.core.groups.Tuple.tuple("fulfilled → resolved", 100L));
    }

    @Test
    void aReopenedRoundStartsFromTheFollowUpThatReopenedIt() {
        JsonNode view = view(
                event("c1", "FollowUpCompleted", "2026-01-01T10:00:10.000Z", null, 1),
                event("r2", "ComplaintReceived", "2026-01-01T10:00:10.020Z", "c1", 2),
                event("a2", "ComplaintAcknowledged", "2026-01-01T10:00:10.300Z", null, 2));

        assertThat(StageLatencies.from(view)).extracting(StageLatencies.Sample::stage)
                .containsExactly("follow-up answered → received", "received → acknowledged");
    }

    @Test
    void endToEndFromFirstToLastEvent() {
        JsonNode view = view(
                event("r1", "ComplaintReceived", "2026-01-01T10:00:00Z", null, 1),
                event("c1", "FollowUpCompleted", "2026-01-01T10:00:12.500Z", null, 1));

        assertThat(StageLatencies.endToEndMillis(view)).isEqualTo(12_500L);
    }

    @Test
    void noEventsNoSamples() {
        assertThat(StageLatencies.from(JSON.readTree("{\"stage\":\"CLOSED\"}"))).isEmpty();
        assertThat(StageLatencies.endToEndMillis(JSON.readTree("{}"))).isNull();
    }
}
