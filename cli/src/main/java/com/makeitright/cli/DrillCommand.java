package com.makeitright.cli;

import com.makeitright.cli.drill.DrillLoad;
import com.makeitright.cli.drill.TopicAudit;
import com.makeitright.cli.simulate.SimulationSummary;
import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Credentials;
import com.makeitright.cli.stack.HealthProbe;
import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.Ports;
import com.makeitright.cli.stack.ProcessStatus;
import com.makeitright.cli.stack.StackException;
import com.makeitright.contract.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

@Command(name = "drill", mixinStandardHelpOptions = true, description = {
        "Fault drill on the running stack, under a steady simulated load: SIGKILLs each service in turn and starts it"
                + " again, kills the broker and starts it again (the services must reconnect by themselves), then"
                + " SIGTERMs intake while requests are in flight (each must be answered) and the stream services,"
                + " then stops and starts everything with SIGTERM.",
        "At the end it stops the load, lets the cases settle, reads every contract topic (read_committed, from the"
                + " beginning) and prints per topic the records, distinct event ids and duplicates, the complaints"
                + " lost and the time each fault took to heal. Exit status 1 when anything was lost or duplicated or"
                + " a fault did not heal."})
final class DrillCommand implements Callable<Integer> {

    /** Stages in which a case waits for someone outside the system (customer, supervisor, agent, follow-up worker). */
    static final Set<String> WAITING_STAGES = Set.of("OFFERED", "AWAITING_APPROVAL", "AGREED", "FOLLOW_UP_DUE");

    /** How the simulator words a POST whose answer was lost and that it did not retry (no Idempotency-Key). */
    private static final String ANSWER_LOST = "POST failed without an Idempotency-Key";

