package com.makeitright.intake.status;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.contacts.ContactRule;
import com.makeitright.intake.contacts.OpenCase;
import com.makeitright.intake.contacts.OpenCaseMatch;
import com.makeitright.intake.contacts.OpenCases;
import com.makeitright.intake.contacts.RepeatContactProperties;
import com.makeitright.platform.PlatformProperties;
import com.makeitright.platform.instances.CallerCredential;
import com.makeitright.platform.instances.HeldPartitions;
import com.makeitright.platform.instances.InstancesUnavailable;
import com.makeitright.platform.instances.PrefixReads;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.InvalidStateStorePartitionException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The customer's open cases, judged by {@link ContactRule}. One customer's cases lie on the partitions of their
 * complaint ids, so they are read from every partition of the {@code open-cases} store: this instance's, and with
 * several instances each other's ({@link PeerViews#openCases}). The parts must hold every partition exactly once
 * ({@link HeldPartitions}): a partition restoring or moving could hide the case the contact belongs to, and the
 * contact would open a second case. So while one is missing the lookup is retried, within {@code ready-wait},
 * then answered 503.
 */
@Component
class StreamsOpenCases implements OpenCases {

    private static final Duration STORE_RETRY = Duration.ofMillis(100);

    private final StreamsBuilderFactoryBean streams;
    private final ViewReadiness readiness;
    private final ContactRule rule;
    private final ViewOwners owners;
    private final PeerViews peers;
    private final Duration readyWait;
    private final int partitions;

    StreamsOpenCases(StreamsBuilderFactoryBean streams, ViewReadiness readiness, RepeatContactProperties properties,
                     IntakeProperties intake, ViewOwners owners, PeerViews peers, PlatformProperties platform) {
        this.streams = streams;
        this.readiness = readiness;
        this.rule = new ContactRule(properties);
        this.owners = owners;
        this.peers = peers;
        this.readyWait = intake.readyWait();
        this.partitions = platform.topics().partitions();
    }

    @Override
    public Mono<Optional<OpenCaseMatch>> match(ComplaintReceived incoming) {
        String customerId = OpenCase.customerId(incoming);
        if (customerId == null) {
            return Mono.just(Optional.empty());
        }
        // bounded in time as well as in attempts: each attempt may wait for a peer's timeout (see StreamsComplaintViews)
        return readiness.ready()
                .then(Mono.deferContextual(context -> everyPart(customerId, CallerCredential.of(context)))
                        .retryWhen(Retry.fixedDelay(Math.max(1, readyWait.toMillis() / STORE_RETRY.toMillis()),
                                        STORE_RETRY)
                                .filter(e -> e instanceof InvalidStateStoreException
                                        || e instanceof InstancesUnavailable)
                                .onRetryExhaustedThrow((spec, signal) -> unavailable(signal.failure())))
                        .timeout(readyWait, Mono.error(() -> unavailable(null))))
                .map(open -> rule.match(incoming, open));
    }

    /** For another instance: the customer's open cases in the partitions this one holds, once its view is ready. */
    Mono<OpenCasesPart> heldPart(String customerId) {
        return readiness.ready().then(Mono.fromCallable(() -> localPart(customerId))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(InvalidStateStoreException.class, e -> new ViewUnavailable(
                        "This instance's open cases are not readable now: " + e.getMessage(), e)));
    }

    private Mono<List<OpenCase>> everyPart(String customerId, Optional<String> credential) {
        // a RocksDB read is disk I/O: keep it off the event loop
        Mono<OpenCasesPart> here = Mono.fromCallable(() -> localPart(customerId)).subscribeOn(Schedulers.boundedElastic());
        return Flux.concat(Flux.from(here), Flux.defer(() -> Flux.fromIterable(owners.others()))
                        .flatMap(peer -> peers.openCases(peer, customerId, credential)))
                .collectList()
                .map(parts -> {
                    HeldPartitions.requireEachOnce(parts.stream()
                            .map(part -> new HeldPartitions(Map.of(OpenCasesTopology.STORE, part.partitions())))
                            .toList(), partitions);
                    return parts.stream().flatMap(part -> part.cases().stream()).toList();
                });
    }

    /**
     * This instance's partitions of the store, one at a time, so the answer says which it covers: a partition whose
     * task runs elsewhere is not among them; one still restoring here fails the read (retried).
     */
    private OpenCasesPart localPart(String customerId) {
        KafkaStreams running = streams.getKafkaStreams();
        if (running == null) {
            throw new InvalidStateStoreException("the stream application is not started");
        }
        SortedSet<Integer> held = new TreeSet<>();
        List<OpenCase> cases = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            List<OpenCase> found = new ArrayList<>();
            try {
                ReadOnlyKeyValueStore<Bytes, byte[]> store = running.store(StoreQueryParameters.fromNameAndType(
                        OpenCasesTopology.STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                        .withPartition(partition));
                try (KeyValueIterator<Bytes, byte[]> entries = PrefixReads.of(store,
                        OpenCasesTopology.customer(customerId))) {
                    entries.forEachRemaining(entry -> found.add(OpenCasesTopology.VALUES.deserializer()
                            .deserialize(OpenCasesTopology.STORE, entry.value)));
                }
            } catch (InvalidStateStorePartitionException notRunningHere) {
                continue; // its task is elsewhere, or still restoring here: another part must hold it
            }
            cases.addAll(found);
            held.add(partition);
        }
        return new OpenCasesPart(held, cases);
    }

    private static ViewUnavailable unavailable(Throwable cause) {
        return new ViewUnavailable("The customer's open cases could not be read from every partition"
                + (cause == null ? "" : ": " + cause.getMessage()) + "; retry shortly", cause);
    }
}
