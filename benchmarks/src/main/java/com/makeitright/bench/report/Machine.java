package com.makeitright.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the figures came from: they mean nothing without the machine. */
public record Machine(int cores, String memory, String cpu, String javaVersion, String javaVm, String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotal(), cpuModel(),
                System.getProperty("java.version"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.vm.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return procLine("/proc/meminfo", "MemTotal:");
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name");
    }

    private static String procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII);
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
