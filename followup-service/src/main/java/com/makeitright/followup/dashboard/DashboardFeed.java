package com.makeitright.followup.dashboard;

import com.makeitright.contract.ConsumerLag;
import com.makeitright.contract.Topic;
import com.makeitright.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the {@link DashboardModel} from the topics: one plain consumer, without a consumer group, assigned every
 * partition of every contract topic and its dead-letter topic, so each followup instance holds the whole system's
 * picture (one page shows everything, however many instances run). At start it seeks each partition to
 * {@code followup.dashboard.lookback} ago and folds forward: the model is rebuilt from the topics after every
 * restart, nothing is stored. It reads committed records only (the writers are transactional) and commits no
 * offsets. A record it cannot decode is counted and skipped: the dashboard never stops on one bad record.
 */
final class DashboardFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final DashboardModel model;
    private final DashboardPush push;
    private final DashboardProperties properties;
    private final Clock clock;
    private final Map<String, Deserializer<?>> decoders = new HashMap<>();
    private final Map<String, String> deadLetterTopics = new HashMap<>();
    private final Map<String, Long> deadLetters = new TreeMap<>();
    private final Map<String, Object> adminConfig = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    DashboardFeed(Map<String, Object> consumerConfig, DashboardModel model, DashboardPush push,
                  DashboardProperties properties, Clock clock) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "followup-dashboard");
        // the same connection (bootstrap, security) for the Admin client that reads the groups' lag
        this.consumerConfig.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                adminConfig.put(name, value);
            }
        });
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "followup-dashboard-lag");
        this.model = model;
        this.push = push;
        this.properties = properties;
        this.clock = clock;
        for (Topic<?> topic : Topics.ALL) {
            decoders.put(topic.name(), topic.serde().deserializer());
            deadLetterTopics.put(topic.deadLetterTopic(), topic.name());
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "dashboard-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig,
                    new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer());
                 Admin admin = Admin.create(adminConfig)) {
                consumer = c;
                follow(c, admin);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the broker went away or a topic changed: start over (the model keeps what it has; replays are
                // folded idempotently by round and stage)
                log.warn("dashboard feed failed, reconnecting: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c, Admin admin) {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextHousekeeping = 0;
        while (running) {
            long now = clock.millis();
            if (now >= nextHousekeeping) {
                assignNew(c, assigned, now);
                model.sweep(now);
                model.deadLetters(deadLetters);
                model.consumerLag(consumerLag(admin));
                nextHousekeeping = now + HOUSEKEEPING.toMillis();
            }
            if (assigned.isEmpty()) {
                sleepQuietly();
                continue;
            }
            ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
            int applied = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                applied += apply(record) ? 1 : 0;
            }
            if (applied > 0) {
                push.changed(model.version());
            }
        }
    }

    /** Adds the partitions of topics that exist now and were not assigned yet (they appear as services start). */
    private void assignNew(KafkaConsumer<String, byte[]> c, Set<TopicPartition> assigned, long now) {
        List<TopicPartition> found = new ArrayList<>();
        List<String> names = new ArrayList<>(decoders.keySet());
        names.addAll(deadLetterTopics.keySet());
        for (String name : names) {
            List<PartitionInfo> partitions = c.partitionsFor(name, Duration.ofSeconds(5));
            for (PartitionInfo p : partitions == null ? List.<PartitionInfo>of() : partitions) {
                TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                if (!assigned.contains(tp)) {
                    found.add(tp);
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        assigned.addAll(found);
        c.assign(assigned);
        long from = now - properties.lookback().toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        found.forEach(tp -> query.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(query, Duration.ofSeconds(10));
        List<TopicPartition> toEnd = new ArrayList<>();
        for (TopicPartition tp : found) {
            OffsetAndTimestamp offset = offsets.get(tp);
            if (offset == null) {
                toEnd.add(tp); // nothing newer than the lookback
            } else {
                c.seek(tp, offset.offset());
            }
        }
        if (!toEnd.isEmpty()) {
            // the end as of now, not seekToEnd: that is resolved lazily at the next poll, and would skip whatever
            // was written to the partition in between (a complaint's first events, as a service starts)
            c.endOffsets(toEnd, Duration.ofSeconds(10)).forEach(c::seek);
        }
        log.info("dashboard feed reads {} more partitions from {} on", found.size(), java.time.Instant.ofEpochMilli(from));
    }

    /**
     * Every consumer group's lag (the services' stream applications, the worker, webhook subscriptions), as
     * {@code ./complaints status} shows it; the last figures stay when the broker does not answer in time.
     */
    private Map<String, Long> consumerLag(Admin admin) {
        try {
            Map<String, Long> lags = new TreeMap<>();
            for (ConsumerLag.GroupLag group : ConsumerLag.of(admin)) {
                lags.put(group.group(), group.lag());
            }
            return lags;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("consumer lag not read now: {}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return null;
        }
    }

    private boolean apply(ConsumerRecord<String, byte[]> record) {
        String origin = deadLetterTopics.get(record.topic());
        if (origin != null) {
            deadLetters.merge(origin, 1L, Long::sum);
            model.deadLetters(deadLetters);
            return true;
        }
        if (record.value() == null) {
            return false;
        }
        try {
            Object event = decoders.get(record.topic()).deserialize(record.topic(), record.headers(), record.value());
            model.apply(event, clock.millis());
            return true;
        } catch (RuntimeException e) {
            // a record the service's own stream would dead-letter: the dashboard skips it and goes on
            log.warn("dashboard feed skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return false;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
