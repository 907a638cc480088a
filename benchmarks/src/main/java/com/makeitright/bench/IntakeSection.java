package com.makeitright.bench;

import com.makeitright.bench.load.ComplaintBodies;
import com.makeitright.bench.load.LoadGenerator;
import com.makeitright.bench.load.LoadResult;
import com.makeitright.bench.report.Figure;
import com.makeitright.cli.stack.Component;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Section 1: intake alone (the downstream services stopped, so only intake and the broker work). Each endpoint is
 * first loaded until its rate is steady ({@link SteadyRate}: a fresh JVM's rate climbs for minutes while the JIT
 * compiles), and its first load is reported as the cold rate; then accepted/s at saturation, closed loop at each
 * connection count, and p50/p99 open loop at half the best saturation rate. The same for the two baseline endpoints,
 * on the same broker with the same JVM settings.
 */
final class IntakeSection implements Section {

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public String title() {
        return "Intake";
    }

    @Override
    public String baselineWhy() {
        return "(a) a no-op WebFlux POST endpoint: the framework's ceiling on this machine; (b) a WebFlux endpoint"
                + " that parses the body, sends it to Kafka with acks=all and answers 202: the least a durable intake"
                + " does. Both their own JVMs with the services' JVM settings, loaded the same way with the same"
                + " bodies; the downstream services are stopped throughout.";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        BenchStack stack = context.stack();
        stack.stop(Component.TRIAGE, Component.REMEDY, Component.FOLLOWUP);
        URI parseAndSendUri = Baselines.parseAndSend(stack);
        URI noopUri = Baselines.noop(stack);
        context.memory().idle("no-op endpoint", stack.baselineResidentBytes(Baselines.NOOP));
        // The first instance alone, with several: one intake JVM against one baseline JVM keeps the ratio like for like.
        Target intake = measure(context, "intake", URI.create("http://localhost:"
                + stack.config().port(Component.INTAKE) + "/api/complaints"),
                () -> stack.residentBytes(Component.INTAKE));
        Target parseAndSend = measure(context, "parse-and-send", parseAndSendUri,
                () -> stack.baselineResidentBytes(Baselines.PARSE_AND_SEND));
        Target noop = measure(context, "no-op", noopUri, () -> stack.baselineResidentBytes(Baselines.NOOP));
        List<Figure> figures = new ArrayList<>();
        int most = mostConnections(context.options());
        // with --sections intake the JVMs' first load: the JIT has compiled nothing of the request path yet
        figures.add(Figure.rate("accepted/s, " + most + " connections, the section's first "
                        + context.options().warmingLoad().toSeconds() + " s (before warming)", intake.warming().get(0),
                "/s", "parse-and-send", parseAndSend.warming().get(0)));
        String warm = "measured after " + warming(context.options(), intake.warming());
        for (int connections : context.options().connections()) {
            String name = "accepted/s, " + connections + " connections";
            LoadResult measured = intake.saturation().get(connections);
            String failures = failures(measured);
            figures.add(Figure.rate(name, measured.acceptedPerSecond(), "/s", "parse-and-send",
                    parseAndSend.saturation().get(connections).acceptedPerSecond())
                    .withNote(failures == null ? warm : failures + "; " + warm));
            figures.add(Figure.rate(name, measured.acceptedPerSecond(), "/s", "no-op POST",
                    noop.saturation().get(connections).acceptedPerSecond()));
        }
        for (Target baseline : List.of(parseAndSend, noop)) {
            String note = String.format(Locale.ROOT, "intake at %.0f/s, %s at %.0f/s", intake.halfRate(),
                    baseline.name(), baseline.halfRate());
            figures.add(Figure.cost("p50 at half of saturation", intake.half().latency().p50(), "ms", baseline.name(),
                    baseline.half().latency().p50()).withNote(note));
            figures.add(Figure.cost("p99 at half of saturation", intake.half().latency().p99(), "ms", baseline.name(),
                    baseline.half().latency().p99()));
        }
        return figures;
    }

    private static int mostConnections(BenchOptions options) {
        return options.connections().stream().mapToInt(Integer::intValue).max().orElse(64);
    }

    /** The warming loads in words, e.g. "3 warming loads of 15 s (steady: 405, 413, 408 /s)". */
    private static String warming(BenchOptions options, List<Double> rates) {
        return String.format(Locale.ROOT, "%d warming loads of %d s (%s: %s /s)", rates.size(),
                options.warmingLoad().toSeconds(), options.warming().steady(rates) ? "steady" : "not yet steady",
                rates.stream().map(rate -> String.format(Locale.ROOT, "%.0f", rate))
                        .collect(Collectors.joining(", ")));
    }

    private static Target measure(BenchContext context, String name, URI endpoint, Supplier<OptionalLong> rss) {
        BenchOptions options = context.options();
        int most = mostConnections(options);
        Map<Integer, LoadResult> saturation = new LinkedHashMap<>();
        try (LoadGenerator load = new LoadGenerator(endpoint, ComplaintBodies.manyCustomers(context.runTag()
                + name.charAt(0))::body, most, context.stack().helpdesk());
             MemoryLog.Sampling sampling = context.memory().sample(Map.of(name.equals("intake") ? "intake" : name
                     + " endpoint", rss))) {
            List<Double> warming = new ArrayList<>();
            do {
                warming.add(load.closedLoop(most, Duration.ZERO, options.warmingLoad()).acceptedPerSecond());
            } while (!options.warming().done(warming));
            context.say("%s, %d connections: %s", name, most, warming(options, warming));
            for (int connections : options.connections()) {
                LoadResult result = load.closedLoop(connections, options.warmUp(), options.saturation());
                context.say("%s, %d connections: %.0f accepted/s, p50 %.1f ms, p99 %.1f ms (%d failed%s)", name,
                        connections, result.acceptedPerSecond(), result.latency().p50(), result.latency().p99(),
                        result.failed(), byStatus(result));
                saturation.put(connections, result);
            }
            double best = saturation.values().stream().mapToDouble(LoadResult::acceptedPerSecond).max().orElse(0);
            double half = Math.max(1, best / 2);
            LoadResult atHalf = load.openLoop(half, options.halfRateLatency());
            context.say("%s at %.0f/s (half of saturation): p50 %.1f ms, p99 %.1f ms (%d failed%s)", name, half,
                    atHalf.latency().p50(), atHalf.latency().p99(), atHalf.failed(), byStatus(atHalf));
            return new Target(name, warming, saturation, half, atHalf);
        }
    }

    private static String failures(LoadResult result) {
        return result.failureNote();
    }

    static String byStatus(LoadResult result) {
        return result.failed() == 0 ? "" : ": " + result.failuresByStatus();
    }

    private record Target(String name, List<Double> warming, Map<Integer, LoadResult> saturation, double halfRate,
                          LoadResult half) {
    }
}
