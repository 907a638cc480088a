package com.makeitright.contract;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fills every field of an event with random but valid values, so round trips cover the whole schema. */
final class RandomEvents {

    private final Random random;
    private final boolean nullsAllowed;

    static {
        AvroTrust.install(); // the generator instantiates event classes before any serde does
    }

    RandomEvents(long seed, boolean nullsAllowed) {
        this.random = new Random(seed);
        this.nullsAllowed = nullsAllowed;
    }

    <T extends SpecificRecord> T next(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        @SuppressWarnings("unchecked")
        T event = (T) value(model, model.getSchema(type));
        return event;
    }

    private Object value(SpecificData model, Schema schema) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            int digits = Math.min(decimal.getPrecision(), 9);
            BigInteger unscaled = BigInteger.valueOf(random.nextInt((int) Math.pow(10, digits)));
            return new BigDecimal(unscaled, decimal.getScale());
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
        }
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
            return LocalDate.ofEpochDay(18_000 + random.nextInt(3_000));
        }
        return switch (schema.getType()) {
            case RECORD -> {
                Object record = model.newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    model.setField(record, field.name(), field.pos(), value(model, field.schema()));
                }
                yield record;
            }
            case ENUM -> model.createEnum(schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())), schema);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (int i = random.nextInt(3) + 1; i > 0; i--) {
                    items.add(value(model, schema.getElementType()));
                }
                yield items;
            }
            case UNION -> {
                List<Schema> branches = schema.getTypes().stream()
                        .filter(b -> nullsAllowed || b.getType() != Schema.Type.NULL).toList();
                yield value(model, branches.get(random.nextInt(branches.size())));
            }
            case STRING -> "s" + Long.toHexString(random.nextLong()) + " ✓ \"quoted\"";
            case INT -> random.nextInt(1000);
            case LONG -> random.nextLong();
            case DOUBLE -> random.nextDouble();
            case BOOLEAN -> random.nextBoolean();
            case NULL -> null;
            case BYTES -> { // sealed personal data: opaque bytes
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                yield java.nio.ByteBuffer.wrap(bytes);
            }
            default -> throw new IllegalArgumentException("no generator for " + schema);
        };
    }
}
