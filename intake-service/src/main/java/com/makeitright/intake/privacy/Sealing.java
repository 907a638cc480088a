package com.makeitright.intake.privacy;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.ErasureReason;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.publisher.Mono;

/**
 * Seals a complaint's personal fields before it is published, opens them for answers, and erases a customer's keys
 * (docs/privacy.md).
 */
public interface Sealing {

    /** The complaint with its customer's contact details sealed under the customer's data key. */
    Mono<ComplaintReceived> seal(ComplaintReceived received);

    /**
     * The event as a person may read it: sealed fields opened, or {@code "erased"} in their place once the key is
     * gone. {@code customerId} is the complaint's customer (a {@code FollowUpDue} does not name it). Only for answers:
     * never publish what this returns.
     */
    SpecificRecord open(String customerId, SpecificRecord event);

    /**
     * Deletes every data key of the customer and publishes {@code CustomerErased}, in one transaction; the event, or
     * empty when the customer has no key (never seen, or erased already), and then nothing is published.
     */
    Mono<CustomerErased> erase(String customerId, ErasureReason reason, String erasedBy);
}
