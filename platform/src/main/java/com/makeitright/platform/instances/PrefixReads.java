package com.makeitright.platform.instances;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * The entries whose key starts with a prefix, for reads from outside the stream thread (HTTP requests, interactive
 * queries). Why not {@code prefixScan}: in Kafka Streams 4.2 {@code RocksDBStore.prefixScan} is the one iterator
 * that is not {@code synchronized} against {@code close()}, so a request scanning a store while a rebalance closes
 * its task opens a RocksDB iterator on a closed database and the JVM dies with SIGSEGV (seen in the scale-out drill:
 * intake's open-cases read, {@code rocksdb::DBImpl::NewIteratorImpl}). {@code range} is synchronized and checks that
 * the store is open, so the same race ends in an {@code InvalidStateStoreException} the callers already retry.
 * <p>
 * The range runs from the prefix to the first key after every key with it (inclusive, so that one key is filtered
 * out); across the partitions of a composite store each partition's range holds only the prefix's entries.
 * Processors on the stream thread keep {@code prefixScan}: the thread that closes a task is the one reading it.
 */
public final class PrefixReads {

    private PrefixReads() {
    }

    /** The entries whose key bytes start with {@code prefix}, in key order within each partition. */
    public static <V> KeyValueIterator<Bytes, V> of(ReadOnlyKeyValueStore<Bytes, V> store, Bytes prefix) {
        byte[] start = prefix.get();
        byte[] after = after(start);
        return new Filtered<>(store.range(prefix, after == null ? null : Bytes.wrap(after)),
                key -> startsWith(key.get(), start));
    }

    /** The entries whose (UTF-8 serialized) key starts with {@code prefix}. */
    public static <V> KeyValueIterator<String, V> of(ReadOnlyKeyValueStore<String, V> store, String prefix) {
        byte[] after = after(prefix.getBytes(StandardCharsets.UTF_8));
        // UTF-8 byte order is code point order, so the bound's bytes decode to a string that sorts after the prefix's
        // keys; a bound that is not valid UTF-8 (a cut multi-byte character) would not, so it is left open instead
        String bound = after == null ? null : new String(after, StandardCharsets.UTF_8);
        if (bound != null && !Arrays.equals(bound.getBytes(StandardCharsets.UTF_8), after)) {
            bound = null;
        }
        return new Filtered<>(store.range(prefix, bound), key -> key.startsWith(prefix));
    }

    /** The smallest byte string greater than every string starting with {@code prefix}; null when there is none. */
    static byte[] after(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] bound = Arrays.copyOf(prefix, i + 1);
                bound[i]++;
                return bound;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Skips the entries whose key fails the test (at most the range's upper bound per partition). */
    private static final class Filtered<K, V> implements KeyValueIterator<K, V> {

        private final KeyValueIterator<K, V> range;
        private final Predicate<K> keep;
        private KeyValue<K, V> next;

        Filtered(KeyValueIterator<K, V> range, Predicate<K> keep) {
            this.range = range;
            this.keep = keep;
        }

        @Override
        public boolean hasNext() {
            while (next == null && range.hasNext()) {
                KeyValue<K, V> entry = range.next();
                if (keep.test(entry.key)) {
                    next = entry;
                }
            }
            return next != null;
        }

        @Override
        public KeyValue<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<K, V> entry = next;
            next = null;
            return entry;
        }

        @Override
        public K peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            range.close();
        }
    }
}
