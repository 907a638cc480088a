package com.makeitright.platform.instances;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Gathers a read from every instance of this service's stream application: this instance's part read locally, each
 * other's over HTTP ({@code GET} of the service's internal part endpoint, with the caller's bearer credential), found
 * through Kafka Streams' metadata ({@code metadataForAllStreamsClients}, each instance's {@code application.server}).
 * The parts must hold every store partition exactly once ({@link HeldPartitions}); the caller merges them. Alone
 * (no advertised URL) the local part is the whole answer, under the same check. Any instance not answering 2xx
 * within the timeout, or a partition missing or read twice (a rebalance), is a 503 ({@link InstancesUnavailable}).
 */
public class Instances {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private final StreamsBuilderFactoryBean streams;
    private final InstancesProperties properties;
    private final StoreReads stores;
    private final JsonMapper json;
    private final HostInfo self;
    private final WebClient client = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();

    public Instances(StreamsBuilderFactoryBean streams, InstancesProperties properties, StoreReads stores,
                     JsonMapper json) {
        this.streams = streams;
        this.properties = properties;
        this.stores = stores;
        this.json = json;
        this.self = properties.several() ? hostInfo(properties.advertisedUrl()) : null;
    }

    static HostInfo hostInfo(URI advertisedUrl) {
        return new HostInfo(advertisedUrl.getHost(), advertisedUrl.getPort());
    }

    /**
     * Every instance's part of a read.
     *
     * @param pathAndQuery the internal endpoint answering {@code local} on each instance, with its query string
     * @param type         the part's JSON type
     * @param local        reads this instance's part (blocking store reads: run off the event loop)
     * @param held         which partitions a part was read from
     */
    public <T> Mono<List<T>> gather(String pathAndQuery, Class<T> type, Callable<T> local,
                                    Function<T, HeldPartitions> held) {
        Mono<T> here = Mono.fromCallable(local).subscribeOn(Schedulers.boundedElastic());
        Flux<T> parts;
        if (self == null) {
            parts = here.flux();
        } else {
            parts = Flux.defer(() -> Flux.fromIterable(members())).flatMap(host -> host.equals(self) ? here
                    : Mono.deferContextual(context -> part(host, pathAndQuery, type,
                    CallerCredential.of(context).orElse(null))));
        }
        return parts.collectList().doOnNext(all -> HeldPartitions.requireEachOnce(
                all.stream().map(held).toList(), stores.partitions()));
    }

    private Collection<HostInfo> members() {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            throw new InstancesUnavailable("the stream application is "
                    + (running == null ? "not started" : running.state().name().toLowerCase()), null);
        }
        List<HostInfo> hosts = running.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .distinct().toList();
        if (!hosts.contains(self)) {
            throw new InstancesUnavailable("this instance is not a member of its group yet", null);
        }
        return hosts;
    }

    private <T> Mono<T> part(HostInfo host, String pathAndQuery, Class<T> type, String authorization) {
        URI uri = URI.create(properties.advertisedUrl().getScheme() + "://" + host.host() + ":" + host.port()
                + pathAndQuery);
        return client.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(byte[].class).map(body -> json.readValue(body, type));
                    }
                    if (status == 401 || status == 403) {
                        log.error("The instance at {} refused this instance's request for its part ({})", host,
                                status);
                    }
                    return response.releaseBody().then(Mono.error(new InstancesUnavailable("the instance at "
                            + host + " answered " + status, null)));
                })
                .timeout(properties.timeout())
                .onErrorMap(e -> !(e instanceof InstancesUnavailable),
                        e -> new InstancesUnavailable("the instance at " + host + " did not answer in "
                                + properties.timeout().toMillis() + " ms", e));
    }
}
