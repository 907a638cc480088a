package com.makeitright.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The local stack's API keys (SECURITY.md): one per role under {@code RUN_DIR/credentials/ROLE}, each file holding
 * just the key, readable by its owner only. {@code up} makes the missing ones; the services read the directory
 * ({@link #SERVICE_VARIABLE}) and keep only hashes; every command that calls a service reads the key of the role
 * it acts as.
 */
public final class Credentials {

    public static final List<String> ROLES = List.of("helpdesk", "agent", "supervisor", "owner", "viewer", "ops");

    /** How a service is told the directory: Spring's environment form of makeitright.security.credentials-dir. */
    public static final String SERVICE_VARIABLE = "MAKEITRIGHT_SECURITY_CREDENTIALSDIR";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    private Credentials(Path directory) {
        this.directory = directory;
    }

    /** The credentials of the stack whose run directory this is. */
    public static Credentials of(StackConfig config) {
        return new Credentials(config.runDir().resolve("credentials"));
    }

    public Path directory() {
        return directory;
    }

    /** Makes a key for every role that has none (the existing ones stay valid); returns the roles it made. */
    public List<String> ensure() {
        List<String> made = new ArrayList<>();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                ownerOnly(directory, "rwx------");
            }
            for (String role : ROLES) {
                Path file = directory.resolve(role);
                if (Files.exists(file)) {
                    continue;
                }
                try {
                    Files.writeString(file, newKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException raced) {
                    continue; // another `up` made it at the same moment: theirs stands
                }
                ownerOnly(file, "rw-------");
                made.add(role);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the API keys to " + directory, e);
        }
        return made;
    }

    /** The key of a role, when {@code up} has made it. */
    public Optional<String> key(String role) {
        Path file = directory.resolve(role);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** {@code Bearer <key>} of a role, or null when there is none (the service will answer 401 and say why). */
    public String bearer(String role) {
        return key(role).map(key -> "Bearer " + key).orElse(null);
    }

    /** 32 random bytes, URL-safe base64, prefixed so a leaked key is recognisable in a secret scanner. */
    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "mir_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user profile's ACL, which is private already
        }
    }
}
