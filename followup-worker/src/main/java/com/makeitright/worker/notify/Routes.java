package com.makeitright.worker.notify;

import com.makeitright.worker.mail.MailKind;

/**
 * The one rule of which channel a customer's message takes, from what the customer gave. Every message goes by
 * e-mail; the reminder of an unanswered offer goes "through the other channel the customer gave": the offer went by
 * e-mail, so a customer who also gave a phone is texted (when SMS is on), one who gave only a phone becomes a call
 * task for an agent (when the team's inbox is on). Nothing when there is no way (no address: an erased customer's
 * card opens without one).
 */
final class Routes {

    enum Route { EMAIL, SMS, CALL_TASK, NONE }

    private Routes() {
    }

    static Route of(MailKind kind, boolean hasEmail, boolean hasPhone, boolean smsEnabled, boolean inboxEnabled) {
        if (kind == MailKind.OFFER_REMINDER) {
            if (hasEmail && hasPhone && smsEnabled) {
                return Route.SMS;
            }
            if (hasEmail) {
                return Route.EMAIL;
            }
            return hasPhone && inboxEnabled ? Route.CALL_TASK : Route.NONE;
        }
        return hasEmail ? Route.EMAIL : Route.NONE;
    }
}
