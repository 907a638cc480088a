package com.makeitright.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document checked into docs/ that the code determines (a service's OpenAPI, the configuration table): the test
 * that produces it compares it with the committed copy and, with {@code -Dopenapi.write=true} (or the property
 * the test names), writes it instead, so regenerating is one command.
 */
public final class CommittedContract {

    public static final String WRITE_PROPERTY = "openapi.write";

    private CommittedContract() {
    }

    /** The file at {@code relative} to the repository root (a test runs in its module's directory). */
    public static Path inRepository(String relative) {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve(relative).normalize();
    }

    public static void assertMatches(String served, Path committed, String regenerate) {
        assertMatches(served, committed, regenerate, WRITE_PROPERTY);
    }

    /** As above, written instead when the system property {@code writeProperty} is {@code true}. */
    public static void assertMatches(String served, Path committed, String regenerate, String writeProperty) {
        try {
            if (Boolean.getBoolean(writeProperty)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, served, StandardCharsets.UTF_8);
            }
            String expected = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            assertThat(served)
                    .as("%s differs from what the service serves: run `%s` to regenerate it, then review the diff",
                            committed, regenerate)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
