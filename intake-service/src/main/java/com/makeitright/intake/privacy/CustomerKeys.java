package com.makeitright.intake.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.Contact;
import com.makeitright.events.Customer;
import com.makeitright.events.FollowUpDue;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.publishing.PublishFailed;
import com.makeitright.platform.privacy.CustomerDataKeys;
import com.makeitright.platform.privacy.PersonalData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Intake's side of crypto-shredding (docs/privacy.md): it writes each customer's data key to
 * {@code customers.data-keys} the first time it sees them, seals the contact details of every
 * {@code ComplaintReceived} before publishing it, and opens them for the status view. Keys are read from the global
 * store; a key created here is also kept in a small cache until the global store has it (the store is fed by the
 * topic and lags the write by a moment). Bounded: the cache holds at most {@link #RECENT_KEYS} keys for
 * {@link #RECENT_FOR}.
 */
@Component
class CustomerKeys implements Sealing, DisposableBean {

    static final int RECENT_KEYS = 10_000;
    static final Duration RECENT_FOR = Duration.ofMinutes(10);

    private final PersonalData personalData;
    private final StreamsBuilderFactoryBean streams;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> keys;
    private final Duration timeout;
    private final Cache<String, byte[]> recent = Caffeine.newBuilder()
            .maximumSize(RECENT_KEYS).expireAfterWrite(RECENT_FOR).build();

    CustomerKeys(PersonalData personalData, StreamsBuilderFactoryBean streams, KafkaProperties kafka,
                 IntakeProperties properties) {
        this.personalData = personalData;
        this.streams = streams;
        this.timeout = properties.publishTimeout();
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis() / 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.keys = new KafkaTemplate<>(producers);
    }

    /** A key is created first if the customer has none. */
    @Override
    public Mono<ComplaintReceived> seal(ComplaintReceived received) {
        Customer customer = received.getCustomer();
        if (customer.getSealed() != null) {
            return Mono.just(received);
        }
        return keyOf(customer.getId()).map(key -> {
            Map<String, String> fields = new HashMap<>();
            fields.put("name", customer.getName());
            fields.put("email", customer.getEmail());
            fields.put("phone", customer.getPhone());
            byte[] sealed = personalData.seal(customer.getId(), key, fields);
            return ComplaintReceived.newBuilder(received).setCustomer(Customer.newBuilder(customer)
                    .setName("").setEmail(null).setPhone(null).setSealed(ByteBuffer.wrap(sealed)).build()).build();
        });
    }

    @Override
    public SpecificRecord open(String customerId, SpecificRecord event) {
        if (event instanceof ComplaintReceived received && received.getCustomer().getSealed() != null) {
            Customer customer = received.getCustomer();
            PersonalData.Opened opened = open(customer.getId(), customer.getSealed());
            return ComplaintReceived.newBuilder(received).setCustomer(Customer.newBuilder(customer)
                    .setName(opened.field("name")).setEmail(opened.field("email")).setPhone(opened.field("phone"))
                    .setSealed(null).build()).build();
        }
        if (event instanceof FollowUpDue due && due.getContact() != null && due.getContact().getSealed() != null) {
            Contact contact = due.getContact();
            PersonalData.Opened opened = open(customerId, contact.getSealed());
            return FollowUpDue.newBuilder(due).setContact(Contact.newBuilder(contact)
                    .setName(opened.field("name")).setEmail(opened.field("email")).setPhone(opened.field("phone"))
                    .setSealed(null).build()).build();
        }
        return event;
    }

    private PersonalData.Opened open(String customerId, ByteBuffer sealed) {
        byte[] bytes = new byte[sealed.remaining()];
        sealed.duplicate().get(bytes);
        return personalData.open(customerId, knownKey(customerId), bytes);
    }

    /** The customer's wrapped key, or null when they have none (never had one, erased, or the store is not loaded). */
    byte[] knownKey(String customerId) {
        byte[] stored;
        try {
            stored = stored(customerId);
        } catch (InvalidStateStoreException e) {
            return recent.getIfPresent(customerId);
        }
        if (stored != null) {
            // the store has caught up: from now on a missing key means erased, not "not there yet"
            recent.invalidate(customerId);
            return stored;
        }
        return recent.getIfPresent(customerId);
    }

    private Mono<byte[]> keyOf(String customerId) {
        return Mono.fromCallable(() -> {
                    byte[] known = recent.getIfPresent(customerId);
                    if (known == null) {
                        try {
                            known = stored(customerId);
                        } catch (InvalidStateStoreException e) {
                            // never create a key without knowing there is none: a second key would hide the first's data
                            throw new PublishFailed("The customers' data keys are not loaded yet; nothing was"
                                    + " published", e);
                        }
                    }
                    if (known != null) {
                        return known;
                    }
                    // one key per customer on this instance: concurrent first complaints of a customer share it
                    return recent.get(customerId, id -> {
                        byte[] created = personalData.newWrappedKey(id);
                        try {
                            keys.send(Topics.CUSTOMER_DATA_KEYS, id, created)
                                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                        } catch (Exception e) {
                            throw new PublishFailed("The broker did not take the customer's data key within "
                                    + timeout + "; nothing was published: " + e.getMessage(), e);
                        }
                        return created;
                    });
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private byte[] stored(String customerId) {
        KafkaStreams running = streams.getKafkaStreams();
        // a global store is loaded whole before the stream threads start, and stays readable through rebalances
        if (running == null || !(running.state() == KafkaStreams.State.RUNNING
                || running.state() == KafkaStreams.State.REBALANCING)) {
            throw new InvalidStateStoreException("the customers' data keys are not loaded yet");
        }
        ReadOnlyKeyValueStore<String, byte[]> store = running.store(StoreQueryParameters.fromNameAndType(
                CustomerDataKeys.STORE, QueryableStoreTypes.keyValueStore()));
        return store.get(customerId);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    /** The keys' global store in intake's topology. */
    @Configuration(proxyBeanMethods = false)
    static class Topology {

        @Bean
        Object customerDataKeysStore(StreamsBuilder builder) {
            CustomerDataKeys.addTo(builder);
            return CustomerDataKeys.STORE;
        }
    }
}
