package com.makeitright.cli.simulate;

import java.net.URI;
import java.time.Duration;

/**
 * What to simulate.
 *
 * @param count        complaints to post (valid and invalid together)
 * @param rate         complaints posted per second
 * @param timeout      how long one complaint may take from its POST to CLOSED before it counts as stuck
 * @param invalidShare share of bodies that are invalid on purpose
 * @param retryShare   share of valid complaints posted twice with one Idempotency-Key
 * @param unhappyShare share of first-round follow-ups that are unhappy (the case reopens)
 * @param workers      threads that read and act on posted complaints, and as many again that post
 * @param mailApi      the local mail server's REST API: customers answer by the links in their mails
 *                     ({@code --via-mail}); null: by the API
 * @param mailWait     how long one answer waits for its mail before it goes by the API instead
 * @param pollCeiling  the longest wait between two reads of a complaint that has not moved (the wait grows from
 *                     150 ms by half each time, and starts again when the stage changes): the share of the load
 *                     that is status reads
 */
public record SimulationOptions(URI intake, int count, double rate, long seed, Duration timeout,
                                double invalidShare, double retryShare, double unhappyShare, int workers,
                                URI mailApi, Duration mailWait, Duration pollCeiling) {

    /** {@code simulate}'s: a complaint that has not moved is read again at least every 600 ms. */
    public static final Duration DEFAULT_POLL_CEILING = Duration.ofMillis(600);

    /** Read every idle complaint at least every {@link #DEFAULT_POLL_CEILING}. */
    public SimulationOptions(URI intake, int count, double rate, long seed, Duration timeout, double invalidShare,
                             double retryShare, double unhappyShare, int workers, URI mailApi, Duration mailWait) {
        this(intake, count, rate, seed, timeout, invalidShare, retryShare, unhappyShare, workers, mailApi, mailWait,
                DEFAULT_POLL_CEILING);
    }

    /** Customers answer by the API. */
    public SimulationOptions(URI intake, int count, double rate, long seed, Duration timeout, double invalidShare,
                             double retryShare, double unhappyShare, int workers) {
        this(intake, count, rate, seed, timeout, invalidShare, retryShare, unhappyShare, workers, null,
                Duration.ZERO);
    }

    /** These options with idle complaints read at most every {@code ceiling}. */
    public SimulationOptions withPollCeiling(Duration ceiling) {
        return new SimulationOptions(intake, count, rate, seed, timeout, invalidShare, retryShare, unhappyShare,
                workers, mailApi, mailWait, ceiling);
    }

    public SimulationOptions {
        if (mailApi != null && (mailWait == null || mailWait.isNegative() || mailWait.isZero())) {
            throw new IllegalArgumentException("--mail-wait must be positive");
        }
        if (pollCeiling == null || pollCeiling.toMillis() < 150) {
            throw new IllegalArgumentException("the poll ceiling is at least 150 ms");
        }
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be positive");
        }
        for (double share : new double[] {invalidShare, retryShare, unhappyShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("shares are between 0 and 1");
            }
        }
    }
}
