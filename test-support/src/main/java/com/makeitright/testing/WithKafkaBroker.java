package com.makeitright.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a real single-node Kafka broker (KRaft, in-process, on a free port) for a Spring test and points
 * {@code spring.kafka.bootstrap-servers} at it. Configured like the local stack: transactions on one
 * broker, and no topic is created by accident. Test and lifecycle methods can take a {@link KafkaProbe}
 * parameter connected to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaProbeExtension.class)
@EmbeddedKafka(
        partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = {
                "auto.create.topics.enable=false",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "offsets.topic.replication.factor=1",
                "group.initial.rebalance.delay.ms=0"
        })
public @interface WithKafkaBroker {
}
