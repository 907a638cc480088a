package com.makeitright.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bench --sections/--instances/--brokers}: parsed, selected in the bench's order, refused before anything starts. */
class BenchOptionsParsingTest {

    @TempDir
    Path dir;

    @Test
    void withoutOptionsEverySectionRunsOnOneInstanceAndOneBroker() {
        BenchMain bench = new BenchMain();
        new CommandLine(bench).parseArgs();

        assertThat(bench.instances).isEqualTo(1);
        assertThat(bench.brokers).isEqualTo(1);
        assertThat(Bench.select(bench.sections)).containsExactly("startup", "latency", "system", "pipeline", "intake",
                "triage", "memory");
    }

    @Test
    void aScalingRunNamesItsSectionsInstancesAndBrokers() {
        BenchMain bench = new BenchMain();
        new CommandLine(bench).parseArgs("--quick", "--sections", "pipeline", "--instances", "2", "--brokers", "3");

        assertThat(bench.sections).containsExactly("pipeline");
        assertThat(bench.instances).isEqualTo(2);
        assertThat(bench.brokers).isEqualTo(3);
    }

    @Test
    void sectionsRunInTheBenchsOwnOrderWhateverOrderAndCaseTheyAreGivenIn() {
        BenchMain bench = new BenchMain();
        new CommandLine(bench).parseArgs("--sections", "Memory, intake,pipeline", "--sections", "latency");

        assertThat(Bench.select(bench.sections)).containsExactly("latency", "pipeline", "intake", "memory");
        assertThat(Bench.select(List.of("all"))).isEqualTo(Bench.sectionNames());
        assertThat(Bench.select(List.of("pipeline", "all"))).isEqualTo(Bench.sectionNames());
    }

    @Test
    void anUnknownSectionIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Bench.select(List.of("pipeline", "pipelines")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown section 'pipelines'; the sections are startup, latency, system, pipeline, intake,"
                        + " triage, memory (or all)");
    }

    @Test
    void aShapeUpWouldRefuseIsRefusedBeforeAnythingIsWipedOrStarted() throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("stack"));
        Path kept = Files.writeString(runDir.resolve("kept.txt"), "not wiped");
        for (List<String> shape : List.of(List.of("--brokers", "2"), List.of("--instances", "0"),
                List.of("--instances", "10"), List.of("--sections", "nope"))) {
            StringWriter err = new StringWriter();
            CommandLine command = new CommandLine(new BenchMain()).setErr(new PrintWriter(err));
            List<String> args = new java.util.ArrayList<>(List.of("--quick", "--project-dir", dir.toString(),
                    "--run-dir", runDir.toString(), "--out", dir.resolve("reports").toString()));
            args.addAll(shape);

            int exit = command.execute(args.toArray(String[]::new));

            assertThat(exit).as(shape.toString()).isEqualTo(2);
            assertThat(err.toString()).as(shape.toString()).containsAnyOf("--brokers must be 1", "--instances must be",
                    "Unknown section 'nope'");
            assertThat(kept).as(shape + ": run directory untouched").exists();
        }
    }
}
