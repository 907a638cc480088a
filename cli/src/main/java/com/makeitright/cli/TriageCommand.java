package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "triage", mixinStandardHelpOptions = true, description = "Triages complaints offline, without Kafka: FILE.jsonl holds one POST"
        + " /api/complaints body (or labeled example) per line; runs triage-service's OfflineTriage.")
final class TriageCommand implements Callable<Integer> {

    static final String MAIN_CLASS = "com.makeitright.triage.OfflineTriage";
    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    @Parameters(index = "0", paramLabel = "FILE.jsonl")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("No such file: " + file);
            return ComplaintsCommand.FAILED;
        }
        Path jar = Component.TRIAGE.jar(ComplaintsCommand.projectDir());
        Process process = new ProcessBuilder(command(javaExecutable(), jar, file)).inheritIO().start();
        return process.waitFor();
    }

    /** {@code java -cp triage-service.jar -Dloader.main=...OfflineTriage ...PropertiesLauncher FILE.jsonl} */
    static List<String> command(String java, Path triageJar, Path file) {
        return List.of(java, "-cp", triageJar.toString(), "-Dloader.main=" + MAIN_CLASS, LAUNCHER, file.toString());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
