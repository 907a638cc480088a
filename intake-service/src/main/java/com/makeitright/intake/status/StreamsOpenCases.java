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
import com.makeitright.platform.instances.PrefixReads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.InvalidStateStorePartitionException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The customer's open cases, judged by {@link ContactRule}. One customer's cases lie on the partitions of their
 * complaint ids, so they are read from every partition of the {@code open-cases} store: this instance's (retried
 * while its stream cannot be read, within {@code move-wait}, then 503), and with several instances each other's
 * ({@link PeerViews#openCases}). Another instance's part is best effort: a POST must not wait on a peer that is down,
 * restarting or slow (the scale-out drill's run J: every POST stalled while the second instance restarted). A peer
 * that does not answer within {@link #PEER_WAIT}, or a partition no answering instance holds, leaves its cases out;
 * a contact about such a case then opens a new complaint: a missed merge, never a wrong one. Counted
 * ({@code makeitright.intake.open-cases.partial}).
 */
@Component
class StreamsOpenCases implements OpenCases {

    /** How long a POST waits for another instance's open cases before it goes on without them. */
    static final Duration PEER_WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(StreamsOpenCases.class);

    private final StreamsBuilderFactoryBean streams;
    private final ViewReadiness readiness;
    private final ContactRule rule;
    private final ViewOwners owners;
    private final PeerViews peers;
    private final Duration moveWait;
    private final int partitions;
    private final Counter partial;

    StreamsOpenCases(StreamsBuilderFactoryBean streams, ViewReadiness readiness, RepeatContactProperties properties,
                     IntakeProperties intake, ViewOwners owners, PeerViews peers, PlatformProperties platform,
                     MeterRegistry meters) {
        this.streams = streams;
        this.readiness = readiness;
        this.rule = new ContactRule(properties);
        this.owners = owners;
        this.peers = peers;
        this.moveWait = intake.moveWait();
        this.partitions = platform.topics().partitions();
        this.partial = Counter.builder("makeitright.intake.open-cases.partial")
                .description("Repeat-contact lookups that went on without some partitions' open cases (another"
                        + " instance down, restarting or slow, or a partition moving)")
                .register(meters);
    }

    @Override
    public Mono<Optional<OpenCaseMatch>> match(ComplaintReceived incoming) {
        String customerId = OpenCase.customerId(incoming);
        if (customerId == null) {
            return Mono.just(Optional.empty());
        }
        return readiness.ready()
                .then(MovingStoreReads.retried(
                        Mono.deferContextual(context -> everyPart(customerId, CallerCredential.of(context))),
                        moveWait, StreamsOpenCases::unavailable))
                .map(open -> rule.match(incoming, open));
    }

    /**
     * For another instance: the customer's open cases in the partitions this one holds; a 503 at once while its view
     * is not ready, since the asking POST goes on without this part rather than wait.
     */
    Mono<OpenCasesPart> heldPart(String customerId) {
        if (!readiness.isReady()) {
            return Mono.error(new ViewUnavailable("This instance's view is not ready yet", null));
        }
        return Mono.fromCallable(() -> localPart(customerId))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(InvalidStateStoreException.class, e -> new ViewUnavailable(
                        "This instance's open cases are not readable now: " + e.getMessage(), e));
    }

    private Mono<List<OpenCase>> everyPart(String customerId, Optional<String> credential) {
        // a RocksDB read is disk I/O: keep it off the event loop; its failures are retried (match)
        Mono<OpenCasesPart> here = Mono.fromCallable(() -> localPart(customerId)).subscribeOn(Schedulers.boundedElastic());
        Flux<OpenCasesPart> others = Flux.defer(() -> Flux.fromIterable(peersOrNone()))
                .flatMap(peer -> peers.openCases(peer, customerId, credential, PEER_WAIT)
                        .onErrorResume(e -> {
                            log.debug("Going on without the open cases of intake at {}: {}", peer, e.toString());
                            return Mono.empty();
                        }));
        return Flux.concat(Flux.from(here), others).collectList().map(parts -> {
            Set<Integer> held = new TreeSet<>();
            Map<String, OpenCase> cases = new LinkedHashMap<>();
            for (OpenCasesPart part : parts) {
                held.addAll(part.partitions());
                // a partition read on two instances across a move: the same case twice, kept once
                part.cases().forEach(open -> cases.putIfAbsent(open.complaintId(), open));
            }
            if (held.size() < partitions) {
                partial.increment();
            }
            return List.copyOf(cases.values());
        });
    }

    /** The other instances; none while this one is not a member of the group (yet): its own part still counts. */
    private List<HostInfo> peersOrNone() {
        try {
            return owners.others();
        } catch (InvalidStateStoreException e) {
            return List.of();
        }
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
