package com.makeitright.intake.status;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.charset.StandardCharsets;

/**
 * What the status view tells the retention of personal data about a customer's complaint (keyed by customer id,
 * docs/privacy.md): it was received (open), it closed, or it left the view (purged, closed or idle). No personal data:
 * ids and a time only.
 */
public record CaseActivity(Kind kind, String complaintId, long at) {

    public enum Kind { OPENED, CLOSED, GONE }

    public static final Serde<CaseActivity> SERDE = Serdes.serdeFrom(
            (topic, activity) -> activity == null ? null
                    : (activity.kind.name() + "|" + activity.at + "|" + activity.complaintId)
                    .getBytes(StandardCharsets.UTF_8),
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\|", 3);
                return new CaseActivity(Kind.valueOf(parts[0]), parts[2], Long.parseLong(parts[1]));
            });
}
