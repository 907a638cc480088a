package com.makeitright.worker.notify;

import java.time.Instant;

/**
 * How to write to the customer of one complaint, from its latest {@code ComplaintReceived} (the only event with
 * contact details): name and address (PII, kept only as long as {@link WorkerStores#CONTACTS} says), and the
 * complaint's subject for the mails. {@code lastEventAt} moves with every event of the complaint, for the purge.
 */
record ContactCard(String name, String email, String subject, Instant lastEventAt) {

    ContactCard touched(Instant at) {
        return at.isAfter(lastEventAt) ? new ContactCard(name, email, subject, at) : this;
    }
}
