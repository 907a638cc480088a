package com.makeitright.contract;

import com.makeitright.events.ComplaintReceived;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Old records stay readable by new code, and old code reads new records (full compatibility). */
class SchemaEvolutionTest {

    private final SchemaHistory history = SchemaHistory.fromClasspath();
    private final Schema v1 = history.versions("ComplaintReceived").get(0).schema();

    @Test
    void theHistoryHoldsEveryEventAndTheCurrentSchemaOfEach() {
        for (Topic<?> topic : Topics.ALL) {
            assertThat(history.versions(topic.eventName())).as(topic.eventName()).isNotEmpty();
            assertThat(SchemaCompatibility.isRecorded(topic.schema(), history.versions(topic.eventName())))
                    .as(topic.eventName() + " current schema recorded").isTrue();
        }
        assertThat(history.versions("ComplaintReceived")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aRecordWrittenWithVersion1IsReadIntoTheCurrentClass() throws Exception {
        GenericRecord money = new GenericData.Record(v1.getField("order").schema().getTypes().get(1)
                .getField("amount").schema());
        money.put("amount", ByteBuffer.wrap(new java.math.BigDecimal("49.00").unscaledValue().toByteArray()));
        money.put("currency", "USD");
        Schema orderSchema = v1.getField("order").schema().getTypes().get(1);
        GenericRecord order = new GenericData.Record(orderSchema);
        order.put("id", "O-1001");
        order.put("sku", "CD-MKT-01");
        order.put("amount", money);
        Schema customerSchema = v1.getField("customer").schema();
        GenericRecord customer = new GenericData.Record(customerSchema);
        customer.put("id", "C-1001");
        customer.put("name", "Dana Reyes");
        customer.put("email", "dana.r@example.com");
        customer.put("tier", new GenericData.EnumSymbol(customerSchema.getField("tier").schema(), "STANDARD"));
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e-1");
        old.put("complaintId", "c-1");
        old.put("occurredAt", 1_763_900_000_000L);
        old.put("customer", customer);
        old.put("channel", new GenericData.EnumSymbol(v1.getField("channel").schema(), "PHONE"));
        old.put("subject", "Wrong CD shipped");
        old.put("description", "I received somebody's music backup.");
        old.put("order", order);
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old));

        ComplaintReceived read = Topics.COMPLAINTS_RECEIVED.serde().deserializer()
                .deserialize(Topics.COMPLAINTS_RECEIVED.name(), bytes);

        assertThat(read.getComplaintId()).isEqualTo("c-1");
        assertThat(read.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1_763_900_000_000L));
        assertThat(read.getOrder().getAmount().getAmount()).isEqualByComparingTo("49.00");
        assertThat(read.getRound()).as("default of a field added in v2").isEqualTo(1);
        assertThat(read.getReopenedFrom()).isNull();
        assertThat(read.getCustomer().getCustomerSince()).isNull();
    }

    @Test
    void aReaderOfVersion1ReadsTheCurrentSchema() throws Exception {
        ComplaintReceived current = new RandomEvents(11, false).next(ComplaintReceived.class);
        byte[] bytes = Topics.COMPLAINTS_RECEIVED.serde().serializer().serialize("t", current);
        SchemaStore.Cache writers = new SchemaStore.Cache();
        writers.addSchema(Topics.COMPLAINTS_RECEIVED.schema());

        GenericRecord old = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), v1, writers).decode(bytes);

        assertThat(old.get("complaintId").toString()).isEqualTo(current.getComplaintId());
        assertThat(old.get("subject").toString()).isEqualTo(current.getSubject());
        assertThat(old.getSchema().getField("round")).isNull();
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
