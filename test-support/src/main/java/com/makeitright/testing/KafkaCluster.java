package com.makeitright.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A real Kafka cluster of three brokers in-process (Kafka's own test kit, which spring-kafka-test's broker uses too),
 * configured like {@code ./complaints up --brokers 3}: the offsets and transaction state topics with three replicas
 * and {@code min.insync.replicas=2}, so one broker can be stopped with no acknowledged write lost and writes still
 * accepted. Services under test need {@code makeitright.kafka.topics.replication-factor=3} for their own topics.
 * <p>
 * A broker is stopped without controlled shutdown, as a killed one: its partitions move once the controller fences it
 * ({@code broker.session.timeout.ms}: 2 s here, Kafka's default 9 s). The controller is a node of its own, never stopped: with three combined
 * nodes, as {@code @EmbeddedKafka(count = 3)} makes them, this test kit's quorum fails at start (a voter's
 * UpdateRaftVoter request is answered INVALID_REQUEST, which stops its raft thread).
 */
public final class KafkaCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
    }

    /** Starts the brokers and a controller, and returns once every broker is ready. */
    public static KafkaCluster start(int brokers) {
        // a fatal error in a node must fail the test, not exit the test JVM
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Kafka node exited (" + status + "): " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Kafka node halted (" + status + "): " + message);
        });
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auto.create.topics.enable", false);
        config.put("offsets.topic.replication.factor", (short) Math.min(3, brokers));
        config.put("transaction.state.log.replication.factor", (short) Math.min(3, brokers));
        config.put("transaction.state.log.min.isr", brokers >= 3 ? 2 : 1);
        config.put("min.insync.replicas", brokers >= 3 ? 2 : 1);
        config.put("group.initial.rebalance.delay.ms", 0);
        config.put("controlled.shutdown.enable", false);
        // a stopped broker is fenced after 2 s without a heartbeat (Kafka's default: 9 s), to keep tests short
        config.put("broker.session.timeout.ms", 2_000);
        config.put("broker.heartbeat.interval.ms", 500);
        // kept small, as the local stack keeps them: a few groups and transactional producers, three nodes on the
        // test's cores
        config.put("offsets.topic.num.partitions", 6);
        config.put("transaction.state.log.num.partitions", 6);
        config.put("num.io.threads", 2);
        config.put("num.network.threads", 2);
        config.put("num.replica.fetchers", 1);
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(false).setNumBrokerNodes(brokers).setNumControllerNodes(1).build());
            config.forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaCluster(kit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a Kafka cluster of " + brokers + " brokers", e);
        }
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    /** The brokers' node ids, as topic metadata names leaders. */
    public Set<Integer> brokerIds() {
        return Set.copyOf(kit.brokers().keySet());
    }

    /** Stops one broker at once (no controlled shutdown); its data stays for {@link #startBroker}. */
    public void stopBroker(int id) {
        kit.brokers().get(id).shutdown();
    }

    /** Starts a stopped broker again on its old port and data: it rejoins and catches up. */
    public void startBroker(int id) {
        kit.brokers().get(id).startup();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
