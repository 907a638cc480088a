package com.makeitright.bench;

import com.makeitright.bench.load.ComplaintBodies;
import com.makeitright.bench.load.LoadGenerator;
import com.makeitright.bench.load.LoadResult;
import com.makeitright.bench.report.Figure;
import com.makeitright.cli.stack.Component;
import com.makeitright.contract.ConsumerLag;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Section 2b: the whole system's sustained rate. Closed-loop load on intake with every service up, first with a
 * different customer per request, then with one hot customer; after each, how long until every consumer
 * group's lag is back to zero.
 */
final class SystemSection implements Section {

    @Override
    public String name() {
        return "system";
    }

    @Override
    public String title() {
        return "Whole system, every service up";
    }

    @Override
    public String baselineWhy() {
        return "for many customers, the same load on the parse-and-send endpoint (the least a durable intake does),"
                + " measured while the services idle; for one hot customer, the many-customer figure of this run"
                + " (the target allows 20% less). Lag counts as zero when each group is within one commit marker per"
                + " partition.";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        BenchOptions options = context.options();
        BenchStack stack = context.stack();
        URI intake = URI.create("http://localhost:" + stack.config().port(Component.INTAKE) + "/api/complaints");
        Run many = load(context, intake, "many customers", ComplaintBodies.manyCustomers(context.runTag() + "M")::body);
        Run hot = load(context, intake, "one hot customer", ComplaintBodies.oneCustomer(context.runTag() + "H")::body);
        context.say("the same load on the parse-and-send baseline ...");
        LoadResult baseline;
        try (LoadGenerator load = new LoadGenerator(Baselines.parseAndSend(stack),
                ComplaintBodies.manyCustomers(context.runTag() + "B")::body, options.systemConnections())) {
            baseline = load.closedLoop(options.systemConnections(), options.warmUp(), options.systemLoad());
        }
        String shape = " (" + options.systemConnections() + " connections, " + options.systemLoad().toSeconds() + " s)";
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.rate("accepted/s, many customers" + shape, many.load().acceptedPerSecond(), "/s",
                "parse-and-send endpoint", baseline.acceptedPerSecond()).withNote(errors(many.load())));
        figures.add(Figure.rate("accepted/s, one hot customer" + shape, hot.load().acceptedPerSecond(), "/s",
                "many customers", many.load().acceptedPerSecond()).withNote(errors(hot.load())));
        figures.add(drainFigure("lag back to zero after the load, one hot customer", hot, many));
        figures.add(drainFigure("lag back to zero after the load, many customers", many, null));
        return figures;
    }

    private static Figure drainFigure(String name, Run run, Run baseline) {
        Double value = run.drainSeconds().isPresent() ? run.drainSeconds().getAsDouble() : null;
        Double base = baseline != null && baseline.drainSeconds().isPresent() ? baseline.drainSeconds().getAsDouble()
                : null;
        Figure figure = new Figure(name, value, "s", baseline == null ? null : "many customers", base, false, null);
        return value == null ? figure.withNote("still " + run.lagLeft() + " behind when the bench stopped waiting ("
                + run.behindGroups() + ")") : figure;
    }

    private static String errors(LoadResult load) {
        return load.failureNote();
    }

    private Run load(BenchContext context, URI intake, String customers, LongFunction<byte[]> bodies) {
        BenchOptions options = context.options();
        context.say("%s: %d connections for %d s with every service up ...", customers, options.systemConnections(),
                options.systemLoad().toSeconds());
        LoadResult result;
        try (LoadGenerator load = new LoadGenerator(intake, bodies, options.systemConnections(),
                context.stack().helpdesk());
             MemoryLog.Sampling sampling = context.memory().sample(Rss.services(context.stack()))) {
            result = load.closedLoop(options.systemConnections(), options.warmUp(), options.systemLoad());
        }
        context.say("%s: %.0f accepted/s (%d failed%s); waiting for every consumer group to catch up ...",
                customers, result.acceptedPerSecond(), result.failed(), IntakeSection.byStatus(result));
        long stopped = System.nanoTime();
        long left = awaitCaughtUp(context.stack(), options.drainLimit());
        return left == 0 ? new Run(result, OptionalDouble.of((System.nanoTime() - stopped) / 1e9), 0, "")
                : new Run(result, OptionalDouble.empty(), left, behindGroups(context.stack()));
    }

    /** Waits until no consumer group is behind, at most {@code limit}; returns how many records are still behind. */
    static long awaitCaughtUp(BenchStack stack, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long left = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            left = behind(stack);
            if (left == 0) {
                return 0;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        return left;
    }

    /** Records still to process over every group, ignoring one commit marker per partition. */
    private static long behind(BenchStack stack) {
        long behind = 0;
        for (ConsumerLag.GroupLag group : stack.stack().consumerLag()) {
            behind += Math.max(0, group.lag() - group.partitions());
        }
        return behind;
    }

    /** The groups still behind, most behind first, e.g. {@code followup-worker 80,112, followup-service 312}. */
    private static String behindGroups(BenchStack stack) {
        return stack.stack().consumerLag().stream()
                .filter(group -> group.lag() > group.partitions())
                .sorted(Comparator.comparingLong((ConsumerLag.GroupLag group) -> group.lag()).reversed())
                .map(group -> String.format(Locale.ROOT, "%s %,d", group.group(),
                        group.lag() - group.partitions()))
                .collect(Collectors.joining(", "));
    }

    private record Run(LoadResult load, OptionalDouble drainSeconds, long lagLeft, String behindGroups) {
    }
}
