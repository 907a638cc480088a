package com.makeitright.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * A secret the local stack makes once per run directory, in {@code RUN_DIR/secrets/} (directory {@code rwx------},
 * file {@code rw-------}; {@code .run/} is git-ignored), and keeps across restarts.
 */
final class StackSecret {

    private StackSecret() {
    }

    /** The file's content, made with {@code make} on first use; one made at the same moment by another {@code up} wins. */
    static String ensure(Path file, Supplier<String> make) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
                Credentials.ownerOnly(file.getParent(), "rwx------");
            }
            if (!Files.exists(file)) {
                try {
                    Files.writeString(file, make.get() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    Credentials.ownerOnly(file, "rw-------");
                } catch (FileAlreadyExistsException raced) {
                    // theirs stands
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make or read " + file, e);
        }
    }
}
