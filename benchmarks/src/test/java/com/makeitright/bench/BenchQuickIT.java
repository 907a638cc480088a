package com.makeitright.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harness working: {@code bench --quick} on its own stack (free ports, a temporary run directory),
 * then no section failed and each has at least one figure measured beside its baseline. The figures themselves
 * are never asserted (nor whether, say, a lag drained in time): they depend on the machine.
 */
class BenchQuickIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everySectionProducesAFigureAndABaseline() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("complaints"))) {
            root = root.getParent();
        }
        BenchMain bench = new BenchMain();
        int exit = new CommandLine(bench).execute("--quick", "--project-dir", root.toString(),
                "--run-dir", dir.resolve("stack").toString(), "--out", dir.resolve("reports").toString());

        assertThat(bench.writtenJson).as("report written").isNotNull();
        JsonNode report = JSON.readTree(Files.readString(bench.writtenJson));
        assertThat(report.get("stack").get("instances").asInt()).as("instances in the header").isEqualTo(1);
        assertThat(report.get("stack").get("brokers").asInt()).as("brokers in the header").isEqualTo(1);
        for (JsonNode section : report.get("sections")) {
            String title = section.get("title").asString();
            assertThat(section.get("failure").isNull()).as(title + ": " + section.get("failure")).isTrue();
            assertThat(section.get("figures")).as(title + " figures").isNotEmpty();
            boolean measuredBesideBaseline = false;
            for (JsonNode figure : section.get("figures")) {
                measuredBesideBaseline |= figure.get("value").isNumber() && figure.get("baseline").isNumber();
            }
            assertThat(measuredBesideBaseline).as(title + " has a figure beside its baseline").isTrue();
        }
        assertThat(exit).isZero();
    }
}
