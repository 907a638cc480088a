package com.makeitright.platform.instances;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Gathering the parts of a group of two (the group's metadata stubbed, the other instance a real HTTP server):
 * the other's part is asked for with the caller's credential, and an answer that is not 2xx or does not come in
 * time is a 503.
 */
class InstancesTest {

    record Part(HeldPartitions held, int count) {
    }

    static final String CALLER = "Bearer caller-key";

    HttpServer peer;
    ServerSocket silent;

    @AfterEach
    void stop() throws IOException {
        if (peer != null) {
            peer.stop(0);
        }
        if (silent != null) {
            silent.close();
        }
    }

    /** @param timeout generous where the other answers: a cold HTTP client on a busy machine is slow at first */
    Instances instances(int peerPort, Duration timeout) {
        URI self = URI.create("http://localhost:1");
        KafkaStreams streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(KafkaStreams.State.RUNNING);
        StreamsMetadata here = mock(StreamsMetadata.class);
        when(here.hostInfo()).thenReturn(new HostInfo("localhost", 1));
        StreamsMetadata there = mock(StreamsMetadata.class);
        when(there.hostInfo()).thenReturn(new HostInfo("localhost", peerPort));
        when(streams.metadataForAllStreamsClients()).thenReturn(List.of(here, there));
        StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
        when(factory.getKafkaStreams()).thenReturn(streams);
        StoreReads stores = mock(StoreReads.class);
        when(stores.partitions()).thenReturn(2);
        return new Instances(factory, new InstancesProperties(self, timeout), stores, new JsonMapper());
    }

    static Part part(int partition, int count) {
        return new Part(HeldPartitions.none().with("s", Set.of(partition)), count);
    }

    int answering(int status, String body, AtomicReference<String> authorization) throws IOException {
        peer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        peer.createContext("/internal/part", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        peer.start();
        return peer.getAddress().getPort();
    }

    List<Part> gather(Instances instances) {
        return instances.gather("/internal/part?x=1", Part.class, () -> part(0, 3), Part::held)
                .contextWrite(Context.of(CallerCredential.class.getName(), CALLER)).block(Duration.ofSeconds(30));
    }

    @Test
    void asksTheOtherInstanceWithTheCallersCredentialAndReturnsBothParts() throws IOException {
        AtomicReference<String> sent = new AtomicReference<>();
        int port = answering(200, new JsonMapper().writeValueAsString(part(1, 4)), sent);

        List<Part> parts = gather(instances(port, Duration.ofSeconds(10)));

        assertThat(parts).containsExactlyInAnyOrder(part(0, 3), part(1, 4));
        assertThat(sent.get()).isEqualTo(CALLER);
    }

    @Test
    void anotherInstanceThatIsNotReadyIsServiceUnavailable() throws IOException {
        int port = answering(503, "{}", new AtomicReference<>());

        assertThatThrownBy(() -> gather(instances(port, Duration.ofSeconds(10))))
                .isInstanceOf(InstancesUnavailable.class)
                .hasMessageContaining("answered 503");
    }

    @Test
    void anotherInstanceThatHoldsThePartitionThisOneHoldsIsServiceUnavailable() throws IOException {
        int port = answering(200, new JsonMapper().writeValueAsString(part(0, 4)), new AtomicReference<>());

        assertThatThrownBy(() -> gather(instances(port, Duration.ofSeconds(10))))
                .isInstanceOf(InstancesUnavailable.class)
                .hasMessageContaining("partition 0 of s was read on two instances");
    }

    @Test
    void anotherInstanceThatDoesNotAnswerInTimeIsServiceUnavailable() throws IOException {
        silent = new ServerSocket(0); // accepts the connection, never answers

        assertThatThrownBy(() -> gather(instances(silent.getLocalPort(), Duration.ofMillis(500))))
                .isInstanceOf(InstancesUnavailable.class)
                .hasMessageContaining("did not answer in 500 ms");
    }
}
