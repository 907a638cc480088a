package com.makeitright.intake.publishing;

import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The transactional id prefix of this intake instance. Configured, or derived from the host name and the server
 * port: unique per instance (two intakes never fence each other) and the same after a restart (the restarted
 * instance fences its own unfinished transaction at once instead of readers waiting for its timeout).
 */
public final class InstanceNames {

    private InstanceNames() {
    }

    public static String transactionIdPrefix(String configured, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            return configured + "-";
        }
        String port = environment.getProperty("server.port", "8080");
        // an ephemeral port (tests) is not stable anyway: make the name unique instead
        String instance = "0".equals(port) ? UUID.randomUUID().toString() : port;
        return safe("intake-" + hostName() + "-" + instance) + "-";
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
