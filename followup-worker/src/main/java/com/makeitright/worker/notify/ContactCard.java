package com.makeitright.worker.notify;

import com.makeitright.platform.privacy.PersonalData;

import java.time.Instant;

/**
 * How to write to the customer of one complaint, from its latest {@code ComplaintReceived} (the only event with
 * contact details): name and address (PII, kept only as long as {@link WorkerStores#CONTACTS} says), and the
 * complaint's subject for the mails. The contact details stay sealed as intake published them (docs/privacy.md), so
 * the store and its changelog hold no readable name or address, and an erased customer's card opens to none. {@code lastEventAt} moves with every event of the complaint, for the purge.
 */
record ContactCard(String name, String email, String subject, Instant lastEventAt, String customerId, byte[] sealed) {

    ContactCard(String name, String email, String subject, Instant lastEventAt) {
        this(name, email, subject, lastEventAt, null, null);
    }

    ContactCard touched(Instant at) {
        return at.isAfter(lastEventAt) ? new ContactCard(name, email, subject, at, customerId, sealed) : this;
    }

    /**
     * The card with its contact details opened with the customer's wrapped key (null when erased: the name becomes
     * {@code "erased"} and the card has no address). Only in memory, for one mail: never stored.
     */
    ContactCard opened(PersonalData personalData, byte[] wrappedKey) {
        if (sealed == null) {
            return this;
        }
        PersonalData.Opened opened = personalData.open(customerId, wrappedKey, sealed);
        return new ContactCard(opened.field("name"), opened.isOpen() ? opened.field("email") : null, subject,
                lastEventAt, customerId, null);
    }
}
