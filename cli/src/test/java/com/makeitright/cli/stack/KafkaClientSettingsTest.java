package com.makeitright.cli.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientSettingsTest {

    @Test
    void theServicesSpringKafkaVariablesBecomeTheCliClientsSettings() {
        Map<String, String> env = Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", " SASL_SSL ",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"a_b\";",
                "SPRING_KAFKA_PROPERTIES_", "ignored: no key",
                "PATH", "/usr/bin");

        Properties props = KafkaClientSettings.forBootstrap("localhost:9092", env);

        assertThat(props).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "localhost:9092",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                // only the name is mapped: the value keeps its underscores and case
                "sasl.jaas.config", "ScramLoginModule required username=\"a_b\";"));
    }

    @Test
    void withoutThemAClientIsPlaintextToTheBootstrapAddress() {
        assertThat(KafkaClientSettings.forBootstrap("localhost:9092", Map.of("SPRING_KAFKA_SECURITY_PROTOCOL", " ")))
                .containsExactlyEntriesOf(Map.of("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void theBootstrapAddressIsTheStacksEvenIfTheEnvironmentNamesAnother() {
        assertThat(KafkaClientSettings.forBootstrap("localhost:1",
                Map.of("SPRING_KAFKA_PROPERTIES_BOOTSTRAP_SERVERS", "elsewhere:9092")))
                .containsEntry("bootstrap.servers", "localhost:1");
    }
}
