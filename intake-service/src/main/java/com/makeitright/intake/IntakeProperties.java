package com.makeitright.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Intake's own settings ({@code makeitright.intake.*}), validated at start-up. Environment (application.yml):
 * {@code INTAKE_READY_WAIT}, {@code INTAKE_CATCH_UP_LIMIT}, {@code INTAKE_MOVE_WAIT},
 * {@code INTAKE_ANSWER_WAIT}, {@code INTAKE_TRANSACTIONAL_ID},
 * {@code INTAKE_PUBLISH_TIMEOUT}, {@code INTAKE_UNAPPLIED_*}, {@code INTAKE_IN_FLIGHT_MAX_KEYS},
 * {@code INTAKE_VIEW_*}.
 *
 * @param readyWait      how long a request waits for the status view to be ready (started and caught up) before a 503
 * @param catchUpLimit   at start-up the view catches up with every event already on the topics before intake decides
 *                       anything from it; past this limit it opens anyway and logs a warning
 * @param moveWait       how long a read of one complaint waits while a rebalance moves its partition, or the instance
 *                       that holds it fails over, before a 503 with Retry-After: shorter than a helpdesk's request
 *                       timeout, so the client hears "retry" instead of nothing
 * @param answerWait     how long a POST waits for its answer before a 503 with Retry-After, shorter than a
 *                       helpdesk's request timeout (15-30 s), so a client of a slow intake hears "retry" instead of
 *                       nothing. With an Idempotency-Key (or a helpdesk webhook) the work goes on and the retry with
 *                       the same key joins it; without one, a work not yet publishing stops and nothing is published,
 *                       and one already publishing is answered by its publication (within publish-timeout)
 * @param transactionalId prefix of the transactional ids of the reopen producer: unique per intake instance and
 *                       stable across its restarts (so a restart fences its own unfinished transaction). Unset: derived
 *                       from the host name and the server port, so two intakes never fence each other
 * @param publishTimeout how long a write may take from the request to the broker's acknowledgement before it answers
 *                       503; the producer's {@code max.block.ms}, {@code request.timeout.ms} and
 *                       {@code delivery.timeout.ms} are derived from it
 * @param unapplied      events this instance published that its own view has not shown yet
 * @param inFlightMaxKeys requests with an {@code Idempotency-Key} being published at once; beyond, a 503
 * @param view           the status view's store
 * @param personalData   how long closed cases' personal data are kept (docs/privacy.md)
 */
@Validated
@ConfigurationProperties("makeitright.intake")
public record IntakeProperties(
        @NotNull @DurationMin(millis = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("30s") Duration readyWait,
        @NotNull @DurationMin(millis = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("60s") Duration catchUpLimit,
        @NotNull @DurationMin(millis = 100) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("5s") Duration moveWait,
        @NotNull @DurationMin(millis = 100) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("10s") Duration answerWait,
        @Pattern(regexp = "|[A-Za-z0-9._-]{1,200}",
                message = "must name the transactional producer of this intake instance "
                        + "(letters, digits, '.', '_', '-'), or be left unset to derive it")
        String transactionalId,
        @NotNull @DurationMin(millis = 500) @DurationMax(minutes = 2) @DurationUnit(ChronoUnit.MILLIS)
        @DefaultValue("5s") Duration publishTimeout,
        @NotNull @Valid @DefaultValue Unapplied unapplied,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int inFlightMaxKeys,
        @NotNull @Valid @DefaultValue View view,
        @NotNull @Valid @DefaultValue PersonalData personalData) {

    /**
     * The overlay of just-published events ({@code UnappliedWrites}): a GET or the next request sees its own write
     * before the view folded it. When full, writes answer 503 (the view is that far behind).
     *
     * @param maxEvents at most this many events
     * @param maxBytes  at most this many bytes of Avro-encoded events
     * @param ttl       an event is forgotten after this, applied or not
     */
    public record Unapplied(
            @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxEvents,
            @NotNull @DefaultValue("32MB") DataSize maxBytes,
            @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("5m") Duration ttl) {
    }

    /**
     * Bounds of the status view's store ({@code StatusViewTopology}).
     *
     * @param closedGrace           a closed complaint (satisfied follow-up) is purged this long after it closed; an
     *                              orphan (events but no {@code ComplaintReceived}) this long after its last event.
     *                              Its Idempotency-Key is honoured until then
     * @param idleRetention         any complaint is purged once it has had no event for this long
     * @param maxEventsPerComplaint at most this many events kept per complaint: the first round's
     *                              {@code ComplaintReceived} and the latest others (rounds of reopens are not bounded)
     * @param purgeEvery            how often the purge runs (wall-clock punctuation)
     */
    public record View(
            @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("30d") Duration closedGrace,
            @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("365d") Duration idleRetention,
            @Min(16) @Max(10_000) @DefaultValue("500") int maxEventsPerComplaint,
            @NotNull @DurationMin(millis = 100) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("1m") Duration purgeEvery) {
    }

    /**
     * The retention of closed cases' personal data ({@code CustomerRetention}, docs/privacy.md): a customer's data keys
     * are erased, as by {@code DELETE /api/customers/{id}/personal-data}, once none of their complaints is open and
     * the last one closed (or was purged from the status view, idle) this long ago.
     *
     * @param retention  how long after their last case closed a customer's name, e-mail and phone stay readable
     * @param checkEvery how often due expiries are looked for (wall-clock punctuation)
     */
    public record PersonalData(
            @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("365d") Duration retention,
            @NotNull @DurationMin(millis = 100) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("1h") Duration checkEvery) {
    }
}
