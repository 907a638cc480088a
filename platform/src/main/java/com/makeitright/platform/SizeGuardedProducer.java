package com.makeitright.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The Streams producer, refusing a record too large to send before the Kafka client sees it. Why: the client
 * refuses it too (same estimate, same limits), but inside a transaction it also marks the transaction as failed, so
 * under exactly-once the commit aborts, the task replays the input, produces the same record and fails again,
 * forever, whatever the production exception handler says. Refused here, the record fails only its own send
 * (the callback gets the {@link RecordTooLargeException}), the {@link DeadLetteringProductionHandler} skips it and
 * dead-letters its input, and the transaction commits.
 * <p>
 * Records that only the broker refuses (larger than a topic's {@code max.message.bytes} but within the producer's
 * {@code max.request.size}) still abort the transaction: keep {@code max.request.size} at or below the topics' limit
 * (the defaults are: 1 MiB against 1 MiB + 12 bytes).
 */
final class SizeGuardedProducer extends KafkaProducer<byte[], byte[]> {

    private final long limit;
    private final CompressionType compression;

    SizeGuardedProducer(Map<String, Object> config) {
        super(config, new ByteArraySerializer(), new ByteArraySerializer());
        // Parsed by the definition, not by new ProducerConfig(...), which would log the whole config a second time.
        Map<String, Object> parsed = ProducerConfig.configDef().parse(withByteSerializers(config));
        this.limit = Math.min((Integer) parsed.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                (Long) parsed.get(ProducerConfig.BUFFER_MEMORY_CONFIG));
        this.compression = CompressionType.forName((String) parsed.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, compression,
                record.key(), record.value(), record.headers().toArray());
        if (size <= limit) {
            return super.send(record, callback);
        }
        RecordTooLargeException tooLarge = new RecordTooLargeException("The record to " + record.topic() + " is "
                + size + " bytes when serialized, more than the producer's limit of " + limit + " bytes ("
                + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + ", " + ProducerConfig.BUFFER_MEMORY_CONFIG + ")");
        if (callback != null) {
            TopicPartition partition = new TopicPartition(record.topic(),
                    record.partition() == null ? RecordMetadata.UNKNOWN_PARTITION : record.partition());
            callback.onCompletion(new RecordMetadata(partition, -1, 0, RecordBatch.NO_TIMESTAMP, -1, -1), tooLarge);
        }
        return CompletableFuture.failedFuture(tooLarge);
    }

    /** The config Streams passes has no serializers (it gives instances); parsing it needs some. */
    private static Map<String, Object> withByteSerializers(Map<String, Object> config) {
        Map<String, Object> copy = new java.util.HashMap<>(config);
        copy.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        copy.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return copy;
    }

    /** Kafka Streams' default clients, with the guarded producer. */
    static final class Supplier implements KafkaClientSupplier {

        @Override
        public Admin getAdmin(Map<String, Object> config) {
            return Admin.create(config);
        }

        @Override
        public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
            return new SizeGuardedProducer(config);
        }

        @Override
        public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
            return getConsumer(config);
        }

        @Override
        public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
            return getConsumer(config);
        }
    }
}
