package com.makeitright.cli.stack;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * One operating-system process of the stack, found again across CLI invocations through its pid file. The
 * process runs in its own session (when {@code setsid} exists), so Ctrl-C in the terminal reaches only the
 * CLI, which then stops the stack in order, and a detached stack survives the terminal closing.
 */
public final class ManagedProcess {

    private static final boolean SETSID = onPath("setsid");

    private final String name;
    private final Path pidFile;
    private final Path logFile;

    public ManagedProcess(String name, Path pidFile, Path logFile) {
        this.name = name;
        this.pidFile = pidFile;
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public Path pidFile() {
        return pidFile;
    }

    /**
     * Starts the command with its output appended to the log file and records its pid. Refuses when this
     * process already runs.
     */
    public ProcessHandle start(List<String> command, Map<String, String> environment, Path workDir) {
        Optional<ProcessHandle> running = running();
        if (running.isPresent()) {
            throw new StackException(name + " already runs (pid " + running.get().pid() + ")");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.writeString(logFile, "---- " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(SETSID ? prepend("setsid", command) : command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            writePidFile(process.toHandle());
            return process.toHandle();
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The live process named by the pid file, if it still runs (and is the same process, not a reused pid). */
    public Optional<ProcessHandle> running() {
        Optional<Properties> recorded = readPidFile();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(recorded.get().getProperty("pid", "").trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessInfo::isAlive);
        String started = recorded.get().getProperty("started");
        if (handle.isPresent() && started != null && !started.isBlank()) {
            Optional<Instant> actual = handle.get().info().startInstant();
            if (actual.isPresent() && Duration.between(actual.get(), Instant.parse(started)).abs().toSeconds() > 2) {
                return Optional.empty(); // the pid was reused by an unrelated process
            }
        }
        return handle;
    }

    public OptionalLong pid() {
        return running().map(h -> OptionalLong.of(h.pid())).orElse(OptionalLong.empty());
    }

    public Optional<Duration> uptime() {
        return running().flatMap(h -> h.info().startInstant()).map(start -> Duration.between(start, Instant.now()));
    }

    /** Resident memory of the running process, in bytes. */
    public OptionalLong residentBytes() {
        return running().map(h -> ProcessInfo.residentBytes(h.pid())).orElse(OptionalLong.empty());
    }

    /**
     * Asks the process to stop (SIGTERM) and waits for it; after {@code grace} it is killed. Returns true when
     * a running process was stopped.
     */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> running = running();
        if (running.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle handle = running.get();
        handle.destroy();
        if (!ProcessInfo.awaitExit(handle, grace)) {
            handle.destroyForcibly();
            ProcessInfo.awaitExit(handle, Duration.ofSeconds(10));
        }
        deletePidFile();
        return true;
    }

    /** SIGKILL, no shutdown hooks: for fault drills. Returns true when a running process was killed. */
    public boolean kill() {
        Optional<ProcessHandle> running = running();
        if (running.isEmpty()) {
            deletePidFile();
            return false;
        }
        running.get().destroyForcibly();
        if (!ProcessInfo.awaitExit(running.get(), Duration.ofSeconds(10))) {
            throw new StackException(name + " (pid " + running.get().pid() + ") did not die after SIGKILL");
        }
        deletePidFile();
        return true;
    }

    /** The last lines of the log, to show why a process failed. */
    public List<String> logTail(int lines) {
        if (!Files.isRegularFile(logFile)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Why it probably failed: the last lines of its log without stack frames, so the exception messages and
     * "Caused by" lines fit on one screen.
     */
    public List<String> failureExcerpt(int lines) {
        List<String> meaningful = logTail(400).stream()
                .filter(line -> !line.startsWith("\tat ") && !line.matches("\\s*\\.\\.\\. \\d+ (common frames|more).*")
                        && !line.isBlank())
                .toList();
        return meaningful.subList(Math.max(0, meaningful.size() - lines), meaningful.size());
    }

    private void writePidFile(ProcessHandle handle) throws IOException {
        Properties recorded = new Properties();
        recorded.setProperty("pid", String.valueOf(handle.pid()));
        handle.info().startInstant().ifPresent(start -> recorded.setProperty("started", start.toString()));
        recorded.setProperty("name", name);
        Path temporary = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary)) {
            recorded.store(out, null);
        }
        Files.move(temporary, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Optional<Properties> readPidFile() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        Properties recorded = new Properties();
        try (Reader in = Files.newBufferedReader(pidFile)) {
            recorded.load(in);
            return Optional.of(recorded);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + pidFile, e);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
