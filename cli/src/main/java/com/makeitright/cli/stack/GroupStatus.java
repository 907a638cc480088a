package com.makeitright.cli.stack;

import com.makeitright.contract.ConsumerLag;

import java.util.List;

/**
 * One consumer group as {@code ./complaints status} shows it: its state and lag, and its members (with several
 * instances of a service, one per instance and stream thread).
 */
public record GroupStatus(ConsumerLag.GroupLag lag, List<Member> members) {

    public GroupStatus {
        members = List.copyOf(members);
    }

    /** A member of the group: its client id (Kafka Streams': application id, process id, thread), host, partitions. */
    public record Member(String clientId, String host, int partitions) {
    }
}
