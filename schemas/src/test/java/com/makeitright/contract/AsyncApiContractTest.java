package com.makeitright.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml is what {@link AsyncApiDocument} makes of {@link Topics} and the current schemas: a new topic,
 * an event type or a schema change (its fingerprint) fails here until the file is regenerated and reviewed with it.
 */
class AsyncApiContractTest {

    static final String REGENERATE = "./mvnw -pl schemas test -Dtest=AsyncApiContractTest -Dasyncapi.write=true";

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path COMMITTED = ROOT.resolve(AsyncApiDocument.FILE);

    @Test
    void theCommittedEventContractDescribesEveryTopic() throws IOException {
        String generated = AsyncApiDocument.generate();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(generated)
                .as("%s differs from what Topics and the schemas say: run `%s` to regenerate it, then review the diff",
                        COMMITTED, REGENERATE)
                .isEqualTo(committed);
    }

    @Test
    void everyReferencedSchemaFileIsTheTopicsEventSchema() {
        for (Topic<?> topic : Topics.ALL) {
            Path avsc = ROOT.resolve(AsyncApiDocument.avsc(topic));
            assertThat(avsc).as("the .avsc the document refers to for %s", topic).exists();
            assertThat(avsc.getFileName().toString()).isEqualTo(topic.schema().getName() + ".avsc");
        }
    }

    @Test
    void everyTopicHasOneWriterAndNoOtherTopicIsListed() {
        assertThat(AsyncApiDocument.SERVICES.keySet())
                .containsExactlyElementsOf(Topics.ALL.stream().map(Topic::name).toList());
    }
}
