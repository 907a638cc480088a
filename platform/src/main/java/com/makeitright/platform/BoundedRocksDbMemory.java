package com.makeitright.platform;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the off-heap memory of every RocksDB store of the process together (the pattern from Kafka Streams'
 * memory-management guide): one LRU block cache, holding index and filter blocks too, and a write buffer manager
 * that charges every memtable to that cache. Without it each store instance (per partition, per window segment)
 * brings its own 50 MB cache and 3 x 16 MB memtables. Public: Kafka Streams instantiates it by class name.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final String BLOCK_CACHE_BYTES = "makeitright.rocksdb.block.cache.bytes";
    static final String WRITE_BUFFER_BYTES = "makeitright.rocksdb.write.buffer.bytes";

    /** Shared by every store of the process; created by the first store, never closed (they outlive any store). */
    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(configs));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.min(4L << 20, bytes(configs, WRITE_BUFFER_BYTES, 8L << 20)));
        options.setTableFormatConfig(table);
    }

    private static synchronized Cache sharedCache(Map<String, Object> configs) {
        if (cache == null) {
            long cacheBytes = bytes(configs, BLOCK_CACHE_BYTES, 16L << 20);
            long writeBufferBytes = Math.min(cacheBytes, bytes(configs, WRITE_BUFFER_BYTES, 8L << 20));
            cache = new LRUCache(cacheBytes, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager(writeBufferBytes, cache);
        }
        return cache;
    }

    private static long bytes(Map<String, Object> configs, String key, long fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Long.parseLong(value.toString());
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store instance: not closed here
    }
}
