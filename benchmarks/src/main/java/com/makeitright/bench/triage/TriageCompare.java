package com.makeitright.bench.triage;

import com.makeitright.bench.load.ComplaintBodies;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of triage-service side by side in one JVM (each extracted with {@link TriageClasspath#extract} and
 * loaded in its own class loader), deciding the bench's complaint texts in alternating rounds, one thread. Prints
 * decisions per second of the thread's CPU time (so other load on a shared machine costs less accuracy than wall
 * time would) and of wall time, per build, and their ratio. Not JMH: a quick same-run before/after comparison.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.makeitright.bench.triage.TriageCompare before-dir after-dir [rounds]</pre>
 */
public final class TriageCompare {

    private TriageCompare() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: TriageCompare <extracted triage A> <extracted triage B> [rounds, default 10]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<String> texts = ComplaintBodies.texts();
        TriageAdapter[] builds = {new TriageAdapter(Path.of(args[0])), new TriageAdapter(Path.of(args[1]))};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int perRound = Math.max(200, texts.size());
        long[] cpu = new long[2];
        long[] wall = new long[2];
        long[] decided = new long[2];
        List<String> sink = new ArrayList<>();
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            for (int b = 0; b < 2; b++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    Object decision = builds[b].decide("cmp-" + i, texts.get(i % texts.size()));
                    if (i == 0) {
                        sink.add(String.valueOf(decision.hashCode()));
                    }
                }
                if (round >= 0) {
                    cpu[b] += threads.getCurrentThreadCpuTime() - cpuStart;
                    wall[b] += System.nanoTime() - wallStart;
                    decided[b] += perRound;
                }
            }
        }
        for (int b = 0; b < 2; b++) {
            System.out.printf(Locale.ROOT, "%s: %,d decisions, %.0f /s of CPU time, %.0f /s of wall time%n", args[b],
                    decided[b], decided[b] / (cpu[b] / 1e9), decided[b] / (wall[b] / 1e9));
        }
        System.out.printf(Locale.ROOT, "B/A: %.2f× (CPU time), %.2f× (wall time)  [%d]%n",
                ((double) cpu[0] / decided[0]) / ((double) cpu[1] / decided[1]),
                ((double) wall[0] / decided[0]) / ((double) wall[1] / decided[1]), sink.size());
    }
}
