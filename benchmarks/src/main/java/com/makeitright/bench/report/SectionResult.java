package com.makeitright.bench.report;

import java.util.List;

/** What one section of the bench measured, or why it could not. */
public record SectionResult(String title, String baselineWhy, List<Figure> figures, double seconds, String failure) {

    public SectionResult {
        figures = List.copyOf(figures);
    }

    public boolean failed() {
        return failure != null;
    }
}
