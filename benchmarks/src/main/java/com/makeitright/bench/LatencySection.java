package com.makeitright.bench;

import com.makeitright.bench.kafka.EndToEndProbe;
import com.makeitright.bench.kafka.EventStamp;
import com.makeitright.bench.kafka.TopicWatch;
import com.makeitright.bench.load.ComplaintBodies;
import com.makeitright.bench.load.Latency;
import com.makeitright.bench.load.LoadGenerator;
import com.makeitright.bench.load.LoadResult;
import com.makeitright.bench.report.Figure;
import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Section 3: complaints posted at a fixed rate with every service up; received→acknowledged and
 * acknowledged→offered from the events' own {@code occurredAt} (the services' clocks, as {@code simulate}
 * measures), against Kafka's end-to-end latency at the same rate on the same broker.
 */
final class LatencySection implements Section {

    static final String PROBE_TOPIC = "bench.e2e-latency";

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public String title() {
        return "Latency at a fixed rate";
    }

    @Override
    public String baselineWhy() {
        return "Kafka's own end-to-end latency on the same broker at the same rate (a producer with acks=all and a"
                + " read_committed consumer, open loop): every hop of the pipeline is at least one such trip plus an"
                + " exactly-once commit. Event times have millisecond resolution.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        BenchOptions options = context.options();
        // The first load after `up` measures the JIT compiling four services on the same cores as much as the
        // services: it is reported on its own (cold), and the figures are taken from a second load once the
        // stack has caught up, as a running system would see them.
        Phase cold = phase(context, "C", "first load after start-up (cold)");
        context.say("waiting for every consumer group to catch up before the measured load ...");
        SystemSection.awaitCaughtUp(context.stack(), options.drainLimit());
        Phase warm = phase(context, "L", "measured load (warm)");
        context.say("measuring Kafka's own end-to-end latency ...");
        BenchStack stack = context.stack();
        stack.createTopics(List.of(PROBE_TOPIC));
        Latency kafka = new EndToEndProbe(stack.bootstrapServers(), PROBE_TOPIC)
                .run(options.fixedRate(), options.fixedRateDuration(), options.warmUp());
        String rate = String.format(java.util.Locale.ROOT, " at %.0f/s", options.fixedRate());
        List<Figure> figures = new ArrayList<>();
        figures.addAll(percentiles("received → acknowledged" + rate, Latency.of(warm.acknowledged()), kafka));
        figures.addAll(percentiles("acknowledged → offered" + rate, Latency.of(warm.offered()), kafka));
        figures.add(Figure.cost("POST answered (202) p99" + rate, warm.posted().latency().p99(), "ms",
                "Kafka end to end p99", kafka.p99()).withNote(accepted(warm.posted())));
        String coldNote = " in the first " + options.fixedRateDuration().toSeconds() + " s after start-up";
        figures.add(Figure.cost("received → acknowledged p99" + rate + coldNote,
                Latency.of(cold.acknowledged()).p99(), "ms", "Kafka end to end p99", kafka.p99())
                .withNote(cold.acknowledged().getTotalCount() + " complaints"));
        figures.add(Figure.cost("POST answered (202) p99" + rate + coldNote, cold.posted().latency().p99(), "ms",
                "Kafka end to end p99", kafka.p99()).withNote(accepted(cold.posted())));
        return figures;
    }

    private static String accepted(LoadResult posted) {
        return posted.accepted() + " of " + posted.sent() + " accepted"
                + (posted.failed() == 0 ? "" : "; failed " + posted.failuresByStatus());
    }

    /** Posts at the fixed rate and stamps each complaint's first round until every accepted one was offered. */
    private static Phase phase(BenchContext context, String tag, String what) {
        BenchOptions options = context.options();
        BenchStack stack = context.stack();
        List<String> topics = List.of(Topics.COMPLAINTS_RECEIVED.name(), Topics.COMPLAINTS_ACKNOWLEDGED.name(),
                Topics.REMEDY_OFFERED.name());
        Map<String, Map<String, Instant>> stamps = new HashMap<>();
        context.say("%s: posting at %.0f/s for %d s with every service up ...", what, options.fixedRate(),
                options.fixedRateDuration().toSeconds());
        URI intake = URI.create("http://localhost:" + stack.config().port(Component.INTAKE) + "/api/complaints");
        LoadResult posted;
        try (TopicWatch watch = new TopicWatch(stack.bootstrapServers(), topics);
             LoadGenerator load = new LoadGenerator(intake,
                     ComplaintBodies.manyCustomers(context.runTag() + tag)::body, 256, stack.helpdesk());
             MemoryLog.Sampling sampling = context.memory().sample(Rss.services(stack))) {
            CompletableFuture<LoadResult> loading = CompletableFuture.supplyAsync(
                    () -> load.openLoop(options.fixedRate(), options.fixedRateDuration()));
            watch.until(() -> loading.isDone() && offered(stamps) >= received(stamps), options.drainLimit()
                    .plus(options.fixedRateDuration()), Duration.ofSeconds(20), false, (record, arrived) -> {
                        EventStamp stamp = EventStamp.decode(record.topic(), record.value());
                        if (stamp.round() == 1) {
                            stamps.computeIfAbsent(stamp.complaintId(), id -> new HashMap<>())
                                    .putIfAbsent(stamp.type(), stamp.occurredAt());
                        }
                    });
            posted = loading.join();
        }
        Histogram acknowledged = Latency.micros();
        Histogram offered = Latency.micros();
        for (Map<String, Instant> complaint : stamps.values()) {
            between(complaint, "ComplaintReceived", "ComplaintAcknowledged", acknowledged);
            between(complaint, "ComplaintAcknowledged", "RemedyOffered", offered);
        }
        context.say("%s: %d accepted, %d acknowledged, %d offered", what, posted.accepted(),
                acknowledged.getTotalCount(), offered.getTotalCount());
        return new Phase(posted, acknowledged, offered);
    }

    private record Phase(LoadResult posted, Histogram acknowledged, Histogram offered) {
    }

    static List<Figure> percentiles(String name, Latency measured, Latency baseline) {
        String note = measured.count() + " complaints";
        return List.of(
                Figure.cost(name + " p50", measured.p50(), "ms", "Kafka end to end p50", baseline.p50()).withNote(note),
                Figure.cost(name + " p95", measured.p95(), "ms", "Kafka end to end p95", baseline.p95()),
                Figure.cost(name + " p99", measured.p99(), "ms", "Kafka end to end p99", baseline.p99()),
                Figure.cost(name + " max", measured.max(), "ms", "Kafka end to end max", baseline.max()));
    }

    private static void between(Map<String, Instant> complaint, String from, String to, Histogram into) {
        Instant start = complaint.get(from);
        Instant end = complaint.get(to);
        if (start != null && end != null) {
            Latency.recordMillis(into, Duration.between(start, end).toMillis());
        }
    }

    private static long received(Map<String, Map<String, Instant>> stamps) {
        return stamps.values().stream().filter(c -> c.containsKey("ComplaintReceived")).count();
    }

    private static long offered(Map<String, Map<String, Instant>> stamps) {
        return stamps.values().stream().filter(c -> c.containsKey("RemedyOffered")).count();
    }
}
