package com.makeitright.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TriageCommandTest {

    @Test
    void runsOfflineTriageFromTheTriageJarThroughBootsPropertiesLauncher() {
        assertThat(TriageCommand.command("java", Path.of("triage-service/target/triage-service.jar"),
                Path.of("complaints.jsonl")))
                .containsExactly("java", "-cp", "triage-service/target/triage-service.jar",
                        "-Dloader.main=com.makeitright.triage.OfflineTriage",
                        "org.springframework.boot.loader.launch.PropertiesLauncher", "complaints.jsonl");
    }
}
