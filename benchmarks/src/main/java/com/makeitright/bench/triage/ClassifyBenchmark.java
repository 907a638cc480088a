package com.makeitright.bench.triage;

import com.makeitright.bench.load.ComplaintBodies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Triage alone, one thread (so per core): complaints decided per second, against tokenising the same text into
 * lower-case words, the least any text classifier does with it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifyBenchmark {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");

    private List<String> texts;
    private TriageAdapter triage;
    private int next;

    @Setup
    public void setUp() throws Exception {
        texts = ComplaintBodies.texts();
        triage = new TriageAdapter(Path.of(System.getProperty(TriageClasspath.DIRECTORY_PROPERTY)));
    }

    @Benchmark
    public Object classify() throws Throwable {
        String text = texts.get(next++ % texts.size());
        return triage.decide("bench-" + next, text);
    }

    @Benchmark
    public void tokenise(Blackhole sink) {
        String text = texts.get(next++ % texts.size());
        for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
            sink.consume(word);
        }
    }
}
