package com.makeitright.bench;

import com.makeitright.bench.baseline.PassThroughHop;
import com.makeitright.bench.kafka.Clients;
import com.makeitright.bench.kafka.EventStamp;
import com.makeitright.bench.kafka.TopicWatch;
import com.makeitright.bench.load.ComplaintBodies;
import com.makeitright.bench.load.LoadGenerator;
import com.makeitright.bench.load.LoadResult;
import com.makeitright.bench.report.Figure;
import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Section 2a: how fast triage and remedy drain a preloaded {@code complaints.received} into
 * {@code complaints.remedy-offered}, against a chain of pass-through Streams hops with the same exactly-once
 * settings over the same records. The rate counts from the first output record to the last, so neither side's
 * start-up is in it.
 */
final class PipelineSection implements Section {

    static final String PASS_RECEIVED = "bench.pass-through.received";
    static final String PASS_ACKNOWLEDGED = "bench.pass-through.acknowledged";
    static final String PASS_OFFERED = "bench.pass-through.offered";

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String title() {
        return "Pipeline: received → remedy-offered, preloaded";
    }

    @Override
    public String baselineWhy() {
        return "the same records through two pass-through Kafka Streams hops (as many JVMs each as triage and remedy"
                + " have instances)"
                + " with the services' exactly-once settings and no business logic: what the hops cost by"
                + " themselves on this broker.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        BenchOptions options = context.options();
        BenchStack stack = context.stack();
        int count = options.pipelineCount();
        context.say("stopping triage, remedy and followup (every instance); preloading %d complaints through intake ...",
                count);
        stack.stop(Component.TRIAGE, Component.REMEDY, Component.FOLLOWUP);
        List<ProducerRecord<byte[], byte[]>> preloaded = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        URI intake = URI.create("http://localhost:" + stack.config().port(Component.INTAKE) + "/api/complaints");
        try (TopicWatch received = new TopicWatch(stack.bootstrapServers(), List.of(Topics.COMPLAINTS_RECEIVED.name()));
             LoadGenerator load = new LoadGenerator(intake, ComplaintBodies.manyCustomers(context.runTag() + "P")::body,
                     32, stack.helpdesk())) {
            LoadResult posted = load.count(count, 32);
            received.until(() -> preloaded.size() >= posted.accepted(), options.pipelineLimit(),
                    java.time.Duration.ofSeconds(10), true, (record, arrived) -> {
                        preloaded.add(new ProducerRecord<>(PASS_RECEIVED, record.key(), record.value()));
                        ids.add(EventStamp.decode(record.topic(), record.value()).complaintId());
                    });
        }
        context.say("%d complaints preloaded; starting triage and remedy ...", ids.size());
        Drain services = drain(context, Topics.REMEDY_OFFERED.name(), ids.size(),
                () -> stack.start(Component.TRIAGE, Component.REMEDY),
                (record) -> {
                    EventStamp stamp = EventStamp.decode(record.topic(), record.value());
                    return ids.contains(stamp.complaintId()) && stamp.round() == 1 ? stamp.complaintId() : null;
                });
        context.say("services: %d offers at %.0f/s; the pass-through chain over the same %d records ...",
                services.count(), services.perSecond(), preloaded.size());
        stack.stop(Component.TRIAGE, Component.REMEDY);
        stack.createTopics(List.of(PASS_RECEIVED, PASS_ACKNOWLEDGED, PASS_OFFERED));
        try (KafkaProducer<byte[], byte[]> producer = Clients.producer(stack.bootstrapServers())) {
            preloaded.forEach(producer::send);
            producer.flush();
        }
        long[] sequence = {0};
        Drain chain = drain(context, PASS_OFFERED, preloaded.size(), () -> {
            hop(stack, context, 1, PASS_RECEIVED, PASS_ACKNOWLEDGED);
            hop(stack, context, 2, PASS_ACKNOWLEDGED, PASS_OFFERED);
        }, record -> String.valueOf(sequence[0]++));
        stopHops(stack);
        context.say("pass-through chain: %d records at %.0f/s", chain.count(), chain.perSecond());
        Figure figure = Figure.rate("complaints/s received → offered (" + ids.size() + " preloaded)",
                services.perSecond(), "/s", "pass-through chain", chain.perSecond());
        return List.of(services.count() < ids.size()
                ? figure.withNote("only " + services.count() + " of " + ids.size() + " offered in time") : figure);
    }

    /**
     * Starts one hop as the stack's services run: one JVM per instance, all in one application id (one consumer
     * group), each with its own state directory; does not wait.
     */
    private static void hop(BenchStack stack, BenchContext context, int number, String from, String to) {
        for (int instance = 1; instance <= stack.config().instances(); instance++) {
            String name = hopName(number, instance);
            stack.startBaseline(name, PassThroughHop.class, List.of(stack.bootstrapServers(),
                    "bench-pass-through-" + number + "-" + context.runTag(), from, to,
                    stack.config().runDir().resolve("state").resolve(name).toString(),
                    String.valueOf(stack.config().replicationFactor())));
        }
    }

    private static void stopHops(BenchStack stack) {
        for (int number = 1; number <= 2; number++) {
            for (int instance = 1; instance <= stack.config().instances(); instance++) {
                stack.stopBaseline(hopName(number, instance));
            }
        }
    }

    /** {@code pass-through-1} for hop 1's first JVM, {@code pass-through-1-2} for its second, as instances are named. */
    static String hopName(int hop, int instance) {
        return "pass-through-" + hop + (instance == 1 ? "" : "-" + instance);
    }

    /**
     * Starts the consumers ({@code start}, in the background) and times the output topic from its first
     * counted record to its last; {@code key} names a counted record (or null to skip it).
     */
    private static Drain drain(BenchContext context, String topic, int expected, Runnable start,
                               Function<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>, String> key) {
        Set<String> seen = new HashSet<>();
        long[] firstLast = {0, 0};
        try (TopicWatch watch = new TopicWatch(context.stack().bootstrapServers(), List.of(topic))) {
            CompletableFuture<Void> starting = CompletableFuture.runAsync(start);
            watch.until(() -> seen.size() >= expected || starting.isCompletedExceptionally(),
                    context.options().pipelineLimit(), java.time.Duration.ofSeconds(30), false, (record, arrived) -> {
                        String id = key.apply(record);
                        if (id != null && seen.add(id)) {
                            if (seen.size() == 1) {
                                firstLast[0] = arrived;
                            }
                            firstLast[1] = arrived;
                        }
                    });
            starting.join();
        }
        double seconds = (firstLast[1] - firstLast[0]) / 1e9;
        return new Drain(seen.size(), seen.size() > 1 && seconds > 0 ? (seen.size() - 1) / seconds : 0);
    }

    private record Drain(int count, double perSecond) {
    }
}
