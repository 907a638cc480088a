package com.makeitright.worker.sms;

/**
 * Where the worker's text messages go: the place to plug an SMS provider. The worker uses the one bean of this type
 * in its context, else {@link LoggingSmsSender} (which sends nothing and logs a masked number and the length).
 * A team plugs a provider by adding a bean, e.g. a {@code @Component} implementing this interface in package
 * {@code com.makeitright.worker.sms} (docs/follow-up-worker.md, "SMS").
 * <p>
 * Called on the worker's stream thread, inside the event's transaction, once per message key (the sent-log keeps a
 * copy of the event from texting twice, as for mail). An implementation bounds its own time (timeouts) and:
 * <ul>
 * <li>returns {@link Outcome#taken()} once the provider took the message;</li>
 * <li>returns {@link Outcome#refused(String)} for a permanent refusal (an invalid or unreachable number): recorded
 * as {@code REJECTED}, not retried; the reason must not quote the number;</li>
 * <li>throws for a transient failure (provider down, timeout): the platform retries the event from the last commit
 * and dead-letters it after its bounded attempts, like a mail the SMTP server did not take.</li>
 * </ul>
 */
public interface SmsSender {

    Outcome send(SmsMessage message);

    /** The provider took it, or refused it for good with a reason (without the number). */
    record Outcome(boolean sent, String reason) {

        public static Outcome taken() {
            return new Outcome(true, null);
        }

        public static Outcome refused(String reason) {
            return new Outcome(false, reason);
        }
    }
}
