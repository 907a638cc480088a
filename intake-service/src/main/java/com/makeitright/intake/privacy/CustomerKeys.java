package com.makeitright.intake.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.Contact;
import com.makeitright.events.Customer;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.ErasureReason;
import com.makeitright.events.FollowUpDue;
import com.makeitright.intake.IntakeProperties;
import com.makeitright.intake.publishing.InstanceNames;
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
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Intake's side of crypto-shredding (docs/privacy.md): it writes a data key to {@code customers.data-keys} the first
 * time it sees a customer, seals the contact details of every {@code ComplaintReceived} before publishing it, opens
 * them for the status view, and erases a customer by tombstoning every one of their keys. Keys are read from the
 * global store; a key created here is also kept in a small cache until the global store has it (the store is fed
 * by the topic and lags the write by a moment; the store's own update removes the entry, so a key erased later is
 * never found in the cache). Bounded: the cache holds at most {@link #RECENT_KEYS} keys for {@link #RECENT_FOR}.
 */
@Component
class CustomerKeys implements Sealing, DisposableBean {

    static final int RECENT_KEYS = 10_000;
    static final Duration RECENT_FOR = Duration.ofMinutes(10);

    /** One data key of a customer: its id (named by what it sealed) and the key, wrapped. */
    record DataKey(String id, byte[] wrapped) {
    }

    private final PersonalData personalData;
    private final StreamsBuilderFactoryBean streams;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> keys;
    private final DefaultKafkaProducerFactory<String, byte[]> transactionalProducers;
    private final KafkaTemplate<String, byte[]> erasures;
    private final Duration timeout;
    private final Clock clock;
    private final Cache<String, DataKey> recent = Caffeine.newBuilder()
            .maximumSize(RECENT_KEYS).expireAfterWrite(RECENT_FOR).build();

    CustomerKeys(PersonalData personalData, StreamsBuilderFactoryBean streams, KafkaProperties kafka,
                 IntakeProperties properties, Environment environment, Clock clock) {
        this.personalData = personalData;
        this.streams = streams;
        this.timeout = properties.publishTimeout();
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis() / 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.keys = new KafkaTemplate<>(producers);
        // an erasure's tombstones and its CustomerErased are one transaction: a reader sees both or neither
        this.transactionalProducers = new DefaultKafkaProducerFactory<>(config);
        transactionalProducers.setTransactionIdPrefix(
                InstanceNames.transactionIdPrefix(properties.transactionalId(), environment) + "erasure-");
        this.erasures = new KafkaTemplate<>(transactionalProducers);
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
            byte[] sealed = personalData.seal(customer.getId(), key.id(), key.wrapped(), fields);
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

    @Override
    public Mono<CustomerErased> erase(String customerId, ErasureReason reason, String erasedBy) {
        return Mono.fromCallable(() -> {
                    List<String> recordKeys;
                    try {
                        recordKeys = new java.util.ArrayList<>(CustomerDataKeys.keysOf(store(), customerId));
                    } catch (InvalidStateStoreException e) {
                        throw new PublishFailed("The customers' data keys are not loaded yet; nothing was erased", e);
                    }
                    DataKey created = recent.getIfPresent(customerId);
                    if (created != null) {
                        String recordKey = CustomerDataKeys.recordKey(customerId, created.id());
                        if (!recordKeys.contains(recordKey)) {
                            recordKeys.add(recordKey); // written, but not in the store yet
                        }
                    }
                    if (recordKeys.isEmpty()) {
                        return null;
                    }
                    CustomerErased event = CustomerErased.newBuilder()
                            .setEventId(UUID.randomUUID().toString())
                            .setCustomerId(customerId)
                            .setOccurredAt(clock.instant())
                            .setReason(reason)
                            .setErasedBy(erasedBy)
                            .setKeysErased(recordKeys.size())
                            .build();
                    byte[] value = Topics.CUSTOMERS_ERASED.serde().serializer()
                            .serialize(Topics.CUSTOMERS_ERASED.name(), event);
                    try {
                        erasures.executeInTransaction(operations -> {
                            recordKeys.forEach(key -> operations.send(Topics.CUSTOMER_DATA_KEYS, key, null));
                            return operations.send(Topics.CUSTOMERS_ERASED.name(), customerId, value);
                        }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        throw new PublishFailed("The broker did not take the erasure within " + timeout
                                + "; nothing was erased", e);
                    }
                    recent.invalidate(customerId);
                    return event;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private PersonalData.Opened open(String customerId, ByteBuffer sealed) {
        byte[] bytes = new byte[sealed.remaining()];
        sealed.duplicate().get(bytes);
        return personalData.open(customerId, knownKey(customerId, bytes), bytes);
    }

    /** The wrapped key that opens the sealed bytes, or null when it is gone (erased) or not loaded yet. */
    private byte[] knownKey(String customerId, byte[] sealed) {
        try {
            byte[] stored = CustomerDataKeys.keyFor(store(), customerId, sealed);
            if (stored != null) {
                return stored;
            }
        } catch (InvalidStateStoreException e) {
            // not loaded yet: only a key created here can open it
        }
        DataKey created = recent.getIfPresent(customerId);
        return created != null && created.id().equals(PersonalData.keyIdOf(sealed)) ? created.wrapped() : null;
    }

    private Mono<DataKey> keyOf(String customerId) {
        return Mono.fromCallable(() -> {
                    Map.Entry<String, byte[]> stored;
                    try {
                        stored = CustomerDataKeys.anyKeyOf(store(), customerId);
                    } catch (InvalidStateStoreException e) {
                        // never create a key without knowing there is none
                        throw new PublishFailed("The customers' data keys are not loaded yet; nothing was"
                                + " published", e);
                    }
                    if (stored != null) {
                        return new DataKey(stored.getKey(), stored.getValue());
                    }
                    // one key per customer on this instance: concurrent first complaints of a customer share it. Another
                    // instance may create one too; each sealed value names its key, so both stay readable.
                    DataKey created = recent.get(customerId, id -> {
                        DataKey fresh = new DataKey(personalData.newKeyId(), personalData.newWrappedKey(id));
                        try {
                            keys.send(Topics.CUSTOMER_DATA_KEYS, CustomerDataKeys.recordKey(id, fresh.id()),
                                    fresh.wrapped()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (Exception e) {
                            throw new PublishFailed("The broker did not take the customer's data key within "
                                    + timeout + "; nothing was published: " + e.getMessage(), e);
                        }
                        return fresh;
                    });
                    // The global store may have taken the key while it was being created: its callback then found no
                    // entry to end (Caffeine's computeIfPresent does not wait for a computation in flight), and the
                    // cache would outlive an erasure. Ended here instead.
                    try {
                        if (store().get(CustomerDataKeys.recordKey(customerId, created.id())) != null) {
                            recent.asMap().remove(customerId, created);
                        }
                    } catch (InvalidStateStoreException e) {
                        // not readable now: the store's callback ends the entry when the key arrives
                    }
                    return created;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The global store has this key now: a created key need not be remembered any longer. */
    void stored(String recordKey) {
        int separator = recordKey.length() - PersonalData.KEY_ID_LENGTH - 1;
        if (separator > 0) {
            recent.asMap().computeIfPresent(recordKey.substring(0, separator), (customerId, key) ->
                    recordKey.equals(CustomerDataKeys.recordKey(customerId, key.id())) ? null : key);
        }
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        KafkaStreams running = streams.getKafkaStreams();
        // a global store is loaded whole before the stream threads start, and stays readable through rebalances
        if (running == null || !(running.state() == KafkaStreams.State.RUNNING
                || running.state() == KafkaStreams.State.REBALANCING)) {
            throw new InvalidStateStoreException("the customers' data keys are not loaded yet");
        }
        return running.store(StoreQueryParameters.fromNameAndType(
                CustomerDataKeys.STORE, QueryableStoreTypes.keyValueStore()));
    }

    @Override
    public void destroy() {
        producers.destroy();
        transactionalProducers.destroy();
    }

    /** The keys' global store in intake's topology; each key it stores ends its entry in the cache of created keys. */
    @Configuration(proxyBeanMethods = false)
    static class Topology {

        @Bean
        Object customerDataKeysStore(StreamsBuilder builder, CustomerKeys keys) {
            CustomerDataKeys.addTo(builder, keys::stored);
            return CustomerDataKeys.STORE;
        }
    }
}
