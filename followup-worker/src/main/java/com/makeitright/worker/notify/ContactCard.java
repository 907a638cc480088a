package com.makeitright.worker.notify;

import com.makeitright.platform.privacy.PersonalData;

import java.time.Instant;

/**
 * How to write to the customer of one complaint, from its latest {@code ComplaintReceived} (the only event with
 * contact details): name, address and phone (PII, kept only as long as {@link WorkerStores#CONTACTS} says; the phone
 * only for a call task when there is no address), and the complaint's subject for the mails. The contact details stay
 * sealed as intake published them (docs/privacy.md), so the store and its changelog hold no readable name, address or
 * phone, and an erased customer's card opens to none. {@code lastEventAt} moves with every event of the complaint, for
 * the purge. A card stored before the phone was kept has none.
 */
record ContactCard(String name, String email, String phone, String subject, Instant lastEventAt, String customerId,
                   byte[] sealed) {

    ContactCard(String name, String email, String phone, String subject, Instant lastEventAt) {
        this(name, email, phone, subject, lastEventAt, null, null);
    }

    ContactCard touched(Instant at) {
        return at.isAfter(lastEventAt) ? new ContactCard(name, email, phone, subject, at, customerId, sealed) : this;
    }

    /**
     * The card with its contact details opened with the customer's wrapped key (null when erased: the name becomes
     * {@code "erased"} and the card has no address or phone). Only in memory, for one mail: never stored.
     */
    ContactCard opened(PersonalData personalData, byte[] wrappedKey) {
        if (sealed == null) {
            return this;
        }
        PersonalData.Opened opened = personalData.open(customerId, wrappedKey, sealed);
        return new ContactCard(opened.field("name"), opened.isOpen() ? opened.field("email") : null,
                opened.isOpen() ? opened.field("phone") : null, subject, lastEventAt, customerId, null);
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
