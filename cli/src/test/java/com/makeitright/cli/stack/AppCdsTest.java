package com.makeitright.cli.stack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a service runs from its extracted jar, when it records an archive and when it maps one. The extraction is
 * played by a script standing in for {@code java -Djarmode=tools} (it counts its calls); the real extraction and
 * archive run on every {@code up} of the system tests.
 */
class AppCdsTest {

    @TempDir
    Path dir;

    private Path jar;
    private Path fakeJava;
    private Path calls;

    @BeforeEach
    void setUp() throws IOException {
        jar = Files.writeString(dir.resolve("intake-service.jar"), "a jar");
        calls = dir.resolve("calls");
        fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, """
                #!/bin/sh
                echo "$@" >> %s
                for arg; do
                  [ "$previous" = "-jar" ] && jar=$(basename "$arg")
                  [ "$previous" = "--destination" ] && destination=$arg
                  previous=$arg
                done
                mkdir -p "$destination" && echo extracted > "$destination/$jar"
                """.formatted(calls));
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFirstRunRecordsAnArchiveAndLaterRunsMapIt() throws IOException {
        AppCds cds = new AppCds(dir.resolve("cds"), fakeJava.toString(), true);
        Path app = dir.resolve("cds/intake/app/intake-service.jar");
        Path archive = dir.resolve("cds/intake/" + AppCds.ARCHIVE);

        assertThat(cds.launch(Component.INTAKE, jar)).contains("-XX:ArchiveClassesAtExit=" + archive)
                .endsWith("-jar", app.toString());
        Files.writeString(archive, "what the JVM wrote when the service stopped");

        assertThat(cds.launch(Component.INTAKE, jar)).contains("-XX:SharedArchiveFile=" + archive)
                .endsWith("-jar", app.toString());
        assertThat(Files.readAllLines(calls)).as("extracted once").hasSize(1)
                .allSatisfy(call -> assertThat(call).contains("-Djarmode=tools", "extract", jar.toString()));
    }

    @Test
    void aRebuiltJarIsExtractedAgainAndItsOldArchiveDropped() throws IOException {
        AppCds cds = new AppCds(dir.resolve("cds"), fakeJava.toString(), true);
        Path archive = dir.resolve("cds/intake/" + AppCds.ARCHIVE);
        cds.launch(Component.INTAKE, jar);
        Files.writeString(archive, "an archive of the old jar's classes");

        Files.writeString(jar, "a rebuilt jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));

        assertThat(cds.launch(Component.INTAKE, jar)).contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();
        assertThat(Files.readAllLines(calls)).hasSize(2);
    }

    @Test
    void prepareAllExtractsEveryStaleJarBeforeTheServicesStart() throws IOException {
        Path project = dir.resolve("project");
        for (Component service : Component.SERVICES) {
            Files.createDirectories(service.jar(project).getParent());
            Files.writeString(service.jar(project), service.shortName());
        }
        AppCds cds = new AppCds(dir.resolve("cds"), fakeJava.toString(), true);

        cds.prepareAll(Component.SERVICES, project);

        assertThat(Files.readAllLines(calls)).hasSize(Component.SERVICES.size());
    }

    @Test
    void offOrAFailedExtractionRunsTheJarItself() throws IOException {
        assertThat(new AppCds(dir.resolve("cds"), fakeJava.toString(), false).launch(Component.INTAKE, jar))
                .containsExactly("-jar", jar.toString());

        Path failing = Files.writeString(dir.resolve("failing-java"), "#!/bin/sh\nexit 3\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(new AppCds(dir.resolve("other"), failing.toString(), true).launch(Component.INTAKE, jar))
                .isEqualTo(List.of("-jar", jar.toString()));
    }

    @Test
    void aClassPathJvmRecordsItsOwnArchiveThenMapsItUntilAJarOfItsClassPathChanges() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path dependency = Files.writeString(lib.resolve("kafka.jar"), "a dependency");
        Path cli = dir.resolve("cli.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, "lib/kafka.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(cli), manifest)) {
            out.putNextEntry(new java.util.zip.ZipEntry("Empty.class"));
        }
        AppCds cds = new AppCds(dir.resolve("cds"), fakeJava.toString(), true);
        Path archive = dir.resolve("cds/kafka/" + AppCds.ARCHIVE);

        assertThat(cds.forClassPath("kafka", cli.toString())).contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(cds.recording(Instance.first(Component.KAFKA))).isTrue();
        Files.writeString(archive, "what the broker wrote when it stopped");
        assertThat(cds.forClassPath("kafka", cli.toString())).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(cds.recording(Instance.first(Component.KAFKA))).isFalse();

        // a jar named only by the manifest's Class-Path changed: the archive no longer matches the class path
        Files.writeString(dependency, "a newer dependency");
        Files.setLastModifiedTime(dependency, FileTime.fromMillis(Files.getLastModifiedTime(dependency).toMillis() + 1000));
        assertThat(cds.forClassPath("kafka", cli.toString())).contains("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();
        assertThat(new AppCds(dir.resolve("cds"), fakeJava.toString(), false).forClassPath("kafka", cli.toString()))
                .isEmpty();
        assertThat(Files.exists(calls)).as("nothing extracted for a class path").isFalse();
    }
}
