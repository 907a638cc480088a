package com.makeitright.triage;

import com.makeitright.triage.acknowledge.AcknowledgeDeadlines;
import com.makeitright.triage.acknowledge.Complaint;
import com.makeitright.triage.acknowledge.Triage;
import com.makeitright.triage.classify.History;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints how many complaints per second full triage (classification, priority, advice, text) handles over
 * the corpus, single-threaded. A printed figure, not an assertion. Run:
 * {@code ./mvnw -q -B verify -pl triage-service -am -Dtest=TriageThroughputTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and read {@code triage-service/target/surefire-reports/com.makeitright.triage.TriageThroughputTest-output.txt}.
 */
public final class TriageBenchmark {

    private TriageBenchmark() {
    }

    /** What one run measured. */
    record Result(long complaints, double seconds, long textCharacters) {
        double perSecond() {
            return complaints / seconds;
        }
    }

    /** Every labeled complaint of the corpus: the triage-service's own and the blind-written sets. */
    static final List<String> CORPUS = List.of("dev", "heldout", "setA", "setB", "setD", "setE", "setF", "setG", "setH",
            "setI", "setJ", "setK").stream().map(name -> "/corpus/" + name + ".jsonl").toList();
    /** Complaints triaged before measuring, so the JIT has compiled the regular expressions' paths. */
    static final int WARM_UP = 10_000;

    public static void main(String[] args) throws Exception {
        run(10, WARM_UP);
    }

    /** {@code rounds} passes over the corpus, measured, after {@code warmUp} complaints that are not. */
    static Result run(int rounds, int warmUp) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<Complaint> complaints = new ArrayList<>();
        for (String resource : CORPUS) {
            Path file = Path.of(TriageBenchmark.class.getResource(resource).toURI());
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                OfflineTriage.Labeled l = OfflineTriage.parse(json, line);
                complaints.add(new Complaint(l.id(), 1, l.text(), History.NONE, null));
            }
        }
        Triage triage = new Triage(AcknowledgeDeadlines.DEFAULTS, Clock.systemUTC());
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += triage.decide(complaints.get(i % complaints.size())).acknowledgementText().length();
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (Complaint c : complaints) {
                sink += triage.decide(c).acknowledgementText().length();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = (long) rounds * complaints.size();
        System.out.printf(Locale.ROOT, "triage: %d complaints in %.2f s = %.0f complaints/second, %.1f microseconds each (checksum %d)%n",
                total, seconds, total / seconds, seconds * 1e6 / total, sink % 10);
        return new Result(total, seconds, sink);
    }
}
