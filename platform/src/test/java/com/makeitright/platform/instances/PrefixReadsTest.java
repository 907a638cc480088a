package com.makeitright.platform.instances;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixReadsTest {

    @TempDir
    Path stateDir;

    @Test
    void readsExactlyTheKeysWithThePrefixIncludingAroundAByteOf0xFF() {
        KeyValueStore<Bytes, byte[]> store = bytesStore("bytes");
        for (String hex : List.of("01", "0102", "01ff", "01ff00", "01ffff", "02", "0200", "00ff")) {
            store.put(Bytes.wrap(HexFormat.of().parseHex(hex)), hex.getBytes());
        }

        assertThat(keys(PrefixReads.of(store, bytes("01")))).containsExactly("01", "0102", "01ff", "01ff00", "01ffff");
        assertThat(keys(PrefixReads.of(store, bytes("01ff")))).containsExactly("01ff", "01ff00", "01ffff");
        assertThat(keys(PrefixReads.of(store, bytes("ff")))).isEmpty();
        assertThat(keys(PrefixReads.of(store, bytes("02")))).containsExactly("02", "0200");
        store.close();
    }

    @Test
    void readsStringKeysWithThePrefixAndNotTheNeighbours() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("strings"),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(context().getStateStoreContext(), store);
        for (String key : List.of("ann", "ann|1", "ann|2", "ann}", "ann|é", "anna|1", "bob|1")) {
            store.put(key, new byte[0]);
        }

        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = PrefixReads.of(store, "ann|")) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }

        assertThat(keys).containsExactly("ann|1", "ann|2", "ann|é");
        store.close();
    }

    @Test
    void theBoundAfterAPrefixSkipsTrailing0xFFBytes() {
        assertThat(PrefixReads.after(HexFormat.of().parseHex("01ff"))).containsExactly(0x02);
        assertThat(PrefixReads.after(HexFormat.of().parseHex("0a0b"))).containsExactly(0x0a, 0x0c);
        assertThat(PrefixReads.after(HexFormat.of().parseHex("ffff"))).isNull();
    }

    /**
     * The crash this class exists for: a read from another thread while the store is closed (a rebalance closing the
     * task). With {@code store.prefixScan} in place of {@link PrefixReads} this test kills its JVM with SIGSEGV in
     * about every other run of 300 rounds (every run of 1,000, measured); here each read either completes or fails
     * with the {@link InvalidStateStoreException} that callers retry.
     */
    @Test
    void aStoreClosedWhileAnotherThreadReadsItFailsTheReadNotTheJvm() throws Exception {
        AtomicReference<KeyValueStore<Bytes, byte[]>> current = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int rounds = 300;
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (current.get() != null || reads.get() + refused.get() == 0) {
                KeyValueStore<Bytes, byte[]> store = current.get();
                if (store == null) {
                    Thread.onSpinWait();
                    continue;
                }
                try (KeyValueIterator<Bytes, byte[]> entries = PrefixReads.of(store, bytes("01"))) {
                    entries.forEachRemaining(entry -> { });
                    reads.incrementAndGet();
                } catch (InvalidStateStoreException closed) {
                    refused.incrementAndGet();
                }
            }
        });
        for (int round = 0; round < rounds; round++) {
            KeyValueStore<Bytes, byte[]> store = bytesStore("round-" + round);
            for (int i = 0; i < 50; i++) {
                store.put(Bytes.wrap(new byte[] {1, (byte) i}), new byte[16]);
            }
            current.set(store);
            int seen = reads.get() + refused.get();
            while (reads.get() + refused.get() < seen + 3) {
                Thread.onSpinWait(); // let the reader be mid-scan when the store closes
            }
            store.close();
        }
        current.set(null);
        reader.get(60, TimeUnit.SECONDS);

        assertThat(reads.get() + refused.get()).isGreaterThanOrEqualTo(rounds * 3);
    }

    private KeyValueStore<Bytes, byte[]> bytesStore(String name) {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(context().getStateStoreContext(), store);
        return store;
    }

    private MockProcessorContext<Object, Object> context() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "prefix-reads-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        return new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.toFile());
    }

    private static Bytes bytes(String hex) {
        return Bytes.wrap(HexFormat.of().parseHex(hex));
    }

    private static List<String> keys(KeyValueIterator<Bytes, byte[]> entries) {
        List<String> keys = new ArrayList<>();
        try (entries) {
            entries.forEachRemaining((KeyValue<Bytes, byte[]> entry) ->
                    keys.add(HexFormat.of().formatHex(entry.key.get())));
        }
        return keys;
    }
}
