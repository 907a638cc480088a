package com.makeitright.contract;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/asyncapi.yaml (AsyncAPI 3.0) from {@link Topics}: one channel per contract topic and its dead-letter
 * topic, the event's Avro schema by reference to its .avsc with the fingerprint its records carry, the writer's
 * send operation and each reader's receive operation. Who writes and who reads is not in {@code Topics} (only its
 * comments), so it is listed here, from design.md and docs/architecture.md; a topic missing here fails generation.
 * Strings are written as JSON strings, which YAML reads as they are.
 */
final class AsyncApiDocument {

    static final String FILE = "docs/asyncapi.yaml";
    static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";

    /** topic → writer, then readers (design.md's producer column, the README's "read by"). */
    static final Map<String, List<String>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("complaints.received", List.of("intake", "triage", "followup", "intake"));
        SERVICES.put("complaints.contacts-added", List.of("intake", "followup", "intake"));
        SERVICES.put("complaints.acknowledged", List.of("triage", "remedy", "followup", "intake"));
        SERVICES.put("complaints.acknowledgement-approvals", List.of("intake", "intake"));
        SERVICES.put("complaints.remedy-offered", List.of("remedy", "followup", "intake"));
        SERVICES.put("complaints.remedy-responses", List.of("intake", "remedy", "followup", "intake"));
        SERVICES.put("complaints.approvals", List.of("intake", "remedy", "followup", "intake"));
        SERVICES.put("complaints.remedy-fulfilled", List.of("intake", "remedy", "followup", "intake"));
        SERVICES.put("complaints.resolved", List.of("remedy", "followup", "triage", "remedy", "intake"));
        SERVICES.put("complaints.follow-up-due", List.of("followup", "intake"));
        SERVICES.put("complaints.customer-notified", List.of("followup-worker", "followup", "intake"));
        SERVICES.put("complaints.follow-up-outcomes", List.of("intake", "followup", "intake"));
        SERVICES.put("complaints.prevention-actions", List.of("followup"));
        SERVICES.put("customers.erased", List.of("intake", "followup"));
        SERVICES.put("customers.contact-preferences", List.of("intake", "followup-worker"));
    }

    private AsyncApiDocument() {
    }

    /** Regenerates the file: run from the repository root, or see AsyncApiContractTest for the Maven way. */
    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args.length > 0 ? args[0] : FILE), generate());
    }

    static String generate() {
        StringBuilder y = new StringBuilder();
        y.append("# Generated from com.makeitright.contract.Topics by AsyncApiDocument (schemas tests); do not edit.\n");
        y.append("# Regenerate: ").append(AsyncApiContractTest.REGENERATE).append('\n');
        y.append("asyncapi: 3.0.0\n");
        y.append("info:\n");
        y.append("  title: ").append(q("Make It Right: events")).append('\n');
        y.append("  version: \"1\"\n");
        y.append("  description: ").append(q("Every contract topic of Make It Right. Each topic carries one event"
                + " type with a single writer; records are keyed by complaint id (a string), so one complaint's"
                + " events stay in order; customers.erased and customers.contact-preferences (compacted), about a customer, are keyed by customer id. Values are Avro in single-object encoding: 0xC3 0x01, the 8-byte"
                + " little-endian CRC-64-AVRO fingerprint of the writer schema (x-avro-fingerprint below: the"
                + " current schema's 8 bytes in hex, as on the wire; older ones are in schemas/src/main/resources/schema-history), then the Avro binary"
                + " body. The .avsc files refer to named types in schemas/src/main/avro/types. A record that a"
                + " reader cannot decode or process goes to <topic>.DLT with the reason in kafka_dlt-* headers."))
                .append('\n');
        y.append("defaultContentType: application/octet-stream\n");
        y.append("servers:\n");
        y.append("  local:\n");
        y.append("    host: localhost:9092\n");
        y.append("    protocol: kafka\n");
        y.append("    description: ").append(q("the broker of ./complaints up (KAFKA_BOOTSTRAP_SERVERS elsewhere)"))
                .append('\n');

        y.append("channels:\n");
        for (Topic<?> topic : Topics.ALL) {
            String event = topic.eventName();
            y.append("  ").append(id(topic.name())).append(":\n");
            y.append("    address: ").append(q(topic.name())).append('\n');
            y.append("    description: ").append(q(event + ", written by " + module(writer(topic)) + " only"))
                    .append('\n');
            y.append("    messages:\n");
            y.append("      ").append(event).append(":\n");
            y.append("        $ref: ").append(q("#/components/messages/" + event)).append('\n');
            kafkaChannelBinding(y, topic.name());
        }
        for (Topic<?> topic : Topics.ALL) {
            y.append("  ").append(id(topic.deadLetterTopic())).append(":\n");
            y.append("    address: ").append(q(topic.deadLetterTopic())).append('\n');
            y.append("    description: ").append(q("Records of " + topic.name() + " that a reader could not decode,"
                    + " or whose processing failed after its retries; written by the reading service."))
                    .append('\n');
            y.append("    messages:\n");
            y.append("      DeadLetter:\n");
            y.append("        $ref: \"#/components/messages/DeadLetter\"\n");
            kafkaChannelBinding(y, topic.deadLetterTopic());
        }

        y.append("operations:\n");
        for (Topic<?> topic : Topics.ALL) {
            List<String> services = services(topic);
            String event = topic.eventName();
            operation(y, services.get(0), services.get(0) + "-sends-" + event, "send", topic,
                    module(services.get(0)) + " is the single writer of " + event);
            for (String reader : services.subList(1, services.size()).stream().distinct().toList()) {
                operation(y, reader, reader + "-receives-" + event, "receive", topic,
                        module(reader) + " reads " + event);
            }
        }

        y.append("components:\n");
        y.append("  messages:\n");
        for (Topic<?> topic : Topics.ALL) {
            Schema schema = topic.schema();
            String event = topic.eventName();
            y.append("    ").append(event).append(":\n");
            y.append("      name: ").append(event).append('\n');
            y.append("      title: ").append(q(event)).append('\n');
            if (schema.getDoc() != null) {
                y.append("      summary: ").append(q(schema.getDoc())).append('\n');
            }
            y.append("      contentType: application/octet-stream\n");
            y.append("      payload:\n");
            y.append("        schemaFormat: ").append(q(AVRO_FORMAT)).append('\n');
            y.append("        schema:\n");
            y.append("          $ref: ").append(q("../" + avsc(topic))).append('\n');
            y.append("      bindings:\n");
            y.append("        kafka:\n");
            y.append("          key:\n");
            y.append("            type: string\n");
            y.append("            description: ").append(q(topic == Topics.CUSTOMERS_ERASED ? "the customer id"
                    : "the complaint id")).append('\n');
            y.append("          bindingVersion: 0.5.0\n");
            y.append("      x-avro-schema: ").append(q(schema.getFullName())).append('\n');
            y.append("      x-avro-fingerprint: ").append(q(fingerprint(schema))).append('\n');
        }
        y.append("    DeadLetter:\n");
        y.append("      name: DeadLetter\n");
        y.append("      summary: ").append(q("The original record, key and value bytes unchanged, plus why it"
                + " failed in the kafka_dlt-* headers (see docs/architecture.md, Dead letters).")).append('\n');
        y.append("      contentType: application/octet-stream\n");
        y.append("      payload:\n");
        y.append("        type: string\n");
        y.append("        format: binary\n");
        y.append("      bindings:\n");
        y.append("        kafka:\n");
        y.append("          key:\n");
        y.append("            type: string\n");
        y.append("            description: \"the complaint id (the original record's key)\"\n");
        y.append("          bindingVersion: 0.5.0\n");
        return y.toString();
    }

    /** The .avsc of a topic's event, relative to the repository root. */
    static String avsc(Topic<?> topic) {
        return "schemas/src/main/avro/" + topic.eventName() + ".avsc";
    }

    /** The fingerprint's 8 bytes in hex, in wire order (little-endian), as a reader finds them at bytes 2-9. */
    static String fingerprint(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", (fingerprint >>> (8 * i)) & 0xff));
        }
        return hex.toString();
    }

    private static List<String> services(Topic<?> topic) {
        List<String> services = SERVICES.get(topic.name());
        if (services == null) {
            throw new IllegalStateException(topic.name() + " has no writer in AsyncApiDocument.SERVICES: add its"
                    + " writer and readers (design.md, docs/architecture.md)");
        }
        return services;
    }

    private static String writer(Topic<?> topic) {
        return services(topic).get(0);
    }

    /** The module's name: {@code intake} is intake-service; a module named in full (followup-worker) stays as it is. */
    private static String module(String service) {
        return service.contains("-") ? service : service + "-service";
    }

    private static void operation(StringBuilder y, String service, String id, String action, Topic<?> topic,
                                  String summary) {
        y.append("  ").append(id).append(":\n");
        y.append("    action: ").append(action).append('\n');
        y.append("    summary: ").append(q(summary)).append('\n');
        y.append("    channel:\n");
        y.append("      $ref: ").append(q("#/channels/" + id(topic.name()))).append('\n');
        y.append("    messages:\n");
        y.append("      - $ref: ").append(q("#/channels/" + id(topic.name()) + "/messages/" + topic.eventName()))
                .append('\n');
        y.append("    tags:\n");
        y.append("      - name: ").append(q(module(service))).append('\n');
    }

    private static void kafkaChannelBinding(StringBuilder y, String name) {
        y.append("    bindings:\n");
        y.append("      kafka:\n");
        y.append("        topic: ").append(q(name)).append('\n');
        y.append("        bindingVersion: 0.5.0\n");
    }

    /** A channel id: AsyncAPI ids allow no dots. */
    private static String id(String topicName) {
        return topicName.replace('.', '_');
    }

    /** A JSON string, which is a YAML double-quoted scalar. */
    private static String q(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
