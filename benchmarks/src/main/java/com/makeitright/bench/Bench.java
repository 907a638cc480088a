package com.makeitright.bench;

import com.makeitright.bench.report.Figure;
import com.makeitright.bench.report.Machine;
import com.makeitright.bench.report.Report;
import com.makeitright.bench.report.SectionResult;
import com.makeitright.cli.mail.MailServer;

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
 * One run of the bench: starts its own stack, runs the sections in an order where each leaves the stack as
 * the next needs it, stops everything (also when a section fails), and returns the report. A failed section
 * is reported with its reason and the others still run.
 */
final class Bench {

    /** Sections that need the stack, in the order they run: each may stop services the later ones do without. */
    private static final List<Section> ON_THE_STACK = List.of(new StartupSection(), new LatencySection(),
            new SystemSection(), new PipelineSection(), new IntakeSection());

    private final BenchOptions options;
    private final Path projectDir;
    private final PrintStream progress;

    Bench(BenchOptions options, Path projectDir, PrintStream progress) {
        this.options = options;
        this.projectDir = projectDir;
        this.progress = progress;
    }

    Report run(BenchStack stack, List<String> notes) {
        Instant started = Instant.now();
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.add("Load average when the bench started: " + loadAverage() + " (" + Runtime.getRuntime()
                .availableProcessors() + " cores); the load generator runs on the same machine.");
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        BenchContext context = new BenchContext(options, stack, new MemoryLog(), runTag, progress);
        List<SectionResult> results = new ArrayList<>();
        boolean stackUp = true;
        try (MailPurger purger = new MailPurger(new MailServer(stack.config().mailApiUrl()))) {
            for (Section section : ON_THE_STACK) {
                SectionResult result = stackUp ? run(section, context)
                        : new SectionResult(section.title(), section.baselineWhy(), List.of(), 0, "skipped: the stack did not start");
                stackUp &= !(section instanceof StartupSection && result.failed());
                results.add(result);
            }
        }
        progress.println("Stopping the stack ...");
        stack.close();
        results.add(run(new TriageSection(), context));
        results.add(run(new MemorySection(), context));
        return new Report(started, commit(), options.quick(), Machine.current(), results, allNotes);
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
