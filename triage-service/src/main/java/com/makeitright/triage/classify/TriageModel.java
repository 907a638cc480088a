package com.makeitright.triage.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned part of triage: for each head (cause, anger) a weight per feature and class, read from the one
 * readable weights file {@value #RESOURCE}. A class's score is its bias plus the weights of the features the
 * complaint has; the probabilities are the softmax of the scores (multinomial logistic regression). The file
 * is written by {@code ModelTrainer} (test scope) from the corpus; it is never edited by hand.
 */
final class TriageModel {

    static final String RESOURCE = "/triage/model-weights.tsv";
    static final String BIAS = "(bias)";

    /** One classifier head: its classes in file order and a weight row per feature. */
    record Head(String name, List<String> classes, Map<String, double[]> weights) {

        /** Raw scores per class: bias plus the weights of every feature present. Unknown features count zero. */
        double[] scores(Collection<String> features) {
            double[] scores = new double[classes.size()];
            add(scores, weights.get(BIAS));
            for (String feature : features) {
                add(scores, weights.get(feature));
            }
            return scores;
        }

        /** The weight of one feature for one class, 0 when the feature is not in the model. */
        double weight(String feature, String cls) {
            double[] row = weights.get(feature);
            int index = classes.indexOf(cls);
            return row == null || index < 0 ? 0 : row[index];
        }

        private static void add(double[] scores, double[] row) {
            if (row != null) {
                for (int i = 0; i < scores.length; i++) {
                    scores[i] += row[i];
                }
            }
        }
    }

    private final Map<String, Head> heads;

    private TriageModel(Map<String, Head> heads) {
        this.heads = heads;
    }

    Head head(String name) {
        Head head = heads.get(name);
        if (head == null) {
            throw new IllegalStateException("the triage model has no '" + name + "' head; retrain it (see triage-service/README.md)");
        }
        return head;
    }

    boolean hasHead(String name) {
        return heads.containsKey(name);
    }

    /** The model shipped with the service, read once. */
    static TriageModel standard() {
        return Standard.MODEL;
    }

    static final String CALIBRATION = "/triage/calibration.properties";

    /** The cause head's temperature, fitted out of fold by LeaveOneAuthorOutTest (1 = the raw softmax). */
    static double causeTemperature() {
        return Standard.CAUSE_TEMPERATURE;
    }

    private static final class Standard {
        static final double CAUSE_TEMPERATURE = temperature();

        private static double temperature() {
            try (InputStream in = TriageModel.class.getResourceAsStream(CALIBRATION)) {
                if (in == null) {
                    throw new IllegalStateException("triage calibration " + CALIBRATION + " is missing from the classpath");
                }
                java.util.Properties properties = new java.util.Properties();
                properties.load(in);
                double t = Double.parseDouble(properties.getProperty("cause.temperature", "1"));
                if (!(t > 0)) {
                    throw new IllegalStateException("triage calibration " + CALIBRATION + ": cause.temperature must be above 0");
                }
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read triage calibration " + CALIBRATION, e);
            }
        }

        static final TriageModel MODEL = load();

        private static TriageModel load() {
            try (InputStream in = TriageModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("triage model weights " + RESOURCE + " are missing from the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read triage model weights " + RESOURCE, e);
            }
        }
    }

    /**
     * Reads the weights file: {@code #} comment lines, then per head a line {@code head <name> <class>...}
     * followed by {@code <feature> <weight>...} lines (tab-separated).
     */
    static TriageModel parse(String text) {
        Map<String, Head> heads = new HashMap<>();
        String name = null;
        List<String> classes = null;
        Map<String, double[]> weights = null;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells[0].equals("head")) {
                    if (name != null) {
                        heads.put(name, new Head(name, classes, weights));
                    }
                    name = cells[1];
                    classes = List.of(cells).subList(2, cells.length);
                    weights = new HashMap<>();
                    continue;
                }
                if (classes == null || cells.length != classes.size() + 1) {
                    throw new IllegalStateException("triage model weights, line " + number + ": expected a feature and "
                            + (classes == null ? "a head line first" : classes.size() + " weights"));
                }
                double[] row = new double[classes.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = Double.parseDouble(cells[i + 1]);
                }
                weights.put(cells[0], row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (name != null) {
            heads.put(name, new Head(name, classes, weights));
        }
        return new TriageModel(heads);
    }

    /** Softmax of raw scores. */
    static double[] probabilities(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static List<String> sortedFeatures(Head head) {
        List<String> names = new ArrayList<>(head.weights().keySet());
        names.sort(null);
        return names;
    }
}
