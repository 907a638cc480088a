package com.makeitright.triage.classify;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains the triage model's weights ({@link TriageModel}) from the labeled corpus, deterministically: the same
 * corpus and settings always give the same file, byte for byte.
 *
 * <p>The model: per head (cause, anger) a multinomial logistic regression with an L2 penalty over the
 * features of {@link Classifier#features}. Training minimises the weighted mean log-loss plus
 * {@code L2/2 * |w|^2} (separate strengths for words and pairs and for the rules' signals, chosen by
 * cross-validation) with full-batch Adam for a fixed number of steps from zero weights, in
 * {@link StrictMath}, so no randomness and no platform-dependent rounding enter. Words and word pairs need
 * to occur in at least {@link Settings#minCount} complaints to become features; signals always do.
 *
 * <p>Run {@link #main} (or {@code ModelWeightsTest} with {@code -Dtriage.retrain=true}) to rewrite
 * {@code src/main/resources/triage/model-weights.tsv}.
 */
public final class ModelTrainer {

    /** The corpus files the model learns from, with the name of their source (see corpus/README.md). */
    static final List<String> CORPUS = List.of("dev", "heldout", "setA", "setB", "setD", "setE", "setF", "setG", "setH", "setI", "setJ", "setK");

    /** Training settings, chosen by grouped cross-validation (see README). */
    record Settings(double l2Words, double l2Signals, double legacyWeight, int minCount, int steps, double rate) {
        static final Settings CHOSEN = new Settings(0.001, 0.005, 0.1, 2, 250, 0.05);
    }

    /**
     * One labeled complaint, read and turned into features. {@code reading} is what the standard lexicon found in it
     * with no history ({@link Classifier#decide} takes it, to classify with another model without reading again).
     */
    record Example(String id, String source, Cause cause, Anger anger, ComplaintText text, List<String> features,
                   Anger ruleAnger, Classifier.Reading reading) {
    }

    private ModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "triage-service/src/main/resources" + TriageModel.RESOURCE);
        String weights = train(loadCorpus(), Settings.CHOSEN);
        Files.writeString(target, weights, StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }

    // ---------------------------------------------------------------------------------------------------

    static List<Example> loadCorpus() throws IOException {
        List<Example> all = new ArrayList<>();
        for (String source : CORPUS) {
            all.addAll(load(source));
        }
        return all;
    }

    /**
     * Each corpus file read once per test JVM: reading runs the whole lexicon over every complaint, and seven test
     * classes read the same files (leave-one-author-out twice). Bounded by the number of corpus files.
     */
    private static final Map<String, List<Example>> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    static List<Example> load(String source) throws IOException {
        List<Example> loaded = LOADED.get(source);
        if (loaded == null) {
            loaded = List.copyOf(read(source));
            LOADED.putIfAbsent(source, loaded);
        }
        return loaded;
    }

    private static List<Example> read(String source) throws IOException {
        String resource = "/corpus/" + source + ".jsonl";
        List<Example> examples = new ArrayList<>();
        try (InputStream in = ModelTrainer.class.getResourceAsStream(resource)) {
            if (in == null) {
                return examples;
            }
            JsonMapper json = JsonMapper.builder().build();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                ComplaintText text = text(node.get("complaint"));
                Classifier.Reading reading = Classifier.read(Rules.standard(), text, History.NONE);
                examples.add(new Example(node.get("id").asString(), source,
                        Cause.valueOf(node.path("expect").path("cause").asString()),
                        Anger.valueOf(node.path("expect").path("anger").asString()), text,
                        Classifier.features(reading), Classifier.ruleBasedAnger(reading.angerEvidence()), reading));
            }
        }
        return examples;
    }

    static ComplaintText text(JsonNode c) {
        BigDecimal amount = c.path("order").path("amount").isNumber() ? c.path("order").path("amount").decimalValue() : null;
        return new ComplaintText(c.path("subject").asString(""), c.path("description").asString(""),
                c.path("desiredOutcome").asString(null), Channel.valueOf(c.path("channel").asString("OTHER")),
                CustomerTier.valueOf(c.path("customer").path("tier").asString("STANDARD")), amount, null);
    }

    // ---------------------------------------------------------------------------------------------------

    /** Trains both heads and returns the weights file's text. */
    static String train(List<Example> examples, Settings settings) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> counts = new TreeMap<>();
        examples.forEach(e -> counts.merge(e.source(), 1, Integer::sum));
        out.append("# Triage model weights: multinomial logistic regression, one row per feature, one column per class.\n");
        out.append("# A class's score is its (bias) plus the weights of the features a complaint has; highest wins.\n");
        out.append("# Features: sig:<signal> a rule fired (Rules.java), rules:<cause> the hand rules' vote, x: counts,\n");
        out.append("#           w:<word> and b:<word>_<word> words and word pairs of subject, description and desired outcome.\n");
        out.append("# Produced by ModelTrainer (src/test/java/com/makeitright/triage/classify/ModelTrainer.java); do not edit.\n");
        out.append("# Retrain: ./mvnw -q -B verify -pl triage-service -am -Dtest=ModelWeightsTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dtriage.retrain=true\n");
        out.append("# Corpus (src/test/resources/corpus): ").append(counts).append("\n");
        out.append(String.format(Locale.ROOT, "# Settings: l2Words=%s l2Signals=%s legacyWeight=%s minCount=%d steps=%d rate=%s%n",
                settings.l2Words(), settings.l2Signals(), settings.legacyWeight(), settings.minCount(), settings.steps(),
                settings.rate()));
        head(out, "cause", Arrays.stream(Cause.values()).map(Enum::name).toList(), examples, settings,
                e -> e.cause().ordinal());
        head(out, "anger", Arrays.stream(Anger.values()).map(Enum::name).toList(), examples, settings,
                e -> e.anger().ordinal());
        return out.toString();
    }

    private static void head(StringBuilder out, String name, List<String> classes, List<Example> examples,
                             Settings settings, java.util.function.ToIntFunction<Example> label) {
        // The vocabulary: signals always, words and pairs seen in enough complaints. Sorted, so indices are stable.
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Example e : examples) {
            for (String f : e.features()) {
                documentFrequency.merge(f, 1, Integer::sum);
            }
        }
        TreeSet<String> vocabulary = new TreeSet<>();
        documentFrequency.forEach((f, n) -> {
            boolean word = words(f);
            if (!word || n >= settings.minCount()) {
                vocabulary.add(f);
            }
        });
        List<String> names = new ArrayList<>(vocabulary);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int k = classes.size();
        int n = examples.size();
        int[][] rows = new int[n][];
        int[] y = new int[n];
        double[] sampleWeight = new double[n];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            rows[i] = e.features().stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray();
            y[i] = label.applyAsInt(e);
            sampleWeight[i] = e.source().equals("dev") || e.source().equals("heldout") ? settings.legacyWeight() : 1.0;
            totalWeight += sampleWeight[i];
        }
        int d = names.size();
        double[] l2 = new double[d];
        for (int f = 0; f < d; f++) {
            boolean word = words(names.get(f));
            l2[f] = word ? settings.l2Words() : settings.l2Signals();
        }
        double[] w = new double[(d + 1) * k]; // row d is the bias
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[] grad = new double[w.length];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double[] scores = new double[k];
        double[] g = new double[k];
        for (int step = 1; step <= settings.steps(); step++) {
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                // Feature-major (one feature's k weights are adjacent): the same sums in the same order as class by
                // class, so the same bits, but about twice as fast.
                for (int c = 0; c < k; c++) {
                    scores[c] = w[d * k + c];
                }
                for (int f : rows[i]) {
                    int at = f * k;
                    for (int c = 0; c < k; c++) {
                        scores[c] += w[at + c];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double s : scores) {
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    scores[c] = StrictMath.exp(scores[c] - max);
                    sum += scores[c];
                }
                double scale = sampleWeight[i] / totalWeight;
                for (int c = 0; c < k; c++) {
                    g[c] = (scores[c] / sum - (c == y[i] ? 1 : 0)) * scale;
                    grad[d * k + c] += g[c];
                }
                for (int f : rows[i]) {
                    int at = f * k;
                    for (int c = 0; c < k; c++) {
                        grad[at + c] += g[c];
                    }
                }
            }
            for (int j = 0; j < d * k; j++) {
                grad[j] += l2[j / k] * w[j];
            }
            double correction1 = 1 - StrictMath.pow(beta1, step);
            double correction2 = 1 - StrictMath.pow(beta2, step);
            for (int j = 0; j < w.length; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * grad[j];
                v[j] = beta2 * v[j] + (1 - beta2) * grad[j] * grad[j];
                w[j] -= settings.rate() * (m[j] / correction1) / (StrictMath.sqrt(v[j] / correction2) + 1e-8);
            }
        }
        out.append("head\t").append(name);
        classes.forEach(c -> out.append('\t').append(c));
        out.append('\n');
        row(out, TriageModel.BIAS, w, d, k, true);
        for (int f = 0; f < d; f++) {
            row(out, names.get(f), w, f, k, false);
        }
    }

    /** Words, word pairs and quoted words: kept only when seen in enough complaints, and under the words' L2. */
    private static boolean words(String feature) {
        return feature.startsWith("w:") || feature.startsWith("b:") || feature.startsWith("q:");
    }

    private static void row(StringBuilder out, String feature, double[] w, int f, int k, boolean always) {
        long[] rounded = new long[k];
        boolean any = always;
        for (int c = 0; c < k; c++) {
            rounded[c] = Math.round(w[f * k + c] * 10_000);
            any |= Math.abs(rounded[c]) >= 20; // weights below 0.002 in every class are left out (they change nothing)
        }
        if (!any) {
            return;
        }
        out.append(feature);
        for (int c = 0; c < k; c++) {
            out.append('\t').append(format(rounded[c]));
        }
        out.append('\n');
    }

    private static String format(long tenThousandths) {
        return new BigDecimal(tenThousandths).movePointLeft(4).toPlainString();
    }
}
