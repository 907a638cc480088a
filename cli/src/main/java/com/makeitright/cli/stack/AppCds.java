package com.makeitright.cli.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
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
    /** More time to stop for a process that writes its archive at exit (~80-95 MB: 2 minutes under load average 100). */
    static final Duration DUMP_GRACE = Duration.ofMinutes(3);
    private static final String STAMP = "jar.stamp";
    /** Five extractions of ~160 MB at once took over two minutes under load average 60-80. */
    private static final long EXTRACT_TIMEOUT_SECONDS = 300;

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
            // Each extraction has its own time limit (extract()); waiting here for all of them, rather than
            // interrupting slow ones, keeps launch() from extracting them again one by one on a loaded machine.
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
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

    /**
     * The flags that give a JVM started from a plain class path (the broker from the CLI's jar and its {@code lib/},
     * the mail server from its jar) an archive of its own under {@code name}: recorded on the first run, mapped on
     * later ones, dropped when any jar of the class path (including a jar's manifest {@code Class-Path}) or the JVM
     * changed. Empty when off or when anything goes wrong: the JVM then starts as before.
     */
    List<String> forClassPath(String name, String classPath) {
        if (!enabled) {
            return List.of();
        }
        try {
            Path dir = root.resolve(name);
            String stamp = classPathStamp(classPath);
            Path stampFile = dir.resolve(STAMP);
            if (!Files.isRegularFile(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                deleteRecursively(dir);
                Files.createDirectories(dir);
                Files.writeString(stampFile, stamp);
            }
            Path archive = dir.resolve(ARCHIVE);
            return List.of(Files.isRegularFile(archive) && Files.size(archive) > 0
                            ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            System.err.println("Class data sharing off for " + name + " (" + e.getMessage() + ")");
            return List.of();
        }
    }

    /** Size and time of every class path entry and of the jars their manifests name, and the JVM. */
    private String classPathStamp(String classPath) throws IOException {
        StringBuilder stamp = new StringBuilder(java).append(' ').append(System.getProperty("java.vm.version"));
        Deque<Path> entries = new ArrayDeque<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        Set<Path> seen = new HashSet<>();
        while (!entries.isEmpty()) {
            Path entry = entries.poll();
            if (!seen.add(entry) || !Files.isRegularFile(entry)) {
                continue;
            }
            stamp.append('\n').append(entry).append(' ').append(Files.size(entry)).append(' ')
                    .append(Files.getLastModifiedTime(entry).toMillis());
            try (JarFile jar = new JarFile(entry.toFile())) {
                Manifest manifest = jar.getManifest();
                String manifestPath = manifest == null ? null
                        : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (manifestPath != null) {
                    for (String relative : manifestPath.trim().split("\\s+")) {
                        entries.add(entry.resolveSibling(relative).normalize());
                    }
                }
            } catch (IOException notAJar) {
                // a plain file on the class path: its size and time are stamp enough
            }
        }
        return stamp.toString();
    }

    /**
     * Whether {@code instance} was started to record its archive at exit (its first instance, and no archive yet),
     * so that stopping it must leave time for the dump.
     */
    boolean recording(Instance instance) {
        if (!enabled || !instance.isFirst()) {
            return false;
        }
        Path dir = root.resolve(instance.component().shortName());
        return Files.isRegularFile(dir.resolve(STAMP)) && !Files.isRegularFile(dir.resolve(ARCHIVE));
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
