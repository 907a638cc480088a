package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Credentials;
import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "up", mixinStandardHelpOptions = true, description = {
        "Starts a Kafka broker (KRaft; --brokers 3: a three-node cluster), a mail server that keeps what it receives (GreenMail), the four services and"
                + " the follow-up worker as separate processes, waits until all are healthy"
                + " and prints the URLs. Stays in the foreground until Ctrl-C, which stops everything; -d returns"
                + " once healthy and leaves it running.",
        "Refuses, starting nothing, when a needed port is taken. Data survives 'down'; 'down --wipe' deletes it.",
        "The services get second-scale delays for trying things (FOLLOWUP_DELAY=PT5S ...) unless the environment"
                + " sets them."})
final class UpCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Option(names = {"-d", "--detach"}, description = "Return once healthy; leave the stack running")
    boolean detach;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = options.stack();
        long started = System.nanoTime();
        stack.up(line -> {
            // Seconds since 'up' began on every line: where the start-up time goes, at a glance.
            out.printf("  %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, line);
            out.flush();
        });
        printWelcome(out, stack.config(), Duration.ofNanos(System.nanoTime() - started));
        if (detach) {
            out.println("Running in the background. Stop it with: ./complaints down");
            return 0;
        }
        out.println("Press Ctrl-C to stop everything.");
        out.flush();
        return stayInForeground(stack, out);
    }

    /** Until Ctrl-C (then stops the stack) or until everything was stopped from elsewhere. */
    private static int stayInForeground(LocalStack stack, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true); // the watch below stays quiet about processes this hook stops
            out.println();
            out.println("Stopping the services, then Kafka ...");
            out.flush();
            stack.down();
            out.println("Stopped. Data is kept in " + stack.config().runDir() + " (./complaints down --wipe deletes it).");
            out.flush();
            stopped.countDown();
        }, "complaints-down");
        Runtime.getRuntime().addShutdownHook(hook);
        Set<Instance> reported = new HashSet<>();
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            if (stopping.get()) {
                continue;
            }
            boolean anyRunning = false;
            for (Instance process : stack.config().processes()) {
                boolean running = stack.process(process).running().isPresent();
                anyRunning |= running;
                if (!running && reported.add(process)) {
                    out.println(process.name() + " is not running any more (see ./complaints logs "
                            + process.name() + "; ./complaints start " + process.name() + ")");
                    out.flush();
                } else if (running) {
                    reported.remove(process);
                }
            }
            if (!anyRunning) {
                out.println("Everything was stopped.");
                Runtime.getRuntime().removeShutdownHook(hook);
                return 0;
            }
        }
        return 0;
    }

    private static String delay(String variable) {
        return System.getenv().getOrDefault(variable, StackConfig.LOCAL_DELAYS.get(variable));
    }

    static void printWelcome(PrintWriter out, StackConfig config, Duration took) {
        Path here = Path.of("").toAbsolutePath();
        Path logs = config.logsDir().startsWith(here) ? here.relativize(config.logsDir()) : config.logsDir();
        out.printf("%nMake It Right is up (healthy after %d s):%n", took.toSeconds());
        out.printf("  intake API    http://localhost:%d/api/complaints%n", config.port(Component.INTAKE));
        out.printf("  dashboard     http://localhost:%d/%n", config.port(Component.FOLLOWUP));
        out.printf("  ledger        http://localhost:%d/api/ledger%n", config.port(Component.REMEDY));
        out.printf("  triage        http://localhost:%d/actuator/health%n", config.port(Component.TRIAGE));
        out.printf("  mail          SMTP localhost:%d, what it received: ./complaints mail (worker on port %d)%n",
                config.port(Component.MAIL), config.port(Component.WORKER));
        if (config.instances() > 1) {
            out.printf("  instances     %d of each service, one consumer group each; instance n on the first one's"
                    + " port + %d × (n - 1): intake %s%n", config.instances(), Instance.PORT_STEP,
                    String.join(", ", config.instancesOf(Component.INTAKE).stream()
                            .map(i -> String.valueOf(config.port(i))).toList()));
        }
        out.printf("  Kafka         %s%s%n", config.bootstrapServers(), config.runsOwnBroker() && config.brokers() > 1
                ? "  (" + config.brokers() + " KRaft nodes kafka … kafka-" + config.brokers() + ", replication factor "
                + config.replicationFactor() + ", min.insync.replicas 2)" : "");
        out.printf("  logs          %s/  (./complaints logs SERVICE -f)%n", logs);
        Path keys = Credentials.of(config).directory();
        out.printf("  API keys      %s/{%s}  (curl -H \"Authorization: Bearer $(cat %s/helpdesk)\" ...)%n",
                keys.startsWith(here) ? here.relativize(keys) : keys, String.join(",", Credentials.ROLES),
                keys.startsWith(here) ? here.relativize(keys) : keys);
        out.printf("  delays        follow-up %s, reminder %s, no answer %s, offers expire %s, approvals due %s,"
                        + " promises %s%n",
                delay("FOLLOWUP_DELAY"), delay("FOLLOWUP_OFFER_REMINDER"), delay("FOLLOWUP_SATISFACTION_WINDOW"),
                delay("REMEDY_POLICY_NEGOTIATION_OFFER_EXPIRY"),
                delay("REMEDY_POLICY_NEGOTIATION_APPROVAL_TIMEOUT"),
                System.getenv().getOrDefault(StackConfig.PROMISE_VARIABLE, StackConfig.DEFAULT_PROMISE));
        out.println("Try: ./complaints simulate --count 100    ./complaints status    ./complaints mail");
        out.flush();
    }
}
