package com.makeitright.contract;

import com.makeitright.events.Channel;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A record written by plain Avro in Python (src/test/python, following the layout in schemas/README.md) is
 * read by the Java deserializer. The committed fixture always runs; the live variant runs wherever
 * {@code python3} has the {@code avro} package (Debian: python3-avro).
 */
class CrossLanguageDecodingIT {

    private static final Path SCRIPTS = Path.of("src/test/python");

    @Test
    void decodesTheCommittedPythonFixture() throws IOException {
        assertPythonComplaint(Files.readAllBytes(Path.of("src/test/resources/fixtures/complaint-received-python-v2.bin")));
    }

    @Test
    void decodesWhatPythonWritesNow(@TempDir Path folder) throws Exception {
        String python = Stream.of("python3", "/usr/bin/python3")
                .filter(candidate -> run(ProcessBuilder.Redirect.DISCARD, candidate, "-c", "import avro.io") == 0)
                .findFirst().orElse(null);
        assumeTrue(python != null, "no python3 with the avro package (Debian: python3-avro)");
        Path out = folder.resolve("complaint.bin");

        int exit = run(ProcessBuilder.Redirect.INHERIT, python, SCRIPTS.resolve("write_complaint_received.py").toString(),
                "src/main/resources/" + SchemaHistory.FOLDER, out.toString());

        assertThat(exit).isZero();
        assertPythonComplaint(Files.readAllBytes(out));
    }

    private static void assertPythonComplaint(byte[] bytes) {
        ComplaintReceived event = Topics.COMPLAINTS_RECEIVED.serde().deserializer()
                .deserialize(Topics.COMPLAINTS_RECEIVED.name(), bytes);

        assertThat(event.getComplaintId()).isEqualTo("py-complaint-1");
        assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2025-11-23T12:13:20Z"));
        assertThat(event.getCustomer().getTier()).isEqualTo(CustomerTier.GOLD);
        assertThat(event.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(event.getOrder().getAmount().getAmount()).isEqualByComparingTo("79.90");
        assertThat(event.getOrder().getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(event.getRound()).isEqualTo(1);
    }

    private static int run(ProcessBuilder.Redirect output, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output).redirectError(output).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
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
