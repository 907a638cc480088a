package com.makeitright.bench;

import com.makeitright.bench.report.Figure;
import com.makeitright.cli.stack.Instance;

import java.time.Duration;
import java.util.List;

/** Section 5b: from nothing to every service healthy, against the broker alone. Leaves the stack up. */
final class StartupSection implements Section {

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String title() {
        return "Start-up: `up` to all healthy";
    }

    @Override
    public String baselineWhy() {
        return "the broker alone, started the same way on the same machine: the part of `up` the services cannot"
                + " make faster. The figure includes it, as `./complaints up` does.";
    }

    @Override
    public List<Figure> run(BenchContext context) {
        context.say("starting the broker alone ...");
        Duration broker = context.stack().startBroker();
        context.say("broker ready after %.1f s; starting the four services ...", broker.toMillis() / 1000.0);
        Duration services = context.stack().up(line -> context.say("%s", line));
        context.say("all healthy after %.1f s more", services.toMillis() / 1000.0);
        for (Instance process : context.stack().processes()) {
            context.memory().idle(process.name(), context.stack().residentBytes(process));
        }
        return List.of(Figure.cost("`up` to all healthy", seconds(broker.plus(services)), "s", "broker alone",
                seconds(broker)));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
