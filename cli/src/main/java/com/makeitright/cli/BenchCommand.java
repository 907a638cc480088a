package com.makeitright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./complaints bench}: runs the benchmarks module's harness in its own JVM (its load generator and JMH
 * need a full JIT and a larger heap than the CLI's, and its dependencies stay out of the CLI). Every argument
 * goes to it; {@code bench --help} shows its options. Ctrl-C reaches both JVMs; this one waits for the bench to
 * stop what it started.
 */
@Command(name = "bench", description = "Benchmarks the local stack, each figure beside a baseline measured in the"
        + " same run (BENCHMARKS.md); --quick for a few seconds per section. 'bench --help' lists its options.")
final class BenchCommand implements Callable<Integer> {

    static final String MAIN_CLASS = "com.makeitright.bench.BenchMain";
    /** The harness's JVM: C2 and room for the load generator's buffers (env BENCH_JAVA_OPTS overrides). */
    static final String DEFAULT_JAVA_OPTS = "-Xms256m -Xmx768m -XX:+UseParallelGC";

    @CommandLine.Unmatched
    List<String> arguments = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path project = ComplaintsCommand.projectDir();
        Path jar = jar(project);
        if (!Files.isRegularFile(jar)) {
            spec.commandLine().getErr().println(project.relativize(jar) + " is missing (build it: ./mvnw -q -B package"
                    + " -DskipTests)");
            return ComplaintsCommand.FAILED;
        }
        Process bench = new ProcessBuilder(command(javaExecutable(), jar, project,
                System.getenv().getOrDefault("BENCH_JAVA_OPTS", DEFAULT_JAVA_OPTS), arguments)).inheritIO().start();
        Thread waitForBench = new Thread(() -> {
            try {
                bench.waitFor(5, TimeUnit.MINUTES); // it got the Ctrl-C too and is stopping its processes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wait-for-bench");
        Runtime.getRuntime().addShutdownHook(waitForBench);
        int exit = bench.waitFor();
        Runtime.getRuntime().removeShutdownHook(waitForBench);
        return exit;
    }

    static Path jar(Path project) {
        return project.resolve("benchmarks").resolve("target").resolve("benchmarks.jar");
    }

    /** {@code java OPTS -Dcomplaints.home=ROOT -cp benchmarks.jar BenchMain ARGS...} */
    static List<String> command(String java, Path jar, Path project, String javaOpts, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        Arrays.stream(javaOpts.trim().split("\\s+")).filter(opt -> !opt.isEmpty()).forEach(command::add);
        command.add("-Dcomplaints.home=" + project);
        command.add("-cp");
        command.add(jar.toString());
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
