package com.makeitright.bench.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    private static final Machine MACHINE = new Machine(2, "8 GB", "cpu", "17", "vm", "Linux");
    private static final StackShape ONE = new StackShape(1, 1, 1, 1, List.of("intake"));

    @Test
    void aRateReadsAsAShareOfItsBaselineAndACostAsAMultiple() {
        Report report = new Report(Instant.EPOCH, "abc", false, MACHINE, ONE, List.of(new SectionResult("Intake", "why",
                List.of(Figure.rate("accepted/s", 500, "/s", "parse-and-send", 2000),
                        Figure.cost("p99", 30, "ms", "Kafka", 10)), 12, null)), List.of("a note"));

        String md = Markdown.render(report);

        assertThat(md).contains("| accepted/s | 500 /s | parse-and-send | 2,000 /s | 25% |")
                .contains("| p99 | 30.0 ms | Kafka | 10.0 ms | 3.0× |")
                .contains("> a note").contains("## Intake").contains("Baseline: why");
    }

    @Test
    void aMissingValueOrFailureIsShownNotHidden() {
        Figure drained = new Figure("lag back to zero", null, "s", null, null, false, null).withNote("still 12 behind");
        Report report = new Report(Instant.EPOCH, "abc", true, MACHINE, ONE, List.of(
                new SectionResult("System", null, List.of(drained), 1, null),
                new SectionResult("Triage", null, List.of(), 1, "java.lang.IllegalStateException: no score")),
                List.of());

        String md = Markdown.render(report);

        assertThat(md).contains("| lag back to zero (still 12 behind) | – | – | – | – |")
                .contains("**Failed:** java.lang.IllegalStateException: no score").contains("bench --quick");
        assertThat(report.complete()).isFalse();
    }

    @Test
    void theHeaderSaysHowManyInstancesAndBrokersTheFiguresWereMeasuredOn() {
        Report report = new Report(Instant.EPOCH, "abc", true, MACHINE, new StackShape(2, 3, 3, 2, List.of("pipeline")),
                List.of(), List.of());

        assertThat(Markdown.render(report)).contains("Stack: 2 instances of each service, 3 Kafka brokers (replication"
                + " factor 3, min.insync.replicas 2); sections: pipeline.");
        assertThat(Markdown.render(new Report(Instant.EPOCH, "abc", true, MACHINE, ONE, List.of(), List.of())))
                .contains("Stack: 1 instance of each service, 1 Kafka broker (replication factor 1");
    }
}
