package com.makeitright.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract document checked into docs/ (OpenAPI of a service): the test that serves it compares it with the
 * committed copy and, with {@code -Dopenapi.write=true}, writes it instead, so regenerating is one command.
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
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
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
