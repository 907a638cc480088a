package com.makeitright.worker.notify;

/** The worker's state stores, each backed by a compacted changelog topic, and what bounds each. */
public final class WorkerStores {

    /** {@link Notice#sentKey()} → {@link SentEntry}; an entry is purged {@code retention.sent-log} after its send. */
    static final String SENT_LOG = "worker-sent-log";
    /** Complaint id → {@link ContactCard}; purged {@code retention.contacts} after the complaint's last event. */
    public static final String CONTACTS = "worker-contacts";
    /**
     * {@link Notice#sentKey()} → {@link Notice} waiting for the complaint's contact; sent (and removed) when it comes,
     * purged like a contact when it never does.
     */
    static final String PENDING = "worker-pending";
    /**
     * {@code <complaint>|<offer>} → {@link OpenOffer}: every {@code OPEN} offer's mail, for its one reminder; purged
     * once the offer expired.
     */
    static final String OPEN_OFFERS = "worker-open-offers";
    /**
     * Customer id → since when and why the customer is marked do-not-contact: a global store read from the compacted
     * {@code customers.contact-preferences} (no changelog of its own); an entry per customer marked now, deleted when
     * the mark is lifted ({@link ContactPreferences}).
     */
    public static final String CONTACT_PREFERENCES = "worker-contact-preferences";

    private WorkerStores() {
    }
}
