package com.makeitright.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** What the operating system says about a process: alive (a zombie is not), resident memory. */
final class ProcessInfo {

    private ProcessInfo() {
    }

    /**
     * A killed process whose parent has exited may stay a zombie when nothing reaps it (e.g. in a container
     * whose first process is not an init); it holds no port and runs nothing, so it counts as dead.
     */
    static boolean isAlive(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", String.valueOf(handle.pid()), "stat");
        if (!Files.isReadable(stat)) {
            return true;
        }
        try {
            String line = Files.readString(stat, StandardCharsets.US_ASCII);
            int afterName = line.lastIndexOf(')');
            boolean zombie = afterName >= 0 && afterName + 2 < line.length() && line.charAt(afterName + 2) == 'Z';
            // A killed JVM's main thread turns zombie before its other threads have exited, and the process's
            // sockets close only with the last of them: it is dead once no other thread is left.
            return !zombie || threads(handle.pid()) > 1;
        } catch (IOException gone) {
            return false;
        }
    }

    static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive(handle)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        return true;
    }

    /** VmRSS from /proc on Linux, {@code ps -o rss=} elsewhere. */
    static OptionalLong residentBytes(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                    if (line.startsWith("VmRSS:")) {
                        return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return OptionalLong.empty();
            }
            return OptionalLong.empty();
        }
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).redirectErrorStream(true).start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            ps.waitFor(5, TimeUnit.SECONDS);
            return out.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(out) * 1024);
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    private static long threads(long pid) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.count();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return 0;
        }
    }
}
