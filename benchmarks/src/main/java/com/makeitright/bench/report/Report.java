package com.makeitright.bench.report;

import java.time.Instant;
import java.util.List;

/** A whole run: where, when, which mode, on which stack shape, and every section. Written as Markdown and as JSON. */
public record Report(Instant startedAt, String commit, boolean quick, Machine machine, StackShape stack,
                     List<SectionResult> sections,
                     List<String> notes) {

    public Report {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return sections.stream().noneMatch(SectionResult::failed);
    }
}
