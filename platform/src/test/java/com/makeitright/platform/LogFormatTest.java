package com.makeitright.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code LOG_FORMAT} picks the console format. The last test starts a Spring application in a child JVM (so this
 * JVM's logging stays as it is) with {@code LOG_FORMAT=json} in its environment and reads what it printed.
 */
class LogFormatTest {

    @Test
    void jsonMeansEcsAndTextOrNothingMeansPlainText() {
        assertThat(LogFormat.structuredFormat("json")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat(" JSON ")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat("logstash")).isEqualTo("logstash");
        assertThat(LogFormat.structuredFormat("text")).isNull();
        assertThat(LogFormat.structuredFormat("")).isNull();
        assertThatThrownBy(() -> LogFormat.structuredFormat("xml"))
                .hasMessageContaining("LOG_FORMAT must be text, json");
    }

    @Test
    void anExplicitBootSettingWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("LOG_FORMAT", "json")
                .withProperty(LogFormat.STRUCTURED, "gelf");
        new LogFormat().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty(LogFormat.STRUCTURED)).isEqualTo("gelf");

        MockEnvironment plain = new MockEnvironment().withProperty("LOG_FORMAT", "json");
        new LogFormat().postProcessEnvironment(plain, null);
        assertThat(plain.getProperty(LogFormat.STRUCTURED)).isEqualTo("ecs");
    }

    @Test
    void anApplicationStartedWithLogFormatJsonLogsOneJsonObjectPerLine() throws Exception {
        Path out = Files.createTempFile("log-format", ".out");
        try {
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPathWithoutTestLogging(), JsonLoggingApp.class.getName())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            child.environment().put("LOG_FORMAT", "json");
            Process process = child.start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child application finished").isTrue();
            List<String> lines = Files.readAllLines(out).stream().filter(line -> !line.isBlank()).toList();

            assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
            assertThat(lines).as("every line is a JSON object").isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"log\":{\"level\":\"INFO\"")
                    .contains("\"message\":\"structured hello\"").contains("\"@timestamp\""));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * This JVM's class path with the test classes (whose logback-test.xml would replace Spring Boot's logging, as
     * it does for every test) swapped for a folder holding only the child's main class: the child logs as a
     * service does in production.
     */
    private static String classPathWithoutTestLogging() throws Exception {
        Path testClasses = Path.of(JsonLoggingApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path only = Files.createTempDirectory("log-format-classes");
        String file = JsonLoggingApp.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(only.resolve(file).getParent());
        Files.copy(testClasses.resolve(file), only.resolve(file));
        only.toFile().deleteOnExit();
        return Stream.concat(Stream.of(only.toString()), Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath())))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
