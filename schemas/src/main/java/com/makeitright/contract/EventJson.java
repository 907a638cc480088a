package com.makeitright.contract;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events as plain JSON values: records become maps in field order, timestamps ISO-8601 strings, money an
 * exact decimal number, enums their symbol, written by Jackson. Used by {@code ./complaints tail}, the status view
 * and intake's request fingerprint.
 */
public final class EventJson {

    /** Decimals as plain digits ("1000.00", never "1.0E+3"), and "/" unescaped, as the JSON has always been written. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    private EventJson() {
    }

    /** The event as nested {@code Map}/{@code List}/String/Number/Boolean values, ready for any JSON writer. */
    public static Map<String, Object> toMap(IndexedRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            map.put(field.name(), plain(record.get(field.pos())));
        }
        return map;
    }

    /** The event as one line of JSON. */
    public static String toJson(IndexedRecord record) {
        return JSON.writeValueAsString(toMap(record));
    }

    private static Object plain(Object value) {
        if (value instanceof IndexedRecord nested) {
            return toMap(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<String, Object> copy = new LinkedHashMap<>();
            entries.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (value instanceof GenericEnumSymbol<?> || value instanceof CharSequence
                || value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return Base64.getEncoder().encodeToString(raw);
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null; // JSON has no NaN or infinity
        }
        return value; // null, Boolean, Integer, Long, Double, BigDecimal
    }
}
