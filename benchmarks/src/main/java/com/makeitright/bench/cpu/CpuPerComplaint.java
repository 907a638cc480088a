package com.makeitright.bench.cpu;

import com.makeitright.bench.kafka.TopicWatch;
import com.makeitright.bench.load.ComplaintBodies;
import com.makeitright.bench.load.LoadGenerator;
import com.makeitright.bench.load.LoadResult;
import com.makeitright.cli.mail.MailServer;
import com.makeitright.contract.Topics;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * CPU time per complaint of every process of a running stack (BENCHMARKS.md, "Whole system: CPU per complaint"):
 * each process's {@code utime + stime} ({@code /proc/PID/stat}, and per thread from {@code /proc/PID/task}) over a
 * window, divided by the complaints acknowledged ({@code complaints.acknowledged}, read_committed) in it. CPU time,
 * unlike wall rates, barely depends on what else runs on the machine.
 *
 * <ul>
 * <li>{@code CpuPerComplaint RUN_DIR INTAKE_URL BOOTSTRAP burst N CONNECTIONS [MAIL_API_URL]}: N complaints as fast as
 * intake takes them (closed loop); the window runs until every accepted complaint was acknowledged and offered and
 * then no event was written for 75 s (longer than the local stack's longest delay, the 1-minute offer expiry), so it
 * holds all the work a complaint causes. Works on a machine too busy for the stack to keep up with any fixed rate.
 * <li>{@code CpuPerComplaint RUN_DIR INTAKE_URL BOOTSTRAP RATE WARM_SECONDS MEASURE_SECONDS [MAIL_API_URL]}: an
 * open-loop load at a fixed rate; the window is its last MEASURE seconds. Meaningful only in a steady state
 * (offers/s ≈ the rate).
 * </ul>
 * {@code BENCH_KEY_FILE} names the helpdesk key, as for {@code PostLoad}. The mail server, when given, is emptied
 * every 5 s (it keeps mail in its heap).
 */
public final class CpuPerComplaint {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final int THREAD_GROUPS_SHOWN = 8;

    private CpuPerComplaint() {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        URI endpoint = URI.create(args[1]);
        String bootstrap = args[2];
        boolean burst = args[3].equals("burst");
        double rate = burst ? 0 : Double.parseDouble(args[3]);
        int warm = burst ? 0 : Integer.parseInt(args[4]);
        int measure = burst ? 0 : Integer.parseInt(args[5]);
        int connections = burst ? Integer.parseInt(args[5]) : 256;
        int quiet = burst ? 75 : 0;
        ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-purge");
            thread.setDaemon(true);
            return thread;
        });
        if (args.length > 6) {
            MailServer mail = new MailServer(args[6]);
            purge.scheduleWithFixedDelay(() -> {
                try {
                    mail.purge();
                } catch (IOException e) {
                    // the next round purges
                }
            }, 5, 5, TimeUnit.SECONDS);
        }
        Map<String, Long> pids = pids(runDir);
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        ComplaintBodies bodies = ComplaintBodies.manyCustomers(tag);
        LoadResult[] result = new LoadResult[1];
        AtomicLong offered = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        Map<String, AtomicLong> perTopic = new TreeMap<>();
        Topics.ALL.forEach(topic -> perTopic.put(topic.name(), new AtomicLong()));
        String offers = Topics.REMEDY_OFFERED.name();
        String acks = Topics.COMPLAINTS_ACKNOWLEDGED.name();
        Map<Long, Map<String, Long>> before = new LinkedHashMap<>();
        Map<Long, Map<String, Long>> after = new LinkedHashMap<>();
        TopicWatch.Handler count = (record, arrived) -> {
            perTopic.get(record.topic()).incrementAndGet();
            if (record.topic().equals(offers)) {
                offered.incrementAndGet();
            } else if (record.topic().equals(acks)) {
                acknowledged.incrementAndGet();
            }
        };
        long windowNanos;
        if (burst) {
            // N complaints as fast as intake takes them, then until every complaint was offered and no event was
            // written for QUIET seconds (longer than the stack's longest local delay: offers expire after 1 min)
            try (TopicWatch watch = new TopicWatch(bootstrap, new ArrayList<>(perTopic.keySet()));
                 LoadGenerator load = new LoadGenerator(endpoint, bodies::body, connections, authorization())) {
                pids.values().forEach(pid -> before.put(pid, threads(pid)));
                long start = System.nanoTime();
                result[0] = load.count(count(args), connections);
                long accepted = result[0].accepted();
                watch.until(() -> offered.get() >= accepted && acknowledged.get() >= accepted,
                        Duration.ofMinutes(20), Duration.ofMinutes(20), false, count);
                watch.until(() -> false, Duration.ofMinutes(20), Duration.ofSeconds(quiet), true, count);
                pids.values().forEach(pid -> after.put(pid, threads(pid)));
                windowNanos = System.nanoTime() - start;
            }
        } else {
            Thread loader = new Thread(() -> {
                try (LoadGenerator load = new LoadGenerator(endpoint, bodies::body, 256, authorization())) {
                    result[0] = load.openLoop(rate, Duration.ofSeconds(warm + measure + 5L));
                }
            }, "load");
            loader.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(warm)); // a fixed schedule, not a wait for a condition
            try (TopicWatch watch = new TopicWatch(bootstrap, new ArrayList<>(perTopic.keySet()))) {
                pids.values().forEach(pid -> before.put(pid, threads(pid)));
                long start = System.nanoTime();
                long end = start + TimeUnit.SECONDS.toNanos(measure);
                watch.until(() -> System.nanoTime() >= end, Duration.ofSeconds(measure + 60L), Duration.ofDays(1),
                        false, count);
                pids.values().forEach(pid -> after.put(pid, threads(pid)));
                windowNanos = System.nanoTime() - start;
            }
            loader.join();
        }
        purge.shutdownNow();
        double seconds = windowNanos / 1e9;
        System.out.printf(Locale.ROOT, "load: %s%n", result[0] == null ? "?" : result[0].shape() + ", "
                + result[0].accepted() + " accepted of " + result[0].sent()
                + (result[0].failed() == 0 ? "" : "; " + result[0].failureNote()));
        System.out.printf(Locale.ROOT, "window %.1f s: %,d acknowledged (%.0f/s), %,d offered (%.0f/s); load avg %s%n",
                seconds, acknowledged.get(), acknowledged.get() / seconds, offered.get(), offered.get() / seconds,
                loadAverage());
        StringBuilder topics = new StringBuilder("events per topic:");
        perTopic.forEach((topic, n) -> {
            if (n.get() > 0) {
                topics.append(' ').append(topic).append(' ').append(n.get()).append(';');
            }
        });
        System.out.println(topics);
        // per complaint: each complaint is acknowledged once, offered once or more (an expired offer is offered again)
        long per = Math.max(1, acknowledged.get());
        System.out.println();
        // the JIT compiler's share apart: it falls for minutes after a start, and a restart between two
        // measurements must not be read as a change of the code
        System.out.println("| process | CPU s in window | cores busy | µs CPU per complaint | of which JIT |"
                + " without JIT |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        long totalTicks = 0;
        long totalJit = 0;
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            long ticks = total(after.get(process.getValue())) - total(before.get(process.getValue()));
            long jit = jit(after.get(process.getValue())) - jit(before.get(process.getValue()));
            totalTicks += ticks;
            totalJit += jit;
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %,.0f | %,.0f | %,.0f |%n", process.getKey(),
                    ticks / (double) TICKS_PER_SECOND, ticks / (double) TICKS_PER_SECOND / seconds,
                    ticks * 1e6 / TICKS_PER_SECOND / per, jit * 1e6 / TICKS_PER_SECOND / per,
                    (ticks - jit) * 1e6 / TICKS_PER_SECOND / per);
        }
        System.out.printf(Locale.ROOT, "| **all** | %.1f | %.2f | %,.0f | %,.0f | %,.0f |%n",
                totalTicks / (double) TICKS_PER_SECOND, totalTicks / (double) TICKS_PER_SECOND / seconds,
                totalTicks * 1e6 / TICKS_PER_SECOND / per, totalJit * 1e6 / TICKS_PER_SECOND / per,
                (totalTicks - totalJit) * 1e6 / TICKS_PER_SECOND / per);
        System.out.println();
        for (Map.Entry<String, Long> process : pids.entrySet()) {
            Map<String, Long> groups = new TreeMap<>();
            Map<String, Long> start = before.get(process.getValue());
            after.get(process.getValue()).forEach((thread, ticks) -> {
                if (!thread.equals("")) {
                    groups.merge(group(thread), ticks - start.getOrDefault(thread, 0L), Long::sum);
                }
            });
            StringBuilder line = new StringBuilder(process.getKey()).append(" threads (µs per complaint):");
            groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(THREAD_GROUPS_SHOWN).filter(e -> e.getValue() > 0)
                    .forEach(e -> line.append(String.format(Locale.ROOT, " %s %,.0f;", e.getKey(),
                            e.getValue() * 1e6 / TICKS_PER_SECOND / per)));
            System.out.println(line);
        }
    }

    private static int count(String[] args) {
        return Integer.parseInt(args[4]);
    }

    private static Map<String, Long> pids(Path runDir) throws IOException {
        Map<String, Long> pids = new TreeMap<>();
        try (Stream<Path> files = Files.list(runDir.resolve("pids"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                java.util.Properties info = new java.util.Properties(); // the cli's pid file: name=, pid=, ...
                try (var in = Files.newInputStream(file)) {
                    info.load(in);
                }
                long pid = Long.parseLong(info.getProperty("pid").strip());
                if (Files.exists(Path.of("/proc", Long.toString(pid)))) {
                    pids.put(name, pid);
                }
            }
        }
        return pids;
    }

    /** Ticks per thread ({@code name#tid}); the key {@code ""} is the whole process (exited threads included). */
    private static Map<String, Long> threads(long pid) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("", ticks(Path.of("/proc", Long.toString(pid), "stat")));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    ticks.put(name + "#" + task.getFileName(), ticks(stat));
                } catch (IOException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            // the process ended: its total is what it is
        }
        return ticks;
    }

    /** Ticks of the JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}: names cut at 15). */
    private static long jit(Map<String, Long> threads) {
        return threads.entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long total(Map<String, Long> threads) {
        return threads.get("");
    }

    private static long ticks(Path stat) {
        try {
            return ticks(Files.readString(stat));
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }

    /** Thread names without their numbers: {@code C2 CompilerThre}, {@code reactor-http-epoll-}, ... */
    private static String group(String thread) {
        String name = thread.substring(0, thread.lastIndexOf('#'));
        String grouped = name.replaceAll("[0-9a-f]{8}-[0-9a-f-]{20,}", "*").replaceAll("\\d+", "N");
        return grouped.contains("StreamThread") ? "StreamThread" : grouped;
    }

    private static String authorization() {
        String keyFile = System.getenv("BENCH_KEY_FILE");
        if (keyFile == null || keyFile.isBlank()) {
            return null;
        }
        try {
            return "Bearer " + Files.readString(Path.of(keyFile)).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read BENCH_KEY_FILE " + keyFile, e);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", new ArrayList<>(List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")))
                    .subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }
}
