package com.makeitright.bench.triage;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Runs {@link ClassifyBenchmark} with JMH in one forked JVM (the services' JVM settings) and reads the scores. */
public final class TriageJmh {

    /** Operations per second of each benchmark method. */
    public record Scores(double classifyPerSecond, double tokenisePerSecond) {
    }

    private TriageJmh() {
    }

    public static Scores run(Path extractedTriage, List<String> jvmArgs, int iterations, Duration iteration,
                             Path log) throws RunnerException {
        String[] args = java.util.stream.Stream.concat(jvmArgs.stream(),
                java.util.stream.Stream.of("-D" + TriageClasspath.DIRECTORY_PROPERTY + "=" + extractedTriage))
                .toArray(String[]::new);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ClassifyBenchmark.class.getName())
                .forks(1).threads(1)
                .warmupIterations(iterations).warmupTime(TimeValue.milliseconds(iteration.toMillis()))
                .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(iteration.toMillis()))
                .jvmArgs(args)
                .verbosity(VerboseMode.SILENT)
                .output(log.toString())
                .build()).run();
        double classify = score(results, "classify");
        double tokenise = score(results, "tokenise");
        return new Scores(classify, tokenise);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH produced no score for " + method));
    }
}
