package com.makeitright.intake.status;

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
 * Several intake instances in one group ({@code makeitright.intake.routing.*}; environment
 * {@code INTAKE_ADVERTISED_URL}, {@code INTAKE_PEER_KEY}, {@code INTAKE_PEER_TIMEOUT},
 * {@code INTAKE_REMOTE_OVERLAY_TTL}). Each instance's status view holds only its own partitions; a read of
 * another's complaint is forwarded to the instance that holds it. Without an advertised URL this instance assumes
 * it is alone and answers every read from its own store, as a single instance does.
 *
 * @param advertisedUrl    how the other intake instances reach this one (scheme, host, port), e.g.
 *                         {@code http://intake-2:8080}; Kafka Streams' {@code application.server}
 * @param peerKey          the API key sent to the owning instance when the forwarded request carries no bearer
 *                         credential of its own (webhooks and customer pages carry their own kinds): a client with the
 *                         {@code viewer} role. Never logged
 * @param timeout          how long a forwarded read may take before it answers 503
 * @param remoteOverlayTtl how long this instance shows its own write of a complaint another instance holds when the
 *                         write's offset is not known (its own stream never tells this one; with the offset, the
 *                         view group's committed offsets do)
 */
@Validated
@ConfigurationProperties("makeitright.intake.routing")
record ViewRoutingProperties(
        URI advertisedUrl,
        String peerKey,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1) @DurationUnit(ChronoUnit.MILLIS)
        @DefaultValue("3s") Duration timeout,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) @DurationUnit(ChronoUnit.MILLIS)
        @DefaultValue("10s") Duration remoteOverlayTtl) {

    ViewRoutingProperties {
        advertisedUrl = advertisedUrl == null || advertisedUrl.toString().isBlank() ? null : advertisedUrl;
        peerKey = peerKey == null || peerKey.isBlank() ? null : peerKey;
        if (advertisedUrl != null && (advertisedUrl.getHost() == null || advertisedUrl.getPort() < 0
                || !("http".equals(advertisedUrl.getScheme()) || "https".equals(advertisedUrl.getScheme())))) {
            throw new IllegalArgumentException("makeitright.intake.routing.advertised-url must be http(s)://host:port,"
                    + " with the port given; was " + advertisedUrl);
        }
    }

    boolean routing() {
        return advertisedUrl != null;
    }

    @Override
    public String toString() {
        return "ViewRoutingProperties[advertisedUrl=" + advertisedUrl + ", peerKey=" + (peerKey == null ? "unset"
                : "(set)") + ", timeout=" + timeout + ", remoteOverlayTtl=" + remoteOverlayTtl + "]";
    }
}
