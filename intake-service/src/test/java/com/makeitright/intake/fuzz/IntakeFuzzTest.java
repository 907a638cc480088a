package com.makeitright.intake.fuzz;

import com.makeitright.contract.Topics;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyKind;
import com.makeitright.intake.testing.ActionRequests;
import com.makeitright.intake.testing.InMemoryViews;
import com.makeitright.intake.testing.RecordingPublisher;
import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.WebPlatformAutoConfiguration;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import com.makeitright.testing.LabeledExamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies, headers and path ids against intake's real WebFlux handlers (every controller, intake's and the
 * platform's problem handling; Kafka replaced by the recording publisher of the slice tests): no answer is a 5xx,
 * every refusal is {@code application/problem+json}, no answer shows a stack trace or a class name, and a refusal
 * publishes nothing. Bodies are mutations of valid ones (the labeled examples, the test builders), so most requests
 * get deep into the rules instead of dying at the JSON parser. Seeded: {@code -Dfuzz.seed=N} replays a run,
 * {@code -Dfuzz.requests=N} changes its length.
 */
@WebFluxTest
// every controller and advice (the slice), intake's @Services (the request handling; its Kafka parts are
// @Components and stay out), the platform's problem handling as production configures it, Kafka replaced by stubs
@ComponentScan(basePackages = "com.makeitright.intake", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(org.springframework.stereotype.Service.class))
@Import({WebPlatformAutoConfiguration.class, SliceStubs.class})
class IntakeFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final int SHOWN_FAILURES = 20;

    /** A stack trace line, an exception, or a fully qualified name of the code's (or a library's) classes. */
    private static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]"
            + "|\\b(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|reactor|com\\.makeitright)"
            + "\\.[a-zA-Z]|[a-z]\\.[A-Z][A-Za-z]*\\$[A-Z]");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ACTIONS = List.of("remedy-response", "approval", "fulfillment",
            "follow-up-outcome", "acknowledgement");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "application/json;charset=UTF-8", "application/json;charset=ISO-8859-1",
            "application/json;charset=UTF-16", "text/plain", "application/xml", "application/merge-patch+json",
            "application/x-www-form-urlencoded", "multipart/form-data;boundary=x", "application/octet-stream");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "application/problem+json",
            "text/html", "application/xml", "text/csv");
    private static final List<String> NASTY_STRINGS = List.of("", " ", "\t\n\r ", "\u0000\u0007\n\t",
            "\u0000", "\u001b[31m", "\u200B\u200B", "\uFEFF", "\u0085\u00A0", "\u2028", "x".repeat(5001),
            "é😀 ümlaut", "\uD800", "null", "OTHER", "ACCEPT", "COUNTER", "APPROVED", "REFUND_PARTIAL",
            "FAULT_CONFIRMED", "PACKING_ERROR", "EMAIL", "GOLD", "2019-02-30", "9999-12-31", "2019-04-01",
            "<script>alert(1)</script>", "${jndi:ldap://x/a}", "abc%0d%0a", "Robert'); DROP TABLE complaints;--",
            "USD", "KWD", "JOD", "XYZ", "usd", "dana@example.com", "not-an-email", "a@b", "+1 555 0100",
            "../../etc/passwd", "\r\nSet-Cookie: x=1", "ünïcødé ".repeat(300), "0", "-1", "1e400");
    private static final List<String> NASTY_NUMBERS = List.of("0", "-1", "1", "5", "6", "0.5", "1.5", "-0.1",
            "12.345", "0.12345", "49.00", "1000000", "1000000.01", "9223372036854775808", "1e400", "1e-400",
            "-0", "3.0E2", "1" + "0".repeat(400));

    @Autowired
    WebTestClient http;

    @Autowired
    RecordingPublisher publisher;

    @Autowired
    InMemoryViews views;

    private record Sent(HttpMethod method, String uri, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + uri + " " + headers + " "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    @Test
    void generatedRequestsNeverGetA5xxAStackTraceOrAPublicationForARefusal() {
        Random random = new Random(SEED);
        http = http.mutate().responseTimeout(Duration.ofMinutes(1)).build();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(aComplaintWithAnOpenOffer());
        }
        List<JsonNode> complaintSeeds = new ArrayList<>();
        LabeledExamples.all().forEach(example -> complaintSeeds.add(JSON.readTree(example.complaintJson())));
        for (int i = 0; i < 4; i++) {
            complaintSeeds.add(JSON.valueToTree(ComplaintRequest.aComplaint()));
        }
        complaintSeeds.add(JSON.valueToTree(ComplaintRequest.aComplaint().withoutOrder()));
        Map<String, List<JsonNode>> actionSeeds = Map.of(
                "remedy-response", List.of(JSON.valueToTree(ActionRequests.accept()),
                        JSON.valueToTree(ActionRequests.decline()),
                        JSON.valueToTree(ActionRequests.counter("REFUND_PARTIAL", "20.00", "USD")),
                        JSON.valueToTree(ActionRequests.accept(UUID.randomUUID().toString()))),
                "approval", List.of(JSON.valueToTree(ActionRequests.approve())),
                "fulfillment", List.of(JSON.valueToTree(ActionRequests.fulfillment()),
                        JSON.valueToTree(ActionRequests.fulfillment().withActualCost("12.50", "EUR")
                                .withInspectionResult("NO_FAULT_FOUND"))),
                "follow-up-outcome", List.of(JSON.valueToTree(ActionRequests.satisfied()),
                        JSON.valueToTree(ActionRequests.unsatisfied())),
                "acknowledgement", List.of(JSON.valueToTree(ActionRequests.approveAcknowledgement("We are sorry.")),
                        JSON.valueToTree(ActionRequests.approveAcknowledgement(null))));

        int sent = 0;
        int serverErrors = 0;
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Sent request = generate(random, known, complaintSeeds, actionSeeds);
            int publishedBefore = publisher.published().size();
            EntityExchangeResult<byte[]> result = send(request);
            sent++;
            int status = result.getStatus().value();
            byStatus.merge(status, 1, Integer::sum);
            String body = result.getResponseBody() == null ? ""
                    : new String(result.getResponseBody(), StandardCharsets.UTF_8);
            MediaType type = result.getResponseHeaders().getContentType();
            int published = publisher.published().size() - publishedBefore;
            List<String> wrong = new ArrayList<>();
            if (status >= 500) {
                serverErrors++;
                wrong.add("a " + status);
            }
            if (status >= 400 && (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type))) {
                wrong.add("a " + status + " as " + type + ", not problem+json");
            }
            if (LEAK.matcher(body).find()) {
                wrong.add("a leak of the code's insides");
            }
            if (status >= 300 && published != 0) {
                wrong.add("a refusal that published " + published + " events");
            }
            if (!wrong.isEmpty() && failures.size() < SHOWN_FAILURES) {
                failures.add("#" + i + " " + String.join(", ", wrong) + " for " + request + "\n      -> " + body);
            } else if (!wrong.isEmpty()) {
                failures.add("#" + i + " " + String.join(", ", wrong));
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("[fuzz] seed %d: %d requests in %d ms, %d 5xx, by status %s, %d events published%n",
                SEED, sent, millis, serverErrors, byStatus, publisher.published().size());

        assertThat(sent).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(failures).as("requests answered wrongly (seed %d)", SEED).isEmpty();
        assertThat(serverErrors).isZero();
        // the generator reaches the rules: some requests pass them all, many are refused by them
        assertThat(byStatus.getOrDefault(202, 0)).isPositive();
        assertThat(byStatus.getOrDefault(400, 0)).isPositive();
    }

    private String aComplaintWithAnOpenOffer() {
        String id = Events.newId();
        views.record(Topics.COMPLAINTS_RECEIVED, id, Events.received(id).build());
        views.record(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).build());
        views.record(Topics.REMEDY_OFFERED, id, Events.offered(id).setStatus(OfferStatus.OPEN)
                .setKind(RemedyKind.REPLACEMENT).setExpiresAt(SliceStubs.NOW.plus(Duration.ofDays(3))).build());
        return id;
    }

    private EntityExchangeResult<byte[]> send(Sent request) {
        WebTestClient.RequestBodySpec spec = http.method(request.method()).uri(URI.create(request.uri()));
        request.headers().forEach((name, value) -> spec.header(name, value));
        WebTestClient.ResponseSpec response = request.body() == null ? spec.exchange()
                : spec.bodyValue(request.body()).exchange();
        return response.expectBody(byte[].class).returnResult();
    }

    private Sent generate(Random random, List<String> known, List<JsonNode> complaintSeeds,
                          Map<String, List<JsonNode>> actionSeeds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", random.nextInt(10) < 8 ? "application/json" : pick(random, CONTENT_TYPES));
        if (random.nextInt(5) == 0) {
            headers.put("Accept", pick(random, ACCEPTS));
        }
        int target = random.nextInt(100);
        if (target < 50) {
            if (random.nextInt(3) > 0) {
                headers.put("Idempotency-Key", idempotencyKey(random));
            }
            HttpMethod method = random.nextInt(40) == 0 ? pick(random, List.of(HttpMethod.PUT, HttpMethod.DELETE,
                    HttpMethod.PATCH, HttpMethod.GET)) : HttpMethod.POST;
            return new Sent(method, "/api/complaints", headers, body(random, pick(random, complaintSeeds)));
        }
        String id = pathId(random, known);
        if (target < 85) {
            String action = random.nextInt(30) == 0 ? pick(random, List.of("nothing", "", "remedy-response/x"))
                    : pick(random, ACTIONS);
            List<JsonNode> seeds = actionSeeds.getOrDefault(action, actionSeeds.get("approval"));
            HttpMethod method = random.nextInt(40) == 0 ? HttpMethod.GET : HttpMethod.POST;
            return new Sent(method, "/api/complaints/" + id + "/" + action, headers, body(random, pick(random, seeds)));
        }
        headers.remove("Content-Type");
        return new Sent(HttpMethod.GET, "/api/complaints/" + id, headers, null);
    }

    /** Printable keys (mostly), some too long or blank, some with control characters; no dots (see LEAK). */
    private static String idempotencyKey(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "k".repeat(199 + random.nextInt(3));
            case 1 -> pick(random, List.of(" ", "tab\there", "nul\u0000", "é", "key\r\nX-Injected: 1", ""));
            case 2, 3 -> "fuzz-key-" + random.nextInt(50); // reused: replays and 422s
            default -> randomText(random, 1 + random.nextInt(40),
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:/ !#@");
        };
    }

    /** A known complaint id, an unknown one, or something that is not an id at all, percent-encoded. */
    private static String pathId(Random random, List<String> known) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> pick(random, known);
            case 4 -> UUID.randomUUID().toString();
            case 5, 6 -> pick(random, List.of("abc%0d%0a", "%00", "%2e%2e", "..", "a%2Fb", "%20", "%25", "%0A",
                    "x".repeat(64), "x".repeat(65), "%C3%A9", "%E2%80%8B", "%3Cscript%3E", "null", "-", "_",
                    "%27%20OR%201%3D1", "a;b", "a%3Bb", "%EF%BF%BF", "%F0%9F%98%80", "%C0%AF", "%FF"));
            default -> percentEncoded(randomText(random, 1 + random.nextInt(80),
                    "abcXYZ019-_.~/\\:;@&=+$,?#[]%\"'<> \t\r\n\u0000\u007fé€😀\u200B"));
        };
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String randomText(Random random, int length, String alphabet) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return text.toString();
    }

    /** A seed body, often mutated in its values, sometimes broken as text. */
    private static byte[] body(Random random, JsonNode seed) {
        JsonNode tree = seed.deepCopy();
        int mutations = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            tree = mutate(random, tree);
        }
        String text = JSON.writeValueAsString(tree);
        return random.nextInt(12) == 0 ? breakText(random, text) : text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode mutate(Random random, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = pick(random, containers);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            if (names.isEmpty() || random.nextInt(8) == 0) {
                object.set(pick(random, List.of("unknown", "extra", "__proto__", "complaintId", "round")),
                        value(random));
                return root;
            }
            String name = pick(random, names);
            if (random.nextInt(6) == 0) {
                object.remove(name);
            } else {
                object.set(name, value(random));
            }
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value(random));
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isObject() || node.isArray()) {
            containers.add(node);
            for (JsonNode child : node.values()) {
                collect(child, containers);
            }
        }
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(12)) {
            case 0, 1, 2, 3, 4 -> NODES.stringNode(pick(random, NASTY_STRINGS));
            case 5, 6 -> NODES.numberNode(new BigDecimal(pick(random, NASTY_NUMBERS)));
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.nullNode();
            case 9 -> NODES.arrayNode().add(pick(random, NASTY_STRINGS)).add(7);
            case 10 -> NODES.objectNode().put("amount", 1).put("currency", "USD");
            default -> NODES.stringNode(randomText(random, random.nextInt(30),
                    "abc XYZ 019 \u0000\u0001\u0007\t\n\r\u007f\u0085\u200B\uFEFFé😀\"\\"));
        };
    }

    /** Unreadable on purpose: cut short, a stray byte, invalid UTF-8, wrong top-level shapes, too deep. */
    private static byte[] breakText(Random random, String text) {
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, random.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case 1 -> {
                int at = random.nextInt(text.length());
                yield (text.substring(0, at) + pick(random, List.of("{", "}", "\"", ",", ":", "\\", "]"))
                        + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
                yield bytes;
            }
            case 3 -> pick(random, List.of("", "null", "[]", "42", "\"text\"", "true", "{}"))
                    .getBytes(StandardCharsets.UTF_8);
            case 4 -> ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            case 6 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            default -> (text + text).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
