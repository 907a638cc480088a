package com.makeitright.triage.classify;

import com.makeitright.triage.classify.ModelTrainer.Example;
import com.makeitright.triage.classify.ModelTrainer.Settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The honest measure of triage: leave one author out. For each author, the model is trained on every other
 * author's sets and tested on that author's, through the whole {@link Classifier} (rules, model, guards), so
 * each figure is what a new user writing like that author would see. The mean over authors is the headline.
 * Blind set C is one author too: it is never trained on, so its fold is the model trained on the whole corpus.
 *
 * <p>It also measures how far {@code causeConfidence} can be trusted (expected calibration error over ten
 * confidence bins, and the reliability table), before and after temperature scaling. The temperature tested on
 * an author is fitted only on the other authors' out-of-fold scores, so calibration is measured as honestly as
 * accuracy; the shipped temperature is the one fitted on every author's out-of-fold scores.
 */
final class LeaveOneAuthorOut {

    /** Each author and the sets they wrote (corpus/README.md). */
    static final Map<String, List<String>> AUTHORS = authors();
    static final int BINS = 10;

    private LeaveOneAuthorOut() {
    }

    private static Map<String, List<String>> authors() {
        Map<String, List<String>> authors = new LinkedHashMap<>();
        authors.put("own", List.of("dev", "heldout"));
        for (String set : ModelTrainer.CORPUS) {
            if (set.startsWith("set")) {
                authors.put(set, List.of(set));
            }
        }
        authors.put("setC", List.of("blind-test-C"));
        return authors;
    }

    /** One out-of-fold classification: the label, the verdict, and the model's raw cause scores. */
    record Outcome(String author, Example example, Classification verdict, double[] causeScores, TriageModel model) {
        boolean causeRight() {
            return verdict.cause() == example.cause();
        }

        int angerDistance() {
            return Math.abs(verdict.anger().ordinal() - example.anger().ordinal());
        }
    }

