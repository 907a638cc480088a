package com.makeitright.platform;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared settings bind into a validated record with their defaults; RocksDB gets the shared, bounded cache. */
class PlatformPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsApplyWhenNothingIsSet() {
        runner.run(context -> {
            PlatformProperties properties = context.getBean(PlatformProperties.class);
            assertThat(properties.topics().partitions()).isEqualTo(3);
            assertThat(properties.topics().replicationFactor()).isEqualTo((short) 1);
            assertThat(properties.topics().retention()).isNull();
            assertThat(properties.deadLetter().maxAttempts()).isEqualTo(3);
            assertThat(properties.streams().rocksdbBlockCache()).isEqualTo(DataSize.ofMegabytes(16));
            assertThat(properties.streams().commitInterval()).isNull();
        });
    }

    @Test
    void settingsBindAndNonsenseFailsTheStart() {
        runner.withPropertyValues("makeitright.kafka.streams.commit-interval=PT0.02S",
                "makeitright.kafka.streams.rocksdb-block-cache=32MB").run(context -> {
            PlatformProperties properties = context.getBean(PlatformProperties.class);
            assertThat(properties.streams().commitInterval()).isEqualTo(Duration.ofMillis(20));
            assertThat(properties.streams().rocksdbBlockCache()).isEqualTo(DataSize.ofMegabytes(32));
        });
        runner.withPropertyValues("makeitright.kafka.dead-letter.max-attempts=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("maxAttempts"));
    }

    @Test
    void everyStoreSharesOneBlockCache() {
        RocksDB.loadLibrary();
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options first = new Options(); Options second = new Options()) {
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            Map<String, Object> configs = Map.of(BoundedRocksDbMemory.BLOCK_CACHE_BYTES, 16L << 20,
                    BoundedRocksDbMemory.WRITE_BUFFER_BYTES, 8L << 20);
            setter.setConfig("a", first, configs);
            setter.setConfig("b", second, configs);

            assertThat(first.writeBufferSize()).isEqualTo(4L << 20);
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }
}
