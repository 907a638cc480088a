package com.makeitright.intake.status;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which intake instance's status view holds a complaint: the active host of its partition, as Kafka Streams
 * knows it from every instance's {@code application.server}. The store is keyed and partitioned by complaint id
 * like every topic it folds, so the complaint id's partition is the store's.
 */
@Component
class ViewOwners {

    private static final Serializer<String> KEYS = new StringSerializer();

    private final StreamsBuilderFactoryBean streams;
    private final HostInfo self;

    ViewOwners(StreamsBuilderFactoryBean streams, ViewRoutingProperties routing) {
        this.streams = streams;
        this.self = routing.routing() ? hostInfo(routing) : null;
    }

    static HostInfo hostInfo(ViewRoutingProperties routing) {
        return new HostInfo(routing.advertisedUrl().getHost(), routing.advertisedUrl().getPort());
    }

    /**
     * The other instance holding the complaint; empty when this one does (or runs alone). Fails with
     * {@link InvalidStateStoreException} (retried, then 503) while no instance holds it: the group is rebalancing.
     */
    Optional<HostInfo> elsewhere(String complaintId) {
        if (self == null) {
            return Optional.empty();
        }
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("the stream application is not started");
        }
        KeyQueryMetadata metadata;
        try {
            metadata = running.queryMetadataForKey(StatusViewTopology.STORE, complaintId, KEYS);
        } catch (IllegalStateException e) {
            throw new InvalidStateStoreException("the stream application is not running: " + e.getMessage());
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new InvalidStateStoreException("no instance holds complaint " + complaintId
                    + "'s partition now (the group is rebalancing)");
        }
        HostInfo owner = metadata.activeHost();
        return owner.equals(self) ? Optional.empty() : Optional.of(owner);
    }

    /**
     * The other instances of the group (each instance's {@code application.server}); empty when this one runs alone.
     * Fails with {@link InvalidStateStoreException} while this instance is not (yet) a member.
     */
    List<HostInfo> others() {
        if (self == null) {
            return List.of();
        }
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("the stream application is "
                    + (running == null ? "not started" : running.state().name().toLowerCase(java.util.Locale.ROOT)));
        }
        List<HostInfo> hosts = running.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .distinct().toList();
        if (!hosts.contains(self)) {
            throw new InvalidStateStoreException("this instance is not a member of its group yet");
        }
        return hosts.stream().filter(host -> !host.equals(self)).toList();
    }

    /** Whether this instance's view folds the complaint's events; when unknown (rebalancing), assumed so. */
    boolean appliedHere(String complaintId) {
        try {
            return elsewhere(complaintId).isEmpty();
        } catch (InvalidStateStoreException e) {
            return true; // the longer TTL: its bound holds either way
        }
    }
}
