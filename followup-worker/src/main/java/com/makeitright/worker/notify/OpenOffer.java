package com.makeitright.worker.notify;

import java.time.Instant;

/**
 * An {@code OPEN} offer's mail as it was built (its values, signed links included), kept in
 * {@link WorkerStores#OPEN_OFFERS} so that followup's {@code OFFER_REMINDER} can send the same offer again. Useless
 * once the offer expired (its links no longer work), and purged then.
 */
record OpenOffer(Notice offer, Instant expiresAt) {
}
