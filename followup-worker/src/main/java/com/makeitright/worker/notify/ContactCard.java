package com.makeitright.worker.notify;

import java.time.Instant;

/**
 * How to write to the customer of one complaint, from its latest {@code ComplaintReceived} (the only event with
 * contact details): name, address and phone (PII, kept only as long as {@link WorkerStores#CONTACTS} says; the phone
 * only for a call task when there is no address), and the complaint's subject for the mails. {@code lastEventAt}
 * moves with every event of the complaint, for the purge. A card stored before the phone was kept has none.
 */
record ContactCard(String name, String email, String phone, String subject, Instant lastEventAt) {

    ContactCard touched(Instant at) {
        return at.isAfter(lastEventAt) ? new ContactCard(name, email, phone, subject, at) : this;
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
