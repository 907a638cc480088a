package com.makeitright.bench.report;

import java.util.Locale;

/** The report as Markdown: one table per section, each figure beside its baseline and their ratio. */
public final class Markdown {

    private Markdown() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# ./complaints bench").append(report.quick() ? " --quick" : "").append("\n\n");
        Machine m = report.machine();
        md.append(String.format(Locale.ROOT, "Run %s on commit %s: %d cores (%s), %s memory, Java %s (%s), %s.%n%n",
                report.startedAt(), report.commit(), m.cores(), m.cpu(), m.memory(), m.javaVersion(), m.javaVm(),
                m.os()));
        md.append("Stack: ").append(report.stack().describe()).append("\n\n");
        for (String note : report.notes()) {
            md.append("> ").append(note).append("\n");
        }
        if (!report.notes().isEmpty()) {
            md.append('\n');
        }
        for (SectionResult section : report.sections()) {
            md.append("## ").append(section.title()).append("\n\n");
            if (section.baselineWhy() != null) {
                md.append("Baseline: ").append(section.baselineWhy()).append("\n\n");
            }
            if (!section.figures().isEmpty()) {
                md.append("| figure | value | baseline | value | ratio |\n|---|---:|---|---:|---:|\n");
                for (Figure f : section.figures()) {
                    md.append("| ").append(f.name()).append(f.note() == null ? "" : " (" + f.note() + ")")
                            .append(" | ").append(value(f.value(), f.unit()))
                            .append(" | ").append(f.baselineName() == null ? "–" : f.baselineName())
                            .append(" | ").append(value(f.baseline(), f.unit()))
                            .append(" | ").append(ratio(f)).append(" |\n");
                }
                md.append('\n');
            }
            if (section.failed()) {
                md.append("**Failed:** ").append(section.failure()).append("\n\n");
            }
            md.append(String.format(Locale.ROOT, "_(section took %.0f s)_%n%n", section.seconds()));
        }
        return md.toString();
    }

    static String value(Double value, String unit) {
        if (value == null) {
            return "–";
        }
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }

    /** "62% of" for rates, "3.1× the" for costs, so the direction is never in doubt. */
    static String ratio(Figure f) {
        Double ratio = f.ratio();
        if (ratio == null) {
            return "–";
        }
        return f.higherIsBetter() ? String.format(Locale.ROOT, "%.0f%%", ratio * 100)
                : String.format(Locale.ROOT, "%.1f×", ratio);
    }
}
