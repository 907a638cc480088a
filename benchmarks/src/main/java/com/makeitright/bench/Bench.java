package com.makeitright.bench;

import com.makeitright.bench.report.Figure;
import com.makeitright.bench.report.Machine;
import com.makeitright.bench.report.Report;
import com.makeitright.bench.report.SectionResult;
import com.makeitright.bench.report.StackShape;
import com.makeitright.cli.mail.MailServer;
import com.makeitright.cli.stack.StackConfig;
import com.makeitright.contract.TopicLayout;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run of the bench: starts its own stack, runs the selected sections in an order where each leaves the stack
 * as the next needs it, stops everything (also when a section fails), and returns the report. A failed section
 * is reported with its reason and the others still run.
 */
final class Bench {

    /** Sections that need the stack, in the order they run: each may stop services the later ones do without. */
    private static final List<Section> ON_THE_STACK = List.of(new StartupSection(), new LatencySection(),
            new SystemSection(), new PipelineSection(), new IntakeSection());
    /** Sections after the stack is stopped: triage alone (JMH), and memory, which reports what the others sampled. */
    private static final List<Section> AFTER_THE_STACK = List.of(new TriageSection(), new MemorySection());

    private final BenchOptions options;
    private final Path projectDir;
    private final PrintStream progress;
    private final List<String> selected;

    /** Runs only the {@code selected} sections (names from {@link #select}), still in the bench's own order. */
    Bench(BenchOptions options, Path projectDir, PrintStream progress, List<String> selected) {
        this.options = options;
        this.projectDir = projectDir;
        this.progress = progress;
        this.selected = List.copyOf(selected);
    }

    /** Every section's name, in the order the bench runs them. */
    static List<String> sectionNames() {
        return java.util.stream.Stream.concat(ON_THE_STACK.stream(), AFTER_THE_STACK.stream()).map(Section::name)
                .toList();
    }

    /**
     * The sections {@code --sections} names (any order and case, {@code all} for every one; none given: all), in
     * the bench's own order, as the later sections rely on what the earlier leave running; an unknown name is
     * refused with the known ones.
     */
    static List<String> select(List<String> names) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.equals("all") && !sectionNames().contains(trimmed)) {
                throw new IllegalArgumentException("Unknown section '" + name.trim() + "'; the sections are "
                        + String.join(", ", sectionNames()) + " (or all)");
            }
            wanted.add(trimmed);
        }
        if (wanted.isEmpty() || wanted.contains("all")) {
            return sectionNames();
        }
        return sectionNames().stream().filter(wanted::contains).toList();
    }

    Report run(BenchStack stack, List<String> notes) {
        Instant started = Instant.now();
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add("Load average when the bench started: " + loadAverage() + " (" + Runtime.getRuntime()
                .availableProcessors() + " cores); the load generator runs on the same machine.");
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        BenchContext context = new BenchContext(options, stack, new MemoryLog(), runTag, progress);
        List<SectionResult> results = new ArrayList<>();
        List<Section> onTheStack = ON_THE_STACK.stream().filter(section -> selected.contains(section.name())).toList();
        if (!onTheStack.isEmpty()) {
            boolean stackUp = true;
            try (MailPurger purger = new MailPurger(new MailServer(stack.config().mailApiUrl()))) {
                // Start-up brings the stack up for every later section: it runs even when not selected, and is
                // reported then only when it failed (the sections it would have served are skipped).
                for (Section section : ON_THE_STACK) {
                    boolean wanted = onTheStack.contains(section);
                    if (!wanted && !(section instanceof StartupSection)) {
                        continue;
                    }
                    SectionResult result = stackUp ? run(section, context)
                            : new SectionResult(section.title(), section.baselineWhy(), List.of(), 0,
                            "skipped: the stack did not start");
                    stackUp &= !(section instanceof StartupSection && result.failed());
                    if (wanted || result.failed()) {
                        results.add(result);
                    }
                }
            }
            progress.println("Stopping the stack ...");
            stack.close();
        }
        for (Section section : AFTER_THE_STACK) {
            if (selected.contains(section.name())) {
                results.add(run(section, context));
            }
        }
        StackConfig config = stack.config();
        StackShape shape = new StackShape(config.instances(), config.brokers(), config.replicationFactor(),
                TopicLayout.minInSyncReplicas(config.replicationFactor()), selected);
        return new Report(started, commit(), options.quick(), Machine.current(), shape, results, allNotes);
    }

    /**
     * Empties the stack's mail server every few seconds: it keeps mail in its 128 MB heap, and the bench's loads owe
     * customers tens of thousands of mails; a mail server that ran out of memory would stop the worker instead.
     */
    private static final class MailPurger implements AutoCloseable {
        private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-mail-purge");
            thread.setDaemon(true);
            return thread;
        });

        MailPurger(MailServer mail) {
            schedule.scheduleWithFixedDelay(() -> {
                try {
                    mail.purge();
                } catch (IOException e) {
                    // not started yet, or restarting: the next round purges
                }
            }, 5, 5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            schedule.shutdownNow();
        }
    }

    private SectionResult run(Section section, BenchContext context) {
        progress.println(section.title() + " ...");
        long start = System.nanoTime();
        try {
            List<Figure> figures = section.run(context);
            return new SectionResult(section.title(), section.baselineWhy(), figures, seconds(start), null);
        } catch (Exception | AssertionError e) {
            progress.println("  FAILED: " + e);
            e.printStackTrace(progress);
            return new SectionResult(section.title(), section.baselineWhy(), List.of(), seconds(start), e.toString());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private String commit() {
        try {
            Process git = new ProcessBuilder("git", "-C", projectDir.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return String.format(Locale.ROOT, "%s %s %s", parts[0], parts[1], parts[2]);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
