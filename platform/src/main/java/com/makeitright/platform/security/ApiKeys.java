package com.makeitright.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API-key clients a service knows, as SHA-256 hashes only: a presented key is hashed and compared with every
 * client's hash in constant time ({@link MessageDigest#isEqual}), all of them, so neither the comparison nor the
 * number of comparisons tells how close a guess came. Keys are never logged or kept. Bounded by configuration.
 */
final class ApiKeys {

    /** A known client: its name (the principal) and its roles. */
    record Client(String name, Set<Role> roles, byte[] sha256) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final List<Client> clients;

    ApiKeys(List<Client> clients) {
        this.clients = List.copyOf(clients);
    }

    static ApiKeys from(SecurityProperties properties) {
        List<Client> clients = new ArrayList<>();
        properties.getApiKeys().forEach((name, client) -> {
            // A client named without a hash (docker-compose's ${X_KEY_SHA256:-} left unset) is not a client.
            if (client.getSha256() != null && !client.getSha256().isBlank()) {
                clients.add(new Client(name, roles(name, client.getRoles()), hash(name, client.getSha256())));
            }
        });
        Path dir = properties.getCredentialsDir();
        if (dir != null) {
            for (Role role : Role.values()) {
                Path file = dir.resolve(role.id());
                if (Files.isRegularFile(file)) {
                    clients.add(new Client("local-" + role.id(), Set.of(role), sha256(read(file))));
                }
            }
            if (clients.isEmpty()) {
                throw new IllegalStateException("makeitright.security.credentials-dir " + dir
                        + " holds no key file (helpdesk, agent, supervisor, owner, viewer, ops)");
            }
        }
        return new ApiKeys(clients);
    }

    /** The client whose key this is; every client's hash is compared whatever the outcome. */
    Optional<Client> match(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Client found = null;
        for (Client client : clients) {
            if (MessageDigest.isEqual(presented, client.sha256()) & found == null) {
                found = client;
            }
        }
        return Optional.ofNullable(found);
    }

    int size() {
        return clients.size();
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The hex SHA-256 of a key, as {@code makeitright.security.api-keys.NAME.sha256} wants it. */
    static String sha256Hex(String key) {
        return HEX.formatHex(sha256(key));
    }

    private static String read(Path file) {
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new IllegalStateException("Credential file " + file + " is empty");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read credential file " + file, e);
        }
    }

    private static Set<Role> roles(String client, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalStateException("API key client '" + client + "' has no roles");
        }
        return names.stream().map(name -> Role.of(name).orElseThrow(() -> new IllegalStateException(
                "API key client '" + client + "' has an unknown role '" + name + "'"))).collect(Collectors.toSet());
    }

    private static byte[] hash(String client, String hex) {
        if (hex == null || !hex.strip().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException("API key client '" + client + "' needs sha256: 64 hex digits");
        }
        return HEX.parseHex(hex.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
