package com.makeitright.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    @Test
    void everyArgumentGoesToTheBenchJvm() {
        BenchCommand bench = (BenchCommand) ComplaintsCommand.commandLine().parseArgs("bench", "--quick", "--note", "x")
                .subcommand().commandSpec().userObject();

        assertThat(bench.arguments).containsExactly("--quick", "--note", "x");
    }

    @Test
    void runsTheBenchmarksJarWithItsOwnJvmOptions() {
        Path root = Path.of("/repo");

        List<String> command = BenchCommand.command("java", BenchCommand.jar(root), root, " -Xmx1g  -XX:+UseParallelGC",
                List.of("--quick"));

        assertThat(command).containsExactly("java", "-Xmx1g", "-XX:+UseParallelGC", "-Dcomplaints.home=/repo", "-cp",
                "/repo/benchmarks/target/benchmarks.jar", BenchCommand.MAIN_CLASS, "--quick");
    }
}
