package com.makeitright.triage;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.triage.classify.Classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares triage with labels: confusion matrices, accuracy per field, and anger misses of two levels or more. */
final class Evaluation {

    private final int[][] cause = new int[Cause.values().length][Cause.values().length];
    private final int[][] anger = new int[Anger.values().length][Anger.values().length];
    private int causeTotal;
    private int causeRight;
    private int angerTotal;
    private int angerRight;
    private final List<String> angerTwoOff = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    void add(OfflineTriage.Labeled labeled, Classification c) {
        if (labeled.expectedCause() != null) {
            Cause expected = Cause.valueOf(labeled.expectedCause());
            cause[expected.ordinal()][c.cause().ordinal()]++;
            causeTotal++;
            if (expected == c.cause()) {
                causeRight++;
            } else {
                misses.add(labeled.id() + " cause " + expected + " -> " + c.cause());
            }
        }
        if (labeled.expectedAnger() != null) {
            Anger expected = Anger.valueOf(labeled.expectedAnger());
            anger[expected.ordinal()][c.anger().ordinal()]++;
            angerTotal++;
            if (expected == c.anger()) {
                angerRight++;
            } else {
                misses.add(labeled.id() + " anger " + expected + " -> " + c.anger());
            }
            if (Math.abs(expected.ordinal() - c.anger().ordinal()) >= 2) {
                angerTwoOff.add(labeled.id());
            }
        }
    }

    int size() {
        return Math.max(causeTotal, angerTotal);
    }

    double causeAccuracy() {
        return causeTotal == 0 ? 0 : (double) causeRight / causeTotal;
    }

    double angerAccuracy() {
        return angerTotal == 0 ? 0 : (double) angerRight / angerTotal;
    }

    List<String> angerTwoLevelsOff() {
        return List.copyOf(angerTwoOff);
    }

    List<String> misses() {
        return List.copyOf(misses);
    }

    String report() {
        StringBuilder out = new StringBuilder();
        if (causeTotal > 0) {
            matrix(out, "cause", Cause.values(), cause);
            out.append(String.format(Locale.ROOT, "cause accuracy: %d/%d = %.1f%%%n%n", causeRight, causeTotal,
                    100.0 * causeAccuracy()));
        }
        if (angerTotal > 0) {
            matrix(out, "anger", Anger.values(), anger);
            out.append(String.format(Locale.ROOT, "anger accuracy: %d/%d = %.1f%%%n", angerRight, angerTotal,
                    100.0 * angerAccuracy()));
            out.append("anger two or more levels off: ").append(angerTwoOff.size())
                    .append(angerTwoOff.isEmpty() ? "" : " " + angerTwoOff).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static void matrix(StringBuilder out, String field, Enum<?>[] values, int[][] counts) {
        out.append(field).append(" confusion (rows expected, columns predicted)").append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%-20s", ""));
        for (Enum<?> v : values) {
            out.append(String.format(Locale.ROOT, "%10.9s", abbreviation(v)));
        }
        out.append(System.lineSeparator());
        for (Enum<?> row : values) {
            out.append(String.format(Locale.ROOT, "%-20s", row.name()));
            for (Enum<?> col : values) {
                out.append(String.format(Locale.ROOT, "%10d", counts[row.ordinal()][col.ordinal()]));
            }
            out.append(System.lineSeparator());
        }
    }

    private static String abbreviation(Enum<?> v) {
        String name = v.name();
        return switch (name) {
            case "MISUNDERSTANDING" -> "MISUNDER";
            case "MISPLACED_HOSTILITY" -> "MISPLACED";
            case "UNREASONABLE" -> "UNREASON";
            case "SUSPECTED_ABUSE" -> "ABUSE";
            case "OUR_ERROR" -> "OUR_ERR";
            default -> name;
        };
    }
}
