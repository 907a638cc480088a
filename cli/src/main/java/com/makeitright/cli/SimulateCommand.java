package com.makeitright.cli;

import com.makeitright.cli.simulate.Percentiles;
import com.makeitright.cli.simulate.Simulation;
import com.makeitright.cli.simulate.SimulationOptions;
import com.makeitright.cli.simulate.SimulationSummary;
import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Credentials;
import com.makeitright.cli.stack.HealthProbe;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true, description = {
        "Acts as helpdesk frontend and follow-up worker: posts N realistic complaints (every cause, anger level and"
                + " channel; some retried with an Idempotency-Key, some invalid on purpose), answers offers (accept,"
                + " decline, counter), approves as a supervisor, reports fulfillment, answers follow-ups (some unhappy,"
                + " so cases reopen) and watches each complaint until it is closed.",
        "Ends with a summary; exit status 1 when a complaint got stuck or the API broke its contract."})
final class SimulateCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Mixin
    StackOptions stack;

    @Option(names = {"-n", "--count"}, required = true, paramLabel = "N", description = "Complaints to post")
    int count;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "10",
            description = "Complaints posted per second (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the complaints and of every decision (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT3M", converter = DurationConverter.class,
            description = "How long one complaint may take from POST to CLOSED before it counts as stuck"
                    + " (ISO-8601 or e.g. 90s, 3m; default 3m)")
    Duration timeout;

    @Option(names = "--intake-url", paramLabel = "URL",
            description = "Intake's base URL (env INTAKE_URL; default http://localhost:<intake port>)")
    URI intakeUrl;

    @Option(names = "--invalid-share", defaultValue = "0.1", description = "Share of invalid bodies (default ${DEFAULT-VALUE})")
    double invalidShare;

    @Option(names = "--retry-share", defaultValue = "0.15",
            description = "Share of complaints posted twice with one Idempotency-Key (default ${DEFAULT-VALUE})")
    double retryShare;

    @Option(names = "--unhappy-share", defaultValue = "0.2",
            description = "Share of first follow-ups that are unhappy and reopen the case (default ${DEFAULT-VALUE})")
    double unhappyShare;

    @Option(names = "--via-mail", description = "Customers answer offers and satisfaction checks by the links in the"
            + " mails the local mail server received (./complaints mail), on intake's pages, not through the API;"
            + " an answer whose mail does not come within --mail-wait goes through the API, counted in the summary")
    boolean viaMail;

    @Option(names = "--mail-wait", paramLabel = "DURATION", defaultValue = "PT30S", converter = DurationConverter.class,
            description = "With --via-mail: how long one answer waits for its mail (default 30s)")
    Duration mailWait;

        @Option(names = "--json", description = "Print the summary as JSON (progress still goes to stderr)")
    boolean json;

    @Option(names = "--no-progress", description = "No progress bar; a line every few seconds instead")
    boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        URI intake = intakeUrl != null ? intakeUrl : URI.create(System.getenv().getOrDefault("INTAKE_URL",
                "http://localhost:" + stack.config().port(Component.INTAKE)));
        URI mailApi = viaMail ? URI.create(stack.config().mailApiUrl()) : null;
        SimulationOptions options = new SimulationOptions(intake, count, rate, seed, timeout, invalidShare,
                retryShare, unhappyShare, Math.max(4, Math.min(16, Runtime.getRuntime().availableProcessors() * 4)),
                mailApi, mailWait);
        if (new HealthProbe(intake.getHost()).check(intake.getPort() < 0 ? 80 : intake.getPort())
                == HealthProbe.Health.NO_ANSWER) {
            throw new IllegalStateException("Nothing answers at " + intake + " (is the stack up? ./complaints up -d;"
                    + " or give --intake-url)");
        }
        if (mailApi != null && new HealthProbe(mailApi.getHost()).check(mailApi.getPort(), "/api/service/readiness")
                != HealthProbe.Health.UP) {
            throw new IllegalStateException("The local mail server does not answer at " + mailApi
                    + " (--via-mail reads the mails there; ./complaints start mail)");
        }
        SimulationSummary summary;
        PrintStream err = System.err;
        err.printf("Simulating %d complaints at %s/s against %s (seed %d) ...%n", count, trim(rate), intake, seed);
        boolean bar = !noProgress && System.console() != null;
        if (bar) {
            try (ProgressBar progress = new ProgressBarBuilder().setTaskName("complaints").setInitialMax(count)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).continuousUpdate().build()) {
                summary = new Simulation(options, Credentials.of(stack.config())::bearer).run(counts -> {
                    progress.stepTo(counts.done());
                    progress.setExtraMessage(String.format(Locale.ROOT, " closed %d (reopened %d) · rejected %d · stuck %d",
                            counts.closed(), counts.reopened(), counts.rejected(), counts.stuck() + counts.failed()));
                });
            }
        } else {
            long[] lastLine = {System.nanoTime()};
            summary = new Simulation(options, Credentials.of(stack.config())::bearer).run(new Simulation.Listener() {
                @Override
                public synchronized void finished(Simulation.Counts counts) {
                    if (System.nanoTime() - lastLine[0] > 5_000_000_000L || counts.done() == counts.total()) {
                        lastLine[0] = System.nanoTime();
                        err.printf("  %d/%d done: closed %d (reopened %d), rejected %d, stuck %d, failed %d%n",
                                counts.done(), counts.total(), counts.closed(), counts.reopened(), counts.rejected(),
                                counts.stuck(), counts.failed());
                    }
                }

                @Override
                public void allPosted(int posted, Duration took) {
                    err.printf("  posted all %d complaints in %.1f s; following them to the end ...%n", posted,
                            took.toMillis() / 1000.0);
                }
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(summary));
        } else {
            out.print(render(summary, rate));
        }
        out.flush();
        return summary.succeeded() ? 0 : ComplaintsCommand.FAILED;
    }

    static String render(SimulationSummary s, double rate) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nSimulated %d complaints in %.1f s (seed %d, %s/s):%n",
                s.requested(), s.elapsedSeconds(), s.seed(), trim(rate)));
        text.append(String.format(Locale.ROOT, "  completed           %4d closed (%d of them reopened once and closed again)%n",
                s.completed(), s.reopened()));
        text.append(String.format(Locale.ROOT, "  rejected as invalid %4d (400 problem+json, as they must be)%n",
                s.rejectedAsInvalid()));
        text.append(String.format(Locale.ROOT, "  stuck               %4d%n", s.stuck().size()));
        for (SimulationSummary.Stuck stuck : s.stuck()) {
            text.append(String.format(Locale.ROOT, "      #%d %s last seen %s (round %d)%n", stuck.index(),
                    stuck.complaintId() == null ? "(not posted)" : stuck.complaintId(), stuck.lastStage(), stuck.round()));
        }
        text.append(String.format(Locale.ROOT, "  contract failures   %4d%n", s.failures().size()));
        for (SimulationSummary.Failure failure : s.failures()) {
            text.append(String.format(Locale.ROOT, "      #%d %s: %s%n", failure.index(),
                    failure.complaintId() == null ? "-" : failure.complaintId(), failure.problem()));
        }
        text.append(String.format(Locale.ROOT, "  idempotent retries  %4d (%d returned the same complaint, replayed)%n",
                s.idempotentRetries(), s.idempotentRetriesVerified()));
        text.append(String.format(Locale.ROOT, "  409 conflicts       %4d (the case had moved on; read again)%n", s.conflicts()));
        if (s.mailAnswers() != null) {
            text.append(String.format(Locale.ROOT, "  answered by mail    %4d (the link in the customer's mail, on intake's page)%n",
                    s.mailAnswers().viaMail()));
            text.append(String.format(Locale.ROOT, "  no mail in time     %4d (answered through the API instead)%n",
                    s.mailAnswers().noMailInTime()));
            text.append(String.format(Locale.ROOT, "  no e-mail address   %4d (answered through the API: phone only)%n",
                    s.mailAnswers().withoutAddress()));
        }
                text.append(String.format(Locale.ROOT, "  throughput          %.2f complaints closed per second, end to end"
                + " (follow-up delay included)%n", s.throughputPerSecond()));
        text.append(String.format(Locale.ROOT, "%nLatency per stage, from the services' event timestamps"
                + " (each event after the event that caused it), ms:%n"));
        String format = "  %-40s %5s %7s %7s %7s%n";
        text.append(String.format(Locale.ROOT, format, "stage", "n", "p50", "p95", "p99"));
        for (Map.Entry<String, Percentiles> stage : s.stageLatencies().entrySet()) {
            Percentiles p = stage.getValue();
            text.append(String.format(Locale.ROOT, format, stage.getKey(), p.count(), p.p50(), p.p95(), p.p99()));
        }
        Percentiles e2e = s.endToEnd();
        text.append(String.format(Locale.ROOT, format, "end to end (first event → closed)", e2e.count(), e2e.p50(),
                e2e.p95(), e2e.p99()));
        text.append(s.succeeded() ? "OK: every accepted complaint closed.\n"
                : "NOT OK: " + s.stuck().size() + " stuck, " + s.failures().size() + " contract failures.\n");
        return text.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** ISO-8601 ({@code PT90S}) or a short form: {@code 90s}, {@code 3m}, {@code 500ms}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("p")) {
                    return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long amount = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 3m, PT3M)");
            }
        }
    }
}
