package com.makeitright.bench.triage;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * triage-service's classes as a class loader. Its jar is a Spring Boot executable jar (classes nested under
 * {@code BOOT-INF}), so the bench extracts it once with Boot's own {@code -Djarmode=tools extract} into a
 * plain jar and its {@code lib/}, and loads those in isolation from the bench's own classpath.
 */
public final class TriageClasspath {

    /** System property the forked JMH JVM finds the extracted directory under. */
    static final String DIRECTORY_PROPERTY = "bench.triage.classpath";

    private TriageClasspath() {
    }

    /** Extracts {@code triageJar} into {@code directory} (replacing what was there); returns the directory. */
    public static Path extract(Path triageJar, Path directory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(triageJar)) {
            throw new IllegalStateException(triageJar + " is missing (build it: ./mvnw -q -B package -DskipTests)");
        }
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", triageJar.toString(), "extract", "--force", "--destination",
                directory.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IllegalStateException("Could not extract " + triageJar + " (java -Djarmode=tools ... extract)");
        }
        return directory;
    }

    /** A class loader over the extracted jar and its libraries, parented to the platform, not to the bench. */
    static ClassLoader loader(Path directory) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path jar : files.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(url(jar));
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("No jars in " + directory);
        }
        return new URLClassLoader("triage-service", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
