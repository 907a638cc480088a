package com.makeitright.bench;

import com.makeitright.bench.report.Figure;

import java.util.List;

/** One part of the bench: measures its figures and their baselines on the context's stack. */
interface Section {

    /** What {@code bench --sections} calls it. */
    String name();

    String title();

    /** What the baseline is and why it is the fair one, for the report. */
    String baselineWhy();

    List<Figure> run(BenchContext context) throws Exception;
}
