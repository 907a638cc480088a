package com.makeitright.bench;

import com.makeitright.bench.report.Markdown;
import com.makeitright.bench.report.Report;
import com.makeitright.cli.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./complaints bench}: starts its own stack on free ports, measures every figure beside its baseline,
 * stops everything it started (also on Ctrl-C or a failure), prints the Markdown report and writes it with a
 * JSON twin for comparing commits. Exit status 0 when every section produced its figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measures the local stack, each figure beside a baseline measured in the same run on the same machine:"
                + " intake (against a no-op and a parse-and-send WebFlux endpoint), the pipeline (against pass-through"
                + " Streams hops), latency at 200/s (against Kafka's own end-to-end latency), triage alone (JMH,"
                + " against tokenising), RSS and start-up time. See BENCHMARKS.md.",
        "Starts and stops its own stack in its own run directory on free ports: a running ./complaints up is not"
                + " touched. Hold 'flock /tmp/makeitright-stack.lock' around it on a shared machine."})
public final class BenchMain implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--quick", description = "Seconds per section and small counts: proves the harness works,"
            + " the figures mean little")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default .run/bench-reports/)")
    Path out;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "The bench's own stack: broker data, logs, pids; wiped first (default .run/bench/)")
    Path runDir;

    @Option(names = "--project-dir", paramLabel = "DIR", hidden = true,
            description = "The repository root (default: complaints.home, or the directory holding ./complaints)")
    Path projectDir;

    @Option(names = "--system-seconds", paramLabel = "S",
            description = "Seconds of whole-system load per customer shape (default 60, --quick 2)")
    Integer systemSeconds;

    @Option(names = "--pipeline-count", paramLabel = "N",
            description = "Complaints preloaded for the pipeline section (default 3000, --quick 50)")
    Integer pipelineCount;

    @Option(names = "--sections", paramLabel = "NAME", split = ",",
            description = "Only these sections, run in the bench's own order: startup, latency, system, pipeline,"
                    + " intake, triage, memory, or all (default all). The stack starts for any of the first five;"
                    + " memory reports what the chosen ones sampled. E.g. --sections pipeline for a scaling run")
    List<String> sections = List.of();

    @Option(names = "--instances", paramLabel = "N",
            description = "Instances of each service in the bench's stack, as up --instances runs them (default 1, at"
                    + " most 9); the pipeline's pass-through baseline runs as many JVMs per hop. Load and the intake"
                    + " section go to the first intake instance")
    int instances = 1;

    @Option(names = "--brokers", paramLabel = "N",
            description = "Kafka nodes of the bench's stack: 1, or 3 for a KRaft cluster with replication factor 3"
                    + " and min.insync.replicas 2 for every topic, the bench's own too, as up --brokers 3 (default 1)")
    int brokers = 1;

    @Option(names = "--note", paramLabel = "TEXT", description = "A line for the report, e.g. what else loads the machine")
    List<String> notes = List.of();

    @Spec
    CommandSpec spec;

    /** Where the last run wrote its report, for tests. */
    Path writtenJson;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Path project = projectDir != null ? projectDir.toAbsolutePath().normalize() : findProjectDir();
        Path stackDir = (runDir != null ? runDir : project.resolve(".run").resolve("bench")).toAbsolutePath();
        Path reports = (out != null ? out : project.resolve(".run").resolve("bench-reports")).toAbsolutePath();
        BenchOptions options = options();
        List<String> chosen = chosenSections();
        checkShape(project);
        PrintStream progress = System.err;
        BenchStack.stopLeftovers(stackDir);
        wipe(stackDir);
        BenchStack stack = new BenchStack(project, stackDir, instances, brokers);
        Thread stopOnExit = new Thread(stack::close, "bench-stop-everything");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Report report;
        try {
            progress.printf("Bench%s (%s; %d instance%s of each service, %d broker%s): its own stack in %s (logs in %s)"
                    + " ...%n", quick ? " --quick" : "", String.join(", ", chosen), instances, instances == 1 ? "" : "s",
                    brokers, brokers == 1 ? "" : "s", stackDir, stack.config().logsDir());
            report = new Bench(options, project, progress, chosen).run(stack, notes);
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        String markdown = Markdown.render(report);
        Files.createDirectories(reports);
        String name = "bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(report.startedAt()) + (quick ? "-quick" : "");
        Files.writeString(reports.resolve(name + ".md"), markdown);
        writtenJson = reports.resolve(name + ".json");
        Files.writeString(writtenJson, JSON.writeValueAsString(report));
        System.out.print(markdown);
        System.out.flush();
        progress.printf("Report: %s (.md and .json)%n", reports.resolve(name));
        return report.complete() ? 0 : 1;
    }

    private List<String> chosenSections() {
        try {
            return Bench.select(sections);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Refuses, before anything is wiped or started, what {@code up} would refuse: 0 or 10 instances, 2 brokers. */
    private void checkShape(Path project) {
        try {
            com.makeitright.cli.stack.StackConfig.builder(project).instances(instances).brokers(brokers);
        } catch (StackException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private BenchOptions options() {
        BenchOptions base = quick ? BenchOptions.quickRun() : BenchOptions.fullRun();
        return base.with(systemSeconds == null ? null : Duration.ofSeconds(systemSeconds), pipelineCount);
    }

    private static Path findProjectDir() {
        String home = System.getProperty("complaints.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("complaints"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (no ./complaints above "
                    + Path.of("").toAbsolutePath() + "); give --project-dir");
        }
        return dir;
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
