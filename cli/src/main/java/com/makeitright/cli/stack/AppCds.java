package com.makeitright.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Class data sharing for the services' JVMs: start-up is CPU (each service loads some 10,000 classes), and four
 * services boot at once on a couple of cores. A service runs from its jar extracted by Spring Boot's
 * {@code jarmode=tools} (a plain class path: nested jars cannot be archived); the first run records a dynamic
 * archive of every class it loaded, written when it stops ({@code -XX:ArchiveClassesAtExit}, also on SIGTERM),
 * and every later run maps that archive instead of loading and verifying the classes again
 * ({@code -XX:SharedArchiveFile}). docs/local-stack.md has the measurements.
 *
 * <p>One directory per service under the run directory's {@code cds/}: the extracted jar, the archive and a stamp
 * of the jar and the JVM they came from. A rebuilt jar or another JDK changes the stamp, and the directory is
 * made again. A run killed before it stopped leaves no archive, so the next run records one again. Anything that
 * goes wrong here falls back to {@code -jar} on the service's jar: CDS is an optimisation, never a reason not to
 * start.
 */
final class AppCds {

    /** Set to {@code off} to run the services from their jars without class data sharing. */
    static final String VARIABLE = "COMPLAINTS_CDS";

    static final String ARCHIVE = "classes.jsa";
    private static final String STAMP = "jar.stamp";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private final Path root;
    private final String java;
    private final boolean enabled;

    AppCds(Path root, String java, boolean enabled) {
        this.root = root;
        this.java = java;
        this.enabled = enabled;
    }

    /**
     * Extracts, all at once, the jars of {@code services} whose extraction is stale (after a build), so that
     * {@link #launch} then finds them ready: {@code up} does this while the broker boots.
     */
    void prepareAll(List<Component> services, Path projectDir) {
        if (!enabled) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Component service : services) {
                done.add(pool.submit(() -> launch(service, service.jar(projectDir))));
            }
            for (Future<?> future : done) {
                future.get(EXTRACT_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // launch() falls back by itself; whatever is left is done again when each service starts
        } finally {
            pool.shutdownNow();
        }
    }

    /** What follows the JVM options on the command line that starts {@code service} from {@code jar}. */
    List<String> launch(Component service, Path jar) {
        return launch(service, jar, true);
    }

    /**
     * As above; {@code mayRecord} false (a service's second and later instances) uses the archive when there is one
     * but never records it, so two JVMs never write the same archive at exit.
     */
    List<String> launch(Component service, Path jar, boolean mayRecord) {
        List<String> plain = List.of("-jar", jar.toString());
        if (!enabled) {
            return plain;
        }
        Path dir = root.resolve(service.shortName());
        try {
            Path app = prepare(dir, jar);
            Path archive = dir.resolve(ARCHIVE);
            List<String> args = new ArrayList<>();
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                args.add("-XX:SharedArchiveFile=" + archive);
            } else if (mayRecord) {
                args.add("-XX:ArchiveClassesAtExit=" + archive);
            }
            // The dump warns once per class it cannot archive (generated reflection accessors): noise, not news.
            args.add("-Xlog:cds=off");
            args.add("-Xlog:cds+dynamic=off");
            args.add("-jar");
            args.add(app.toString());
            return args;
        } catch (IOException | RuntimeException e) {
            System.err.println("Class data sharing off for " + service.shortName() + " (" + e.getMessage()
                    + "); starting from its jar");
            return plain;
        }
    }

    /** The extracted jar for {@code jar}, extracting it (and dropping an old archive) when the stamp changed. */
    private Path prepare(Path dir, Path jar) throws IOException {
        Path extracted = dir.resolve("app");
        Path app = extracted.resolve(jar.getFileName());
        String stamp = stamp(jar);
        Path stampFile = dir.resolve(STAMP);
        if (Files.isRegularFile(app) && Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
            return app;
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        extract(jar, extracted, dir.resolve("extract.log"));
        if (!Files.isRegularFile(app)) {
            throw new IOException("extracting " + jar + " made no " + app.getFileName());
        }
        Files.writeString(stampFile, stamp);
        return app;
    }

    /** The jar's size and time, and the JVM: an archive is only valid for the class path and JVM that made it. */
    private String stamp(Path jar) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " " + java + " "
                + System.getProperty("java.vm.version");
    }

    private void extract(Path jar, Path destination, Path log) throws IOException {
        Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("extracting " + jar + " took over " + EXTRACT_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("extracting " + jar + " failed (exit " + process.exitValue() + ", see " + log + ")");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
