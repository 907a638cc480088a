package com.makeitright.cli.stack;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings every Kafka client of the CLI starts from: the broker address plus the standard client security
 * settings (SASL/SCRAM, mTLS, ...) from the same environment variables the services read through Spring Boot —
 * {@code SPRING_KAFKA_SECURITY_PROTOCOL} and {@code SPRING_KAFKA_PROPERTIES_<KEY>}, where the key is the Kafka
 * client setting with dots as underscores ({@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} is
 * {@code sasl.jaas.config}). One set of variables configures the services the CLI starts (they inherit its
 * environment) and the CLI's own clients (docs/operations.md, "Kafka with authentication").
 */
public final class KafkaClientSettings {

    static final String SECURITY_PROTOCOL_VARIABLE = "SPRING_KAFKA_SECURITY_PROTOCOL";
    static final String PROPERTIES_PREFIX = "SPRING_KAFKA_PROPERTIES_";

    private KafkaClientSettings() {
    }

    /** The client settings for {@code bootstrapServers}, with the security settings of this process's environment. */
    public static Properties forBootstrap(String bootstrapServers) {
        return forBootstrap(bootstrapServers, System.getenv());
    }

    static Properties forBootstrap(String bootstrapServers, Map<String, String> env) {
        Properties props = new Properties();
        props.putAll(fromEnvironment(env));
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /** The Kafka client settings named by {@code env} (sorted, for stable output). */
    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PROPERTIES_PREFIX) && name.length() > PROPERTIES_PREFIX.length() && value != null) {
                settings.put(name.substring(PROPERTIES_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                        value);
            }
        });
        String protocol = env.get(SECURITY_PROTOCOL_VARIABLE);
        if (protocol != null && !protocol.isBlank()) {
            settings.put("security.protocol", protocol.trim());
        }
        return settings;
    }
}
