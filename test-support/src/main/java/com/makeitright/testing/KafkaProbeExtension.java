package com.makeitright.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Injects a {@link KafkaProbe} connected to the test's embedded broker into test and lifecycle methods
 * ({@code @BeforeEach void connect(KafkaProbe probe)}). One probe per test class, closed when the class is done.
 * Registered by {@link WithKafkaBroker}.
 */
public final class KafkaProbeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaProbeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaProbe.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        if (brokers == null) {
            throw new IllegalStateException("No embedded Kafka broker is running: annotate the test with @WithKafkaBroker");
        }
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext.getStore(NAMESPACE)
                .computeIfAbsent(brokers, KafkaProbe::new, KafkaProbe.class);
    }
}
