package com.makeitright.system;

import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.testing.ComplaintRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cross-language proof on a live topic: {@code examples/python/consume_acknowledged.py}, a plain
 * confluent-kafka consumer that decodes the single-object encoding by fingerprint from the committed schemas,
 * reads the acknowledgement triage wrote for a complaint posted through intake, and prints what the Java
 * deserializer reads from the same record. Skipped where no python3 has {@code confluent_kafka} and {@code avro},
 * except on CI ({@code CI} set), where {@code .ci/run} installs them and a skip would hide a broken example.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(value = SystemStack.LOCK, mode = ResourceAccessMode.READ)
class PythonConsumerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void thePythonExampleReadsWhatTriageAcknowledged(SystemStack system) throws Exception {
        String python = pythonWithKafkaAndAvro();
        Helpdesk helpdesk = new Helpdesk(system.intake());
        String complaintId = helpdesk.submit(ComplaintRequest.aComplaint());
        ComplaintAcknowledged inJava = system.kafka().awaitEvents(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, 1).get(0);

        Path script = system.project().resolve("examples/python/consume_acknowledged.py");
        Path out = system.runDir().resolve("python-consumer.out");
        Process process = new ProcessBuilder(python, script.toString(),
                "--bootstrap-servers", system.stack().bootstrapServers(),
                "--complaint-id", complaintId, "--max-messages", "1", "--timeout", "90")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the Python consumer did not finish: " + Files.readString(out));
        }
        String output = Files.readString(out);
        assertThat(process.exitValue()).as(output).isZero();

        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).as(output).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        JsonNode event = record.get("event");
        assertThat(record.get("key").asString()).isEqualTo(complaintId);
        assertThat(event.get("eventId").asString()).isEqualTo(inJava.getEventId());
        assertThat(event.get("cause").asString()).isEqualTo(inJava.getCause().name());
        assertThat(event.get("anger").asString()).isEqualTo(inJava.getAnger().name());
        assertThat(event.get("priority").asString()).isEqualTo(inJava.getPriority().name());
        assertThat(event.get("acknowledgementText").asString()).isEqualTo(inJava.getAcknowledgementText());
        assertThat(event.get("order").get("amount").get("amount").asString())
                .isEqualTo(inJava.getOrder().getAmount().getAmount().toPlainString());
    }

    private static String pythonWithKafkaAndAvro() {
        String python = Stream.of("python3", "/usr/bin/python3")
                .filter(candidate -> exitOf(candidate, "-c", "import confluent_kafka, avro.io") == 0)
                .findFirst().orElse(null);
        String why = "no python3 with confluent_kafka and avro (Debian: python3-confluent-kafka python3-avro)";
        if (python == null && System.getenv("CI") != null) {
            fail(why + ": .ci/run should have installed them");
        }
        assumeTrue(python != null, why);
        return python;
    }

    private static int exitOf(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
