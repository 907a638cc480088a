package com.makeitright.cli;

import com.makeitright.cli.stack.Instance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

@Command(name = "logs", mixinStandardHelpOptions = true, description = "Prints a process's log (.run/logs/SERVICE.log, .run/logs/intake-2.log for a second instance);"
        + " -f follows it.")
final class LogsCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Parameters(index = "0", paramLabel = "SERVICE", converter = ProcessCommands.InstanceConverter.class,
            description = "intake, triage, remedy, followup, worker, mail or kafka: a service's first instance;"
                    + " intake-2 ... its others")
    Instance process;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended, until Ctrl-C")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "200",
            description = "How many of the last lines to print first (default ${DEFAULT-VALUE}; 0 for all)")
    int lines;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path log = options.config().logFile(process);
        if (!Files.isRegularFile(log)) {
            spec.commandLine().getErr().println("No log yet for " + process.name() + " (" + log + ").");
            return ComplaintsCommand.FAILED;
        }
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        int from = lines <= 0 ? 0 : Math.max(0, all.size() - lines);
        all.subList(from, all.size()).forEach(out::println);
        out.flush();
        if (follow) {
            follow(log, Files.size(log), out);
        }
        return 0;
    }

    /** Prints what is appended; starts over when the file is truncated or replaced. */
    private static void follow(Path log, long position, PrintWriter out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (!Thread.currentThread().isInterrupted()) {
            long size = Files.exists(log) ? Files.size(log) : 0;
            if (size < position) {
                position = 0;
            }
            if (size > position) {
                try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                    file.seek(position);
                    int read;
                    while ((read = file.read(buffer)) > 0) {
                        out.print(new String(buffer, 0, read, StandardCharsets.UTF_8));
                        position += read;
                    }
                }
                out.flush();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        }
    }
}