    static final List<String> ALL_FAULTS = List.of("intake", "triage", "remedy", "followup", "kafka", "sigterm",
            "restart-all");
    /**
     * The scale-out fault, the default on a stack of several brokers or instances: SIGKILL one broker (the active
     * controller) and the second instance of each service at once, under the load, then start them again.
     */
    static final String SCALE_OUT = "scale-out";
    /** How many complaints' reads are compared between the intake instances. */
    private static final int READ_SAMPLE = 40;

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--rate", paramLabel = "R",
            description = "Complaints posted per second during the drill (default 10; 4 with --quick)")
    Double rate;

    @Option(names = "--faults", paramLabel = "LIST", split = ",",
            description = "Faults, in this order (default: intake,triage,remedy,followup,kafka,sigterm,restart-all; on a"
                    + " stack of --brokers 3 or --instances 2 or more: scale-out)")
    List<String> faults;

    @Option(names = "--quick", description = "Short drill: fewer complaints, shorter waits (as in ./mvnw verify)")
    boolean quick;

    @Option(names = "--poll-ceiling", defaultValue = "2s", converter = SimulateCommand.DurationConverter.class,
            paramLabel = "DURATION",
            description = "Longest wait between two status reads of a complaint that has not moved (default"
                    + " ${DEFAULT-VALUE}; simulate reads every 600 ms): a helpdesk's polling, not a load test's")
    Duration pollCeiling;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the first batch of complaints (default ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final HealthProbe probe = new HealthProbe();
    private LocalStack stack;
    /** Complaint ids of the sigterm fault's own requests, for the audit: exactly one ComplaintReceived each. */
    private final List<String> inFlightIds = new ArrayList<>();
    private PrintWriter out;
    private long begin;
    /** How long each simulated complaint's journey follows it before it counts as stuck. */
    private Duration complaintTimeout = Duration.ofMinutes(5);
    /** The scale-out fault's POST measure, when it ran. */
    private PostWindow.Outcome postWindow;

    /** One fault: how long it was down (until the restart began) and how long the restart took to heal. */
    record Fault(String name, double downSeconds, double healSeconds, boolean healed, String note) {
    }

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        stack = stackOptions.stack();
        boolean scaledOut = stack.config().instances() > 1
                || (stack.config().runsOwnBroker() && stack.config().brokers() > 1);
        List<String> chosen = faults == null || faults.isEmpty() ? scaledOut ? List.of(SCALE_OUT) : ALL_FAULTS
                : faults.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).map(f -> "broker".equals(f) ? "kafka" : f).toList();
        for (String fault : chosen) {
            if (!ALL_FAULTS.contains(fault) && !SCALE_OUT.equals(fault)) {
                throw new IllegalArgumentException("Unknown fault '" + fault + "'. Valid: " + String.join(", ", ALL_FAULTS)
                        + ", " + SCALE_OUT);
            }
        }
        List<String> notUp = notUp();
        // a loaded machine may let one health probe time out: asked again for up to 30 s before refusing
        long asked = System.nanoTime();
        while (!notUp.isEmpty() && System.nanoTime() - asked < TimeUnit.SECONDS.toNanos(30)) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            notUp = notUp();
        }
        if (!notUp.isEmpty()) {
            throw new IllegalStateException("The stack is not fully up (" + String.join(", ", notUp)
                    + "); start it first: ./complaints up -d" + (stack.config().brokers() > 1 ? " --brokers "
                    + stack.config().brokers() : "") + (stack.config().instances() > 1 ? " --instances "
                    + stack.config().instances() : ""));
        }
        double perSecond = rate != null ? rate : quick ? 4 : 10;
        Duration steady = Duration.ofSeconds(quick ? 3 : 20);
        // long enough for every service's kafka health (asked every 5 s, 2 s timeout) to show the outage
        Duration outage = Duration.ofSeconds(quick ? 10 : 15);
        Duration healBound = Duration.ofMinutes(quick ? 2 : 3);
        complaintTimeout = Duration.ofMinutes(quick ? 3 : 5);
        Duration settle = complaintTimeout.plusSeconds(30);
        URI intake = URI.create("http://localhost:" + stack.config().port(Component.INTAKE));

        begin = System.nanoTime();
        out.printf("Drill on %s at %s complaints/s; faults: %s%n", intake, trim(perSecond), String.join(", ", chosen));
        List<Fault> done = new ArrayList<>();
        DrillLoad.Result result;
        try (DrillLoad load = new DrillLoad(intake, Credentials.of(stack.config())::bearer, perSecond,
                Duration.ofSeconds(quick ? 5 : 10), complaintTimeout, pollCeiling, seed)) {
            load.start();
            try {
                progress("steady load for " + steady.toSeconds() + " s");
                pause(steady);
                for (String fault : chosen) {
                    Fault healed = switch (fault) {
                        case "kafka" -> brokerFault(load, outage, healBound);
                        case "restart-all" -> restartAll(load, healBound);
                        case "sigterm" -> sigterm(load, intake, healBound);
                        case SCALE_OUT -> scaleOut(load, intake, outage, healBound);
                        default -> serviceFault(Component.parse(fault));
                    };
                    done.add(healed);
                    progress(fault + ": " + (healed.healed() ? "healed in " + seconds(healed.healSeconds())
                            : "DID NOT HEAL") + (healed.note().isEmpty() ? "" : " (" + healed.note() + ")")
                            + "; steady load for " + steady.toSeconds() + " s");
                    pause(steady);
                }
            } finally {
                bringBackWhatIsDown();
            }
            progress("stopping the load; waiting up to " + settle.toSeconds() + " s for the cases to settle");
            result = load.stop(settle);
        }
        progress("consumer groups' lag after the settle wait: " + groupLags());
        progress("reading every contract topic from the beginning (read_committed)");
        TopicAudit audit = TopicAudit.read(stack.bootstrapServers(), Duration.ofSeconds(60));
        return report(done, result, audit);
    }

    /**
     * SIGKILLs one broker (the active controller, the harder loss) and the second instance of every service at once,
     * keeps the load on for {@code outage}, starts them all again (together, as {@code up} does) and waits until a
     * complaint closed after that. Meanwhile one complaint is posted to the first intake every 500 ms: the longest
     * run of non-2xx answers is the client's window. The load and the probe talk to the first intake, as a load
     * balancer would once its health check dropped the dead one.
     */
    private Fault scaleOut(DrillLoad load, URI intake, Duration outage, Duration healBound) {
        var config = stack.config();
        List<Instance> victims = new ArrayList<>();
        if (config.runsOwnBroker() && config.brokers() > 1) {
            victims.add(new Instance(Component.KAFKA, activeController()));
        }
        if (config.instances() > 1) {
            Component.SERVICES.forEach(service -> victims.add(new Instance(service, 2)));
        }
        if (victims.isEmpty()) {
            return new Fault(SCALE_OUT, 0, 0, true, "skipped: one broker and one instance of each service");
        }
        long killed;
        long restart;
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        try (PostWindow window = new PostWindow(intake, Credentials.of(config).bearer("helpdesk"),
                Duration.ofMillis(500))) {
            window.start();
            pause(Duration.ofSeconds(2));
            killed = System.nanoTime();
            List<String> names = new ArrayList<>();
            for (Instance victim : victims) {
                var pid = stack.process(victim).pid();
                if (stack.kill(victim)) {
                    names.add(victim.name() + " (pid " + pid.orElse(-1) + ")");
                }
            }
            progress(SCALE_OUT + ": SIGKILL " + String.join(", ", names) + "; the load goes on");
            pause(outage);
            restart = System.nanoTime();
            progress(SCALE_OUT + ": down for " + seconds(since(killed, restart)) + "; starting them again");
            List<Thread> starting = new ArrayList<>();
            for (Instance victim : victims) {
                Thread thread = new Thread(() -> {
                    try {
                        stack.start(victim);
                    } catch (RuntimeException e) {
                        failed.add(victim.name() + ": " + e.getMessage().lines().findFirst().orElse(""));
                    }
                }, "drill-start-" + victim.name());
                thread.start();
                starting.add(thread);
            }
            for (Thread thread : starting) {
                try {
                    thread.join(stack.config().startTimeout().toMillis() + 30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            progress(SCALE_OUT + ": " + (failed.isEmpty() ? "all healthy again" : "NOT started: " + failed)
                    + " after " + seconds(since(restart, System.nanoTime()))
                    + "; waiting for a complaint to close, then a steady spell");
            await(healBound, () -> load.lastClosedNanos() > restart);
            pause(Duration.ofSeconds(5));
            postWindow = window.stop(Duration.ofSeconds(180));
        }
        inFlightIds.addAll(postWindow.accepted().values());
        boolean flows = load.lastClosedNanos() > restart;
        String note = "POST: " + postWindow.posted() + " sent, " + postWindow.failed() + " not 2xx "
                + postWindow.failures() + ", longest non-2xx"
                + " window " + seconds(postWindow.windowSeconds()) + ", slowest 202 " + seconds(postWindow.slowestOkSeconds())
                + ", " + postWindow.notAccepted().size() + " never accepted"
                + (flows ? "" : "; no complaint closed after the restart");
        boolean healed = flows && failed.isEmpty() && postWindow.notAccepted().isEmpty();
        return new Fault(SCALE_OUT, since(killed, restart), since(restart, System.nanoTime()), healed, note);
    }

    /**
     * Each consumer group's lag, to tell cases that are slow (a group still behind) from cases that are stuck (every
     * group at zero, the case still open).
     */
    private String groupLags() {
        try (var admin = com.makeitright.cli.stack.KafkaBroker.admin(stack.bootstrapServers())) {
            return com.makeitright.contract.ConsumerLag.of(admin).stream()
                    .map(group -> group.group() + " " + group.lag())
                    .collect(java.util.stream.Collectors.joining(", "));
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The complaint's stage as the first intake answers it now; "unknown" when it does not answer 200. */
    private String currentStage(String complaintId) {
        var client = new com.makeitright.cli.simulate.IntakeClient(
                URI.create("http://localhost:" + stack.config().port(Instance.first(Component.INTAKE))),
                Credentials.of(stack.config())::bearer);
        try {
            var reply = client.status(complaintId);
            return reply.status() == 200 && reply.text("stage") != null ? reply.text("stage") : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The node that is the KRaft quorum's leader (the active controller); node 2 if the quorum does not say. */
    private int activeController() {
        try (var admin = com.makeitright.cli.stack.KafkaBroker.admin(stack.bootstrapServers())) {
            return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            return 2;
        }
    }

    /**
     * Reads a sample of the load's complaints from every intake instance: each must answer 200 with the same body
     * (the instance that holds the complaint answers, the others ask it). Returns the disagreements.
     */
    private List<String> readsDisagree(DrillLoad.Result result, int[] compared) {
        List<Instance> intakes = stack.config().instancesOf(Component.INTAKE);
        List<String> ids = new ArrayList<>();
        for (SimulationSummary summary : result.summaries()) {
            summary.complaints().stream().map(SimulationSummary.Complaint::complaintId)
                    .filter(java.util.Objects::nonNull).forEach(ids::add);
        }
        inFlightIds.stream().limit(10).forEach(ids::add);
        List<String> sample = new ArrayList<>();
        int step = Math.max(1, ids.size() / READ_SAMPLE);
        for (int i = 0; i < ids.size() && sample.size() < READ_SAMPLE + 10; i += step) {
            sample.add(ids.get(i));
        }
        List<String> disagreements = new ArrayList<>();
        for (String id : sample) {
            List<String> answers = new ArrayList<>();
            for (Instance instance : intakes) {
                var client = new com.makeitright.cli.simulate.IntakeClient(
                        URI.create("http://localhost:" + stack.config().port(instance)), Credentials.of(stack.config())::bearer);
                try {
                    var reply = client.status(id);
                    answers.add(reply.status() + " " + reply.body());
                } catch (java.io.IOException e) {
                    answers.add("no answer: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answers.add("interrupted");
                }
            }
            compared[0]++;
            if (answers.stream().distinct().count() == 1 && !answers.get(0).startsWith("200 ")) {
                compared[1]++; // the same non-200 from every instance (the view has not folded it): agrees, counted
            }
            if (answers.stream().distinct().count() > 1) {
                List<String> statuses = new ArrayList<>();
                for (int i = 0; i < intakes.size(); i++) {
                    statuses.add(intakes.get(i).name() + " " + answers.get(i).split(" ", 2)[0]);
                }
                disagreements.add(id + ": " + String.join(", ", statuses) + " (the answers differ)");
            }
        }
        return disagreements;
    }

    private Fault serviceFault(Component service) {
        int port = stack.config().port(service);
        var pid = stack.process(service).pid();
        long killed = System.nanoTime();
        if (!stack.kill(service)) {
            return new Fault(service.shortName(), 0, 0, false, "was not running");
        }
        progress(service.shortName() + ": SIGKILL (pid " + pid.orElse(-1) + ")");
        boolean gone = await(Duration.ofSeconds(30), () -> probe.check(port) == HealthProbe.Health.NO_ANSWER);
        long restart = System.nanoTime();
        progress(service.shortName() + ": " + (gone ? "no answer on port " + port : "still answers on " + port)
                + " after " + seconds(since(killed, restart)) + "; starting it again");
        try {
            stack.start(service);
            return new Fault(service.shortName(), since(killed, restart), since(restart, System.nanoTime()), true, "");
        } catch (StackException e) {
            return new Fault(service.shortName(), since(killed, restart), since(restart, System.nanoTime()), false,
                    e.getMessage());
        }
    }

    /** Kills the single broker, keeps it down a while, starts it again; the services must reconnect by themselves. */
    private Fault brokerFault(DrillLoad load, Duration outage, Duration healBound) {
        if (!stack.config().runsOwnBroker()) {
            return new Fault("kafka", 0, 0, true, "skipped: the stack uses an external broker");
        }
        var pid = stack.process(Component.KAFKA).pid();
        long killed = System.nanoTime();
        if (!stack.kill(Component.KAFKA)) {
            return new Fault("kafka", 0, 0, false, "was not running");
        }
        progress("kafka: SIGKILL (pid " + pid.orElse(-1) + ")");
        await(Duration.ofSeconds(30), () -> stack.process(Component.KAFKA).running().isEmpty()
                && Ports.isFree(stack.config().port(Component.KAFKA)));
        Set<String> noticed = new LinkedHashSet<>();
        Set<Component> noticing = EnumSet.noneOf(Component.class);
        long outageEnd = System.nanoTime() + outage.toNanos();
        // --quick ends the outage once every service's health has shown it: what the drill checks is then proven
        while (System.nanoTime() < outageEnd && !(quick && noticing.containsAll(Component.SERVICES))) {
            for (Component service : Component.SERVICES) {
                HealthProbe.Health health = probe.check(stack.config().port(service));
                if (health != HealthProbe.Health.UP) {
                    noticed.add(service.shortName() + " " + health);
                    noticing.add(service);
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        long restart = System.nanoTime();
        progress("kafka: down for " + seconds(since(killed, restart)) + "; health showed it on "
                + (noticed.isEmpty() ? "no service" : String.join(", ", noticed)) + "; starting the broker again");
        try {
            stack.start(Component.KAFKA);
        } catch (StackException e) {
            return new Fault("kafka", since(killed, restart), since(restart, System.nanoTime()), false,
                    "the broker did not start again: " + e.getMessage());
        }
        progress("kafka: broker ready after " + seconds(since(restart, System.nanoTime()))
                + "; waiting for every service to be healthy and a complaint to close, without restarting any");
        boolean recovered = await(healBound, () -> allServicesUp() && load.lastClosedNanos() > restart);
        double heal = since(restart, System.nanoTime());
        if (recovered) {
            return new Fault("kafka", since(killed, restart), heal, true,
                    "every service reconnected by itself");
        }
        List<String> unhealthy = new ArrayList<>();
        for (Component service : Component.SERVICES) {
            HealthProbe.Health health = probe.check(stack.config().port(service));
            if (health != HealthProbe.Health.UP) {
                unhealthy.add(service.shortName() + " " + health);
            }
        }
        String finding = unhealthy.isEmpty()
                ? "every service healthy, but no complaint closed within " + healBound.toSeconds() + " s"
                : "not healthy " + healBound.toSeconds() + " s after the broker returned: " + String.join(", ", unhealthy);
        progress("kafka: FINDING: " + finding + "; restarting the services so that the drill can go on");
        for (Component service : Component.SERVICES) {
            try {
                stack.restart(service);
            } catch (StackException e) {
                progress(service.shortName() + ": " + e.getMessage());
            }
        }
        return new Fault("kafka", since(killed, restart), heal, false, finding + " (the drill restarted the services)");
    }

    /** SIGTERM to everything (services, then the broker), then start it all again: graceful shutdown loses nothing. */
    private Fault restartAll(DrillLoad load, Duration healBound) {
        long stopping = System.nanoTime();
        progress("restart-all: SIGTERM to the services, then the broker");
        List<Component> stopped = stack.down();
        long restart = System.nanoTime();
        progress("restart-all: stopped " + stopped.size() + " processes in " + seconds(since(stopping, restart))
                + "; starting everything again");
        try {
            stack.up(line -> { });
        } catch (StackException e) {
            String first = e.getMessage().lines().findFirst().orElse("");
            progress("restart-all: up failed (" + first + "); trying once more so that the drill can go on");
            try {
                stack.up(line -> { });
            } catch (StackException again) {
                progress("restart-all: up failed again: " + again.getMessage());
            }
            return new Fault("restart-all", since(stopping, restart), since(restart, System.nanoTime()), false,
                    "up failed: " + first);
        }
        boolean flows = await(healBound, () -> load.lastClosedNanos() > restart);
        return new Fault("restart-all", since(stopping, restart), since(restart, System.nanoTime()), flows,
                flows ? "SIGTERM, then up" : "no complaint closed within " + healBound.toSeconds() + " s of the restart");
    }

    /**
     * SIGTERM to intake while requests are in flight, then to the stream services; everything is started again.
     * Every request sent before the signal must have got an HTTP answer; the keys not accepted are posted again.
     */
    private Fault sigterm(DrillLoad load, URI intake, Duration healBound) {
        long stopping;
        InFlightProbe.Outcome outcome;
        long restart;
        try (InFlightProbe probe = new InFlightProbe(intake, Credentials.of(stack.config()).bearer("helpdesk"), 4)) {
            probe.start();
            await(Duration.ofSeconds(30), () -> probe.answered() >= 20);
            stopping = System.nanoTime();
            progress("sigterm: SIGTERM to intake with " + probe.answered() + " probe requests answered so far");
            stack.stop(Component.INTAKE);
            probe.awaitRefused(Duration.ofSeconds(30));
            for (Component service : List.of(Component.TRIAGE, Component.REMEDY, Component.FOLLOWUP)) {
                progress("sigterm: SIGTERM to " + service.shortName());
                stack.stop(service);
            }
            restart = System.nanoTime();
            progress("sigterm: stopped in " + seconds(since(stopping, restart)) + "; starting them again");
            try {
                stack.up(line -> { });
            } catch (StackException e) {
                return new Fault("sigterm", since(stopping, restart), since(restart, System.nanoTime()), false,
                        "up failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
            outcome = probe.outcome(stopping, Duration.ofSeconds(60));
        }
        boolean flows = await(healBound, () -> load.lastClosedNanos() > restart);
        inFlightIds.addAll(outcome.complaintIds().values());
        outcome.unanswered().stream().limit(5).forEach(u -> progress("sigterm: UNANSWERED " + u));
        String note = outcome.sentBeforeAnswered() + " probe requests sent before the signal answered ("
                + outcome.inFlightAnswered() + " of them in flight at it), "
                + outcome.unanswered().size() + " unanswered (reset or empty reply), " + outcome.refused()
                + " refused after it; " + outcome.complaintIds().size() + " accepted in the end, "
                + outcome.notAccepted().size() + " never" + (flows ? "" : "; no complaint closed after the restart");
        boolean healed = flows && outcome.unanswered().isEmpty() && outcome.notAccepted().isEmpty();
        return new Fault("sigterm", since(stopping, restart), since(restart, System.nanoTime()), healed, note);
    }

    private List<String> notUp() {
        return stack.status().stream().filter(s -> s.health() != ProcessStatus.Health.UP)
                .map(s -> s.instance().name() + " " + s.health()).toList();
    }

    private boolean allServicesUp() {
        return Component.SERVICES.stream()
                .allMatch(service -> probe.check(stack.config().port(service)) == HealthProbe.Health.UP);
    }

    /** Whatever a failed step left down is started again, so that the drill never leaves the stack half up. */
    private void bringBackWhatIsDown() {
        boolean down = stack.status().stream().anyMatch(s -> s.pid().isEmpty());
        if (down) {
            progress("starting what is down");
            try {
                stack.up(line -> { });
            } catch (StackException e) {
                progress("could not start what is down: " + e.getMessage());
            }
        }
    }

    private int report(List<Fault> faults, DrillLoad.Result result, TopicAudit audit) {
        out.printf("%nFaults (down: from the fault until the restart began; heal: from the restart until healthy%n"
                + "and, for kafka and restart-all, until a complaint closed again):%n");
        String format = "  %-12s %8s %8s  %s%n";
        out.printf(format, "fault", "down", "heal", "");
        for (Fault fault : faults) {
            out.printf(format, fault.name(), seconds(fault.downSeconds()), seconds(fault.healSeconds()),
                    (fault.healed() ? "healed" : "NOT HEALED") + (fault.note().isEmpty() ? "" : ": " + fault.note()));
        }

        int requested = 0;
        int accepted = 0;
        int closed = 0;
        int reopened = 0;
        int rejected = 0;
        int stuck = 0;
        int withoutReceived = 0;
        List<String> waiting = new ArrayList<>();
        List<String> late = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        int simulatorDuplicates = 0;
        List<String> lostList = new ArrayList<>();
        java.util.Map<String, Integer> lostByStage = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int batch = 0;
        for (SimulationSummary summary : result.summaries()) {
            batch++;
            requested += summary.requested();
            accepted += summary.accepted();
            closed += summary.completed();
            reopened += summary.reopened();
            rejected += summary.rejectedAsInvalid();
            stuck += summary.stuck().size();
            Set<Integer> failedOnlyByDuplicates = new HashSet<>();
            Set<Integer> failedOtherwise = new HashSet<>();
            for (SimulationSummary.Failure failure : summary.failures()) {
                if (failure.complaintId() == null && failure.problem().startsWith(ANSWER_LOST)) {
                    // No 202: the POST's answer died with intake; not retried (no key), so nothing was promised.
                    unanswered.add("batch " + batch + " #" + failure.index() + ": " + failure.problem());
                    continue;
                }
                (failure.problem().startsWith("duplicate:") ? failedOnlyByDuplicates : failedOtherwise).add(failure.index());
                failures.add("batch " + batch + " #" + failure.index() + " " + failure.complaintId() + ": " + failure.problem());
            }
            failedOnlyByDuplicates.removeAll(failedOtherwise);
            simulatorDuplicates += failedOnlyByDuplicates.size();
            java.util.Map<Integer, SimulationSummary.Stuck> stuckAt = new java.util.HashMap<>();
            summary.stuck().forEach(s -> stuckAt.put(s.index(), s));
            for (SimulationSummary.Complaint complaint : summary.complaints()) {
                String id = complaint.complaintId();
                SimulationSummary.Stuck stuckHere = stuckAt.get(complaint.index());
                String stage = stuckHere == null ? "" : " at " + stuckHere.lastStage() + " (round " + stuckHere.round()
                        + "; " + stuckHere.lastAnswer() + ")";
                if (stuckHere != null && id != null && audit.has(Topics.COMPLAINTS_RECEIVED, id)
                        && WAITING_STAGES.contains(stuckHere.lastStage())) {
                    waiting.add(id + stage);
                    continue; // not lost: it waits for someone outside the system, the load stopped before it answered
                }
                boolean noReceived = id != null && !audit.has(Topics.COMPLAINTS_RECEIVED, id);
                withoutReceived += noReceived ? 1 : 0;
                if (id != null) {
                    ids.add(id);
                }
                if (!noReceived && stuckHere != null && "STUCK".equals(complaint.outcome())) {
                    // its journey gave up after the complaint timeout: has the case moved on since (late), or not?
                    String now = currentStage(id);
                    if (!now.equals(stuckHere.lastStage())
                            && ("CLOSED".equals(now) || WAITING_STAGES.contains(now))) {
                        late.add(id + stage + ", now " + now);
                        continue;
                    }
                }
                if (noReceived || "STUCK".equals(complaint.outcome())
                        || ("FAILED".equals(complaint.outcome()) && failedOtherwise.contains(complaint.index()))) {
                    lostList.add((id == null ? "(not accepted)" : id) + " " + complaint.outcome() + stage
                            + (noReceived ? ", no ComplaintReceived" : ""));
                    lostByStage.merge(noReceived ? "accepted, no ComplaintReceived" : stuckHere != null
                            ? stuckHere.lastStage() : complaint.outcome(), 1, Integer::sum);
                }
            }
        }
        out.printf("%nLoad: %d complaints in %d batches%s: %d accepted (202), %d rejected as invalid (400),"
                        + " %d closed (%d after a reopen), %d not closed in time (%d of them waiting for an outside answer),"
                + " %d contract failures%n",
                requested, result.summaries().size(),
                result.unfinished() > 0 ? " (+" + result.unfinished() + " batches that did not settle in time)" : "",
                accepted, rejected, closed, reopened, stuck, waiting.size(), failures.size());
        waiting.stream().limit(10).forEach(w -> out.println("    waiting: " + w));
        if (!late.isEmpty()) {
            out.printf("  %d late, not lost: their journey gave up after %d min, and the case has moved on since"
                    + " (closed, or waiting for the customer):%n", late.size(), complaintTimeout.toMinutes());
            late.stream().limit(5).forEach(l -> out.println("    late: " + l));
        }
        failures.stream().limit(10).forEach(f -> out.println("    " + f));
        if (!unanswered.isEmpty()) {
            out.printf("  %d POSTs without an Idempotency-Key lost their answer in a crash (no 202, not retried,"
                    + " so not counted as lost):%n", unanswered.size());
            unanswered.stream().limit(5).forEach(u -> out.println("    " + u));
        }

        out.printf("%nKafka, every contract topic (read_committed, from the beginning):%n");
        String topicFormat = "  %-32s %8s %10s %11s %12s%n";
        out.printf(topicFormat, "topic", "records", "event ids", "duplicates", "undecodable");
        for (TopicAudit.TopicCount count : audit.counts()) {
            out.printf(topicFormat, count.topic(), count.records(), count.distinctEventIds(), count.duplicates(),
                    count.undecodable());
        }
        List<String> milestonesTwice = audit.milestonesTwice(ids);
        out.printf("  received/acknowledged/resolved under two event ids for one complaint and round,"
                + " or one satisfaction check answered twice: %d%n",
                milestonesTwice.size());
        milestonesTwice.stream().limit(10).forEach(m -> out.println("    " + m));

        int inFlightLost = 0;
        int inFlightTwice = 0;
        for (String id : inFlightIds) {
            long received = audit.events(Topics.COMPLAINTS_RECEIVED, id, 1);
            if (received == 0) {
                inFlightLost++;
                lostList.add(id + " (sigterm probe), no ComplaintReceived");
            } else if (received > 1) {
                inFlightTwice++;
            }
        }
        if (!inFlightIds.isEmpty()) {
            out.printf("  sigterm probe: %d complaints accepted, %d without a ComplaintReceived, %d with more than one%n",
                    inFlightIds.size(), inFlightLost, inFlightTwice);
        }
        long duplicated = audit.duplicates() + milestonesTwice.size() + simulatorDuplicates + inFlightTwice;
        out.printf("%nLost: %d (accepted without a ComplaintReceived %d; stuck or failed %d)%n", lostList.size(),
                withoutReceived, lostList.size() - withoutReceived);
        if (!lostByStage.isEmpty()) {
            out.printf("  by the last stage their journey saw: %s%n", lostByStage);
        }
        lostList.stream().limit(10).forEach(l -> out.println("    " + l));
        out.printf("Duplicated: %d (event ids twice %d; milestones twice %d; seen twice by the simulator %d)%n",
                duplicated, audit.duplicates(), milestonesTwice.size(), simulatorDuplicates);
        if (postWindow != null) {
            out.printf("POST window: longest span of non-2xx answers %s (%d of %d POSTs to %s not 2xx %s; slowest 202"
                            + " %s; %d keys never accepted)%n", seconds(postWindow.windowSeconds()), postWindow.failed(),
                    postWindow.posted(), Instance.first(Component.INTAKE).name(), postWindow.failures(),
                    seconds(postWindow.slowestOkSeconds()), postWindow.notAccepted().size());
        }
        int[] compared = {0, 0};
        List<String> disagreements = readsDisagree(result, compared);
        out.printf("Reads: %d complaints read from %s: %d agree (%d of them answered the same non-200 everywhere),"
                        + " %d differ%n", compared[0],
                String.join(", ", stack.config().instancesOf(Component.INTAKE).stream().map(Instance::name).toList()),
                compared[0] - disagreements.size(), compared[1], disagreements.size());
        disagreements.stream().limit(10).forEach(d -> out.println("    " + d));
        out.printf("Unfinished: %d batches did not settle in time%n", result.unfinished());
        long unhealed = faults.stream().filter(f -> !f.healed()).count();
        boolean ok = lostList.isEmpty() && duplicated == 0 && unhealed == 0 && result.unfinished() == 0
                && disagreements.isEmpty();
        out.printf("%s (drill took %s)%n", ok ? "OK: nothing lost, nothing duplicated, every fault healed."
                : "NOT OK: " + lostList.size() + " lost, " + duplicated + " duplicated, " + unhealed
                + " faults not healed, " + result.unfinished() + " batches unsettled, " + disagreements.size()
                + " reads that differ between instances.",
                seconds(since(begin, System.nanoTime())));
        out.flush();
        return ok ? 0 : ComplaintsCommand.FAILED;
    }

    private void progress(String line) {
        out.printf("  [%6.1f s] %s%n", since(begin, System.nanoTime()), line);
        out.flush();
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        return condition.getAsBoolean();
    }

    private static void pause(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(end - System.nanoTime());
        }
    }

    private static double since(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
