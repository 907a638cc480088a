package com.makeitright.platform.instances;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Several instances of a service that answers reads by gathering every instance's part
 * ({@code makeitright.instances.*}; environment {@code INSTANCE_ADVERTISED_URL}, {@code INSTANCE_PEER_TIMEOUT}).
 * Without an advertised URL the instance assumes it is alone and answers from its own stores, which then must hold
 * every partition.
 *
 * @param advertisedUrl followup-service and remedy-service (intake has its own): how the other instances of the
 *                      service reach this one (scheme, host, port), e.g.
 *                      {@code http://followup-2:8083}; Kafka Streams' {@code application.server}
 * @param timeout       how long the instance asked waits for every other instance's part before it answers 503
 */
@Validated
@ConfigurationProperties("makeitright.instances")
public record InstancesProperties(
        URI advertisedUrl,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) @DurationUnit(ChronoUnit.MILLIS)
        @DefaultValue("3s") Duration timeout) {

    public InstancesProperties {
        advertisedUrl = advertisedUrl == null || advertisedUrl.toString().isBlank() ? null : advertisedUrl;
        if (advertisedUrl != null && (advertisedUrl.getHost() == null || advertisedUrl.getPort() < 0
                || !("http".equals(advertisedUrl.getScheme()) || "https".equals(advertisedUrl.getScheme())))) {
            throw new IllegalArgumentException("makeitright.instances.advertised-url must be http(s)://host:port,"
                    + " with the port given; was " + advertisedUrl);
        }
    }

    /** Whether this instance runs among others (an advertised URL is set). */
    public boolean several() {
        return advertisedUrl != null;
    }
}
