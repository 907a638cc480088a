package com.makeitright.contract;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far each consumer group is behind (read by {@code ./complaints status}, the bench and followup's dashboard): committed offsets against the last stable offsets of the partitions
 * it reads (read_committed, as the exactly-once services read). A transactional topic's commit markers
 * occupy offsets too, so a caught-up group may show a lag of one per partition it last read a transaction on.
 */
public final class ConsumerLag {

    /** One consumer group's state and total lag over the partitions it has committed offsets for. */
    public record GroupLag(String group, String state, int partitions, long lag) {
    }

    private ConsumerLag() {
    }

    public static List<GroupLag> of(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        List<GroupLag> lags = new ArrayList<>();
        for (GroupListing group : admin.listGroups().all().get(5, TimeUnit.SECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    wanted.put(partition, OffsetSpec.latest());
                }
            });
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                    : admin.listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
            }
            String state = group.groupState().map(Enum::name).orElse("?");
            lags.add(new GroupLag(group.groupId(), state, wanted.size(), lag));
        }
        lags.sort(Comparator.comparing(GroupLag::group));
        return lags;
    }
}
