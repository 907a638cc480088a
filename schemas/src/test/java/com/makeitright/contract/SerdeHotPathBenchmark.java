package com.makeitright.contract;

import com.makeitright.events.ComplaintReceived;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Decoding and encoding an event the way a record's path does it (a serde made on the spot, as intake's stored
 * events did per event), against the former path that built Avro's message decoder and schema store per serde
 * (fingerprinting every schema in the history: {@code SchemaNormalization.toParsingForm}), in the same run.
 * Prints nanoseconds per record and the ratio; never asserts a time. Run: {@code java -cp ... SerdeHotPathBenchmark
 * [seconds per path]} or through {@link SerdeHotPathBenchmarkTest}.
 */
public final class SerdeHotPathBenchmark {

    private SerdeHotPathBenchmark() {
    }

    record Result(String path, double nanosPerRecord) {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        run(seconds).forEach(line -> System.out.println(line));
    }

    static List<String> run(double secondsPerPath) {
        String topic = Topics.COMPLAINTS_RECEIVED.name();
        RandomEvents random = new RandomEvents(17, false);
        List<byte[]> records = new ArrayList<>();
        List<ComplaintReceived> events = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ComplaintReceived event = random.next(ComplaintReceived.class);
            events.add(event);
            records.add(new EventSerializer<ComplaintReceived>().serialize(topic, event));
        }
        SchemaHistory history = SchemaHistory.fromClasspath();
        SpecificData model = SpecificData.getForClass(ComplaintReceived.class);
        Deserializer<ComplaintReceived> reused = Topics.COMPLAINTS_RECEIVED.serde().deserializer();
        long[] sink = new long[1];

        IntConsumer formerDecode = i -> {
            SchemaStore.Cache store = new SchemaStore.Cache(); // what SchemaHistory.schemaStore() built per call
            Topics.ALL.forEach(t -> history.versions(t.eventName()).forEach(v -> store.addSchema(v.schema())));
            BinaryMessageDecoder<ComplaintReceived> decoder =
                    new BinaryMessageDecoder<>(model, model.getSchema(ComplaintReceived.class), store);
            try {
                sink[0] += decoder.decode(records.get(i & 255)).getRound();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        IntConsumer currentDecode = i -> sink[0] += Topics.COMPLAINTS_RECEIVED.serde().deserializer()
                .deserialize(topic, records.get(i & 255)).getRound();
        IntConsumer reusedDecode = i -> sink[0] += reused.deserialize(topic, records.get(i & 255)).getRound();
        IntConsumer formerEncode = i -> {
            ComplaintReceived event = events.get(i & 255);
            try {
                ByteBuffer bytes = new BinaryMessageEncoder<ComplaintReceived>(model, event.getSchema()).encode(event);
                sink[0] += bytes.remaining();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        };
        IntConsumer currentEncode = i -> sink[0] += new EventSerializer<ComplaintReceived>()
                .serialize(topic, events.get(i & 255)).length;

        // warm every path first, then measure each in turn
        for (IntConsumer path : List.of(formerDecode, currentDecode, reusedDecode, formerEncode, currentEncode)) {
            measure(path, Math.min(0.5, secondsPerPath / 2));
        }
        Result former = new Result("decode, serde made per record, before (decoder + schema store per serde)",
                measure(formerDecode, secondsPerPath));
        Result current = new Result("decode, serde made per record, now (decoder cached per class)",
                measure(currentDecode, secondsPerPath));
        Result floor = new Result("decode, one serde reused (the floor)", measure(reusedDecode, secondsPerPath));
        Result formerE = new Result("encode, serializer made per record, before (encoder per serializer)",
                measure(formerEncode, secondsPerPath));
        Result currentE = new Result("encode, serializer made per record, now (encoder cached per class)",
                measure(currentEncode, secondsPerPath));
        List<String> lines = new ArrayList<>();
        for (Result r : List.of(former, current, floor, formerE, currentE)) {
            lines.add(String.format(Locale.ROOT, "%-72s %10.0f ns/record", r.path(), r.nanosPerRecord()));
        }
        lines.add(String.format(Locale.ROOT, "decode speed-up, before/now: %.1fx (now/floor: %.2f)",
                former.nanosPerRecord() / current.nanosPerRecord(), current.nanosPerRecord() / floor.nanosPerRecord()));
        lines.add(String.format(Locale.ROOT, "encode speed-up, before/now: %.1fx",
                formerE.nanosPerRecord() / currentE.nanosPerRecord()));
        lines.add("(checksum " + sink[0] + ")");
        return lines;
    }

    private static double measure(IntConsumer path, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        while ((n & 63) != 0 || System.nanoTime() < deadline) {
            path.accept(n++);
        }
        return (System.nanoTime() - start) / (double) n;
    }
}