    /** Trains one model per author left out (on both cores) and classifies that author's complaints with it. */
    static List<Outcome> run() throws IOException {
        List<Example> corpus = ModelTrainer.loadCorpus();
        Map<String, List<Example>> byAuthor = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> a : AUTHORS.entrySet()) {
            List<Example> own = new ArrayList<>();
            for (String set : a.getValue()) {
                own.addAll(ModelTrainer.load(set));
            }
            byAuthor.put(a.getKey(), own);
        }
        List<String> names = new ArrayList<>(byAuthor.keySet());
        return IntStream.range(0, names.size()).parallel().mapToObj(i -> {
            String author = names.get(i);
            List<String> sets = AUTHORS.get(author);
            List<Example> train = corpus.stream().filter(e -> !sets.contains(e.source())).toList();
            TriageModel model = train.size() == corpus.size() ? TriageModel.standard() // the shipped model (ModelWeightsTest)
                    : TriageModel.parse(ModelTrainer.train(train, Settings.CHOSEN));
            Classifier classifier = new Classifier(model, Rules.standard(), 1.0);
            // decide on the reading made once at load: the same verdict as classify(e.text(), History.NONE)
            return byAuthor.get(author).stream().map(e -> new Outcome(author, e, classifier.decide(e.reading(), e.text()),
                    model.head("cause").scores(e.features()), model)).toList();
        }).flatMap(List::stream).toList();
    }

    /** The temperature that minimises the log-loss of the cause head's out-of-fold scores (a 0.05 grid). */
    static double fitTemperature(List<Outcome> outcomes) {
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 70; step++) {
            double t = 0.5 + step * 0.05;
            double loss = 0;
            for (Outcome o : outcomes) {
                double[] p = TriageModel.probabilities(Classifier.tempered(o.causeScores(), t));
                loss -= Math.log(Math.max(1e-12, p[o.example().cause().ordinal()]));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    /** The same outcomes re-classified with each author's temperature fitted on the other authors only. */
    static List<Outcome> calibrated(List<Outcome> outcomes) {
        Map<String, Double> temperature = new LinkedHashMap<>();
        for (String author : AUTHORS.keySet()) {
            temperature.put(author, fitTemperature(outcomes.stream().filter(o -> !o.author().equals(author)).toList()));
        }
        return outcomes.parallelStream().map(o -> new Outcome(o.author(), o.example(),
                new Classifier(o.model(), Rules.standard(), temperature.get(o.author())).decide(o.example().reading(), o.example().text()),
                o.causeScores(), o.model())).toList();
    }

    /** Expected calibration error of {@code causeConfidence}: the mean gap between confidence and accuracy per bin. */
    static double expectedCalibrationError(List<Outcome> outcomes) {
        double[][] bins = bins(outcomes);
        double ece = 0;
        for (double[] b : bins) {
            if (b[0] > 0) {
                ece += b[0] / outcomes.size() * Math.abs(b[1] / b[0] - b[2] / b[0]);
            }
        }
        return ece;
    }

    /** Per bin: count, summed confidence, right answers. */
    private static double[][] bins(List<Outcome> outcomes) {
        double[][] bins = new double[BINS][3];
        for (Outcome o : outcomes) {
            double c = o.verdict().causeConfidence();
            int b = Math.min(BINS - 1, (int) (c * BINS));
            bins[b][0]++;
            bins[b][1] += c;
            bins[b][2] += o.causeRight() ? 1 : 0;
        }
        return bins;
    }

    static double causeAccuracy(List<Outcome> outcomes, String author) {
        List<Outcome> own = outcomes.stream().filter(o -> o.author().equals(author)).toList();
        return own.stream().filter(Outcome::causeRight).count() / (double) own.size();
    }

    static double angerAccuracy(List<Outcome> outcomes, String author) {
        List<Outcome> own = outcomes.stream().filter(o -> o.author().equals(author)).toList();
        return own.stream().filter(o -> o.angerDistance() == 0).count() / (double) own.size();
    }

    /** The mean over authors (each author counts once, whatever the size of their sets). */
    static double meanCause(List<Outcome> outcomes) {
        return AUTHORS.keySet().stream().mapToDouble(a -> causeAccuracy(outcomes, a)).average().orElse(Double.NaN);
    }

    static double meanAnger(List<Outcome> outcomes) {
        return AUTHORS.keySet().stream().mapToDouble(a -> angerAccuracy(outcomes, a)).average().orElse(Double.NaN);
    }

    static long twoOff(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.angerDistance() >= 2).count();
    }

    static String report(List<Outcome> raw, List<Outcome> calibrated, double shippedTemperature, double fittedOnAll) {
        StringBuilder out = new StringBuilder("Leave-one-author-out (train on every other author, test on this one)\n");
        out.append(String.format(Locale.ROOT, "  %-6s %5s  %7s  %7s  %14s  %7s%n", "author", "n", "cause", "anger",
                "anger distance", "two off"));
        for (String author : AUTHORS.keySet()) {
            List<Outcome> own = raw.stream().filter(o -> o.author().equals(author)).toList();
            out.append(String.format(Locale.ROOT, "  %-6s %5d  %6.1f%%  %6.1f%%  %14.3f  %7d%n", author, own.size(),
                    100 * causeAccuracy(raw, author), 100 * angerAccuracy(raw, author),
                    own.stream().mapToInt(Outcome::angerDistance).average().orElse(0), twoOff(own)));
        }
        out.append(String.format(Locale.ROOT, "  %-6s %5d  %6.1f%%  %6.1f%%  %14.3f  %7d   (mean over %d authors)%n", "mean",
                raw.size(), 100 * meanCause(raw), 100 * meanAnger(raw),
                raw.stream().mapToInt(Outcome::angerDistance).average().orElse(0), twoOff(raw), AUTHORS.size()));
        out.append(String.format(Locale.ROOT, "Calibration of causeConfidence (out of fold): ECE %.3f uncalibrated, %.3f with"
                        + " each author's temperature fitted on the other authors (shipped temperature %.2f, fitted on all: %.2f)%n",
                expectedCalibrationError(raw), expectedCalibrationError(calibrated), shippedTemperature, fittedOnAll));
        out.append("  confidence   n(before) conf  right    n(after)  conf  right\n");
        double[][] before = bins(raw);
        double[][] after = bins(calibrated);
        for (int b = 0; b < BINS; b++) {
            out.append(String.format(Locale.ROOT, "  %.1f-%.1f   %6d  %5s  %5s   %6d  %5s  %5s%n", b / 10.0, (b + 1) / 10.0,
                    (int) before[b][0], ratio(before[b][1], before[b][0]), ratio(before[b][2], before[b][0]),
                    (int) after[b][0], ratio(after[b][1], after[b][0]), ratio(after[b][2], after[b][0])));
        }
        return out.toString();
    }

    private static String ratio(double a, double n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / n);
    }
}
