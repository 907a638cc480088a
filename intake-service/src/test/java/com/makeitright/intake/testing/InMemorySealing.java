package com.makeitright.intake.testing;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.ErasureReason;
import com.makeitright.events.Customer;
import com.makeitright.intake.privacy.Sealing;
import com.makeitright.platform.privacy.PersonalData;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Intake's sealing with the real cipher and the keys in a map instead of Kafka, for tests without a broker. */
public class InMemorySealing implements Sealing {

    private final PersonalData data;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    /** One key per customer here, so one id serves them all. */
    private static final String KEY_ID = "in-memory-key-id";

    public InMemorySealing() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        this.data = new PersonalData(kek);
    }

    @Override
    public Mono<ComplaintReceived> seal(ComplaintReceived received) {
        Customer customer = received.getCustomer();
        if (customer.getSealed() != null) {
            return Mono.just(received);
        }
        byte[] key = keys.computeIfAbsent(customer.getId(), data::newWrappedKey);
        Map<String, String> fields = new HashMap<>();
        fields.put("name", customer.getName());
        fields.put("email", customer.getEmail());
        fields.put("phone", customer.getPhone());
        return Mono.just(ComplaintReceived.newBuilder(received).setCustomer(Customer.newBuilder(customer)
                .setName("").setEmail(null).setPhone(null)
                .setSealed(ByteBuffer.wrap(data.seal(customer.getId(), KEY_ID, key, fields))).build()).build());
    }

    @Override
    public SpecificRecord open(String customerId, SpecificRecord event) {
        if (event instanceof ComplaintReceived received && received.getCustomer().getSealed() != null) {
            Customer customer = received.getCustomer();
            ByteBuffer sealed = customer.getSealed().duplicate();
            byte[] bytes = new byte[sealed.remaining()];
            sealed.get(bytes);
            PersonalData.Opened opened = data.open(customer.getId(), keys.get(customer.getId()), bytes);
            return ComplaintReceived.newBuilder(received).setCustomer(Customer.newBuilder(customer)
                    .setName(opened.field("name")).setEmail(opened.field("email")).setPhone(opened.field("phone"))
                    .setSealed(null).build()).build();
        }
        return event;
    }

    /** Forgets the customer's key. */
    @Override
    public Mono<CustomerErased> erase(String customerId, ErasureReason reason, String erasedBy) {
        if (keys.remove(customerId) == null) {
            return Mono.empty();
        }
        return Mono.just(CustomerErased.newBuilder().setEventId(java.util.UUID.randomUUID().toString())
                .setCustomerId(customerId).setOccurredAt(java.time.Instant.now()).setReason(reason)
                .setErasedBy(erasedBy).setKeysErased(1).build());
    }
}
