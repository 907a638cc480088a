package com.makeitright.cli.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Acts as helpdesk frontend, supervisor, agent and follow-up worker at once: posts the generated complaints at
 * the given rate, follows each through its stages over the public HTTP API until it is closed (or stuck), and
 * sums up what happened.
 */
public final class Simulation {

    /** Hears about progress, e.g. to draw a progress bar. Called from worker threads. */
    public interface Listener {
        void finished(Counts counts);

        default void allPosted(int posted, Duration took) {
        }
    }

    /** Running totals. */
    public record Counts(int total, int done, int closed, int reopened, int rejected, int stuck, int failed) {
    }

    private final SimulationOptions options;
    private final Function<String, String> bearer;

    /** {@code bearer}: each role's {@code Authorization} value ({@link IntakeClient}), e.g. {@code Credentials::bearer}. */
    public Simulation(SimulationOptions options, Function<String, String> bearer) {
        this.options = options;
        this.bearer = bearer;
    }

    public SimulationSummary run(Listener listener) throws InterruptedException {
        List<GeneratedComplaint> complaints = new ComplaintGenerator(options.seed(), options.invalidShare(),
                options.retryShare()).generate(options.count());
        IntakeClient intake = new IntakeClient(options.intake(), bearer);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        long timeoutNanos = options.timeout().toNanos();
        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / options.rate());

        MailAnswers mail = options.mailApi() == null ? null : new MailAnswers(options.mailApi(), Duration.ofSeconds(10));
        List<ComplaintJourney> journeys = new ArrayList<>();
        for (GeneratedComplaint complaint : complaints) {
            Random decisions = new Random(options.seed() * 7_919L + complaint.index());
            journeys.add(new ComplaintJourney(complaint, new CustomerBehaviour(decisions, options.unhappyShare()), runId,
                    timeoutNanos, start + complaint.index() * intervalNanos, mail, options.mailWait().toNanos(),
                    options.pollCeiling().toMillis()));
        }
        CountDownLatch finished = new CountDownLatch(journeys.size());
        AtomicInteger posted = new AtomicInteger();
        Map<ComplaintJourney.Outcome, AtomicInteger> outcomes = new LinkedHashMap<>();
        for (ComplaintJourney.Outcome outcome : ComplaintJourney.Outcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
        AtomicInteger reopened = new AtomicInteger();
        ScheduledExecutorService workers = threads(options.workers(), "simulate");
        // Posting has threads of its own, as a helpdesk's webhook delivery does: a complaint's POST never queues
        // behind the status reads of older complaints, which on a slow intake held every worker for up to 10 s
        // each (scale-out drill run O: journeys got 2-6 POSTs in 5 minutes while the drill's probe, on threads of
        // its own, had every POST answered within 14.5 s)
        ScheduledExecutorService posters = threads(options.workers(), "simulate-post");
        try {
            for (ComplaintJourney journey : journeys) {
                Runnable step = new Runnable() {
                    @Override
                    public void run() {
                        long next;
                        boolean wasPosted = journey.complaintId() != null;
                        try {
                            next = journey.step(intake, System.nanoTime());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException unexpected) {
                            journey.problems().add("simulator error: " + unexpected);
                            next = 1_000;
                        }
                        if (!wasPosted && (journey.complaintId() != null
                                || journey.outcome() == ComplaintJourney.Outcome.REJECTED_AS_INVALID)) {
                            if (posted.incrementAndGet() == journeys.size()) {
                                listener.allPosted(posted.get(), Duration.ofNanos(System.nanoTime() - start));
                            }
                        }
                        if (next == ComplaintJourney.DONE) {
                            outcomes.get(journey.outcome()).incrementAndGet();
                            if (journey.outcome() == ComplaintJourney.Outcome.CLOSED && journey.round() > 1) {
                                reopened.incrementAndGet();
                            }
                            finished.countDown();
                            listener.finished(new Counts(journeys.size(), (int) (journeys.size() - finished.getCount()),
                                    outcomes.get(ComplaintJourney.Outcome.CLOSED).get(), reopened.get(),
                                    outcomes.get(ComplaintJourney.Outcome.REJECTED_AS_INVALID).get(),
                                    outcomes.get(ComplaintJourney.Outcome.STUCK).get(),
                                    outcomes.get(ComplaintJourney.Outcome.FAILED).get()));
                        } else {
                            (journey.complaintId() == null ? posters : workers)
                                    .schedule(this, next, TimeUnit.MILLISECONDS);
                        }
                    }
                };
                posters.schedule(step, journey.complaint.index() * intervalNanos, TimeUnit.NANOSECONDS);
            }
            finished.await();
        } finally {
            posters.shutdownNow();
            workers.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return summarize(journeys, posted.get(), elapsed);
    }

    private static ScheduledExecutorService threads(int count, String name) {
        return Executors.newScheduledThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    SimulationSummary summarize(List<ComplaintJourney> journeys, int posted, double elapsedSeconds) {
        List<SimulationSummary.Stuck> stuck = new ArrayList<>();
        List<SimulationSummary.Failure> failures = new ArrayList<>();
        List<SimulationSummary.Complaint> complaints = new ArrayList<>();
        Map<String, List<Long>> byStage = new TreeMap<>();
        Map<String, Integer> stageOrder = new LinkedHashMap<>();
        List<Long> endToEnd = new ArrayList<>();
        int accepted = 0;
        int completed = 0;
        int reopened = 0;
        int rejected = 0;
        int retries = 0;
        int retriesVerified = 0;
        int conflicts = 0;
        int viaMail = 0;
        int noMailInTime = 0;
        int withoutAddress = 0;
        for (ComplaintJourney journey : journeys) {
            viaMail += journey.answeredViaMail();
            noMailInTime += journey.noMailInTime();
            withoutAddress += journey.withoutAddress();
            GeneratedComplaint complaint = journey.complaint;
            ComplaintJourney.Outcome outcome = journey.outcome();
            if (journey.complaintId() != null) {
                accepted++;
            }
            conflicts += journey.conflicts();
            if (journey.replayVerified() != null) {
                retries++;
                retriesVerified += journey.replayVerified() ? 1 : 0;
            }
            switch (outcome) {
                case CLOSED -> {
                    completed++;
                    reopened += journey.round() > 1 ? 1 : 0;
                }
                case REJECTED_AS_INVALID -> rejected++;
                case STUCK -> stuck.add(new SimulationSummary.Stuck(journey.complaintId(), complaint.index(),
                        journey.lastStage(), journey.round(), journey.lastAnswer()));
                case FAILED -> { }
            }
            List<String> problems = new ArrayList<>(journey.problems());
            journey.duplicates().forEach(d -> problems.add("duplicate: " + d));
            for (String problem : problems) {
                failures.add(new SimulationSummary.Failure(journey.complaintId(), complaint.index(), problem));
            }
            if (journey.finalView() != null) {
                for (StageLatencies.Sample sample : StageLatencies.from(journey.finalView())) {
                    byStage.computeIfAbsent(sample.stage(), s -> new ArrayList<>()).add(sample.millis());
                    stageOrder.putIfAbsent(sample.stage(), StageLatencies.orderOf(sample.toType()) * 100
                            + StageLatencies.orderOf(sample.fromType()));
                }
                Long total = StageLatencies.endToEndMillis(journey.finalView());
                endToEnd.add(total != null ? total : journey.observedMillis());
            }
            complaints.add(new SimulationSummary.Complaint(complaint.index(), journey.complaintId(), outcome.name(),
                    journey.round(), complaint.cause(), complaint.anger(), complaint.channel()));
        }
        Map<String, Percentiles> latencies = new LinkedHashMap<>();
        byStage.keySet().stream().sorted((a, b) -> Integer.compare(stageOrder.get(a), stageOrder.get(b)))
                .forEach(stage -> latencies.put(stage, Percentiles.of(byStage.get(stage))));
        double throughput = elapsedSeconds > 0 ? completed / elapsedSeconds : 0;
        return new SimulationSummary(options.seed(), journeys.size(), posted, accepted, completed, reopened, rejected,
                stuck, failures, retries, retriesVerified, conflicts, latencies, Percentiles.of(endToEnd),
                elapsedSeconds, throughput, options.mailApi() == null ? null
                : new SimulationSummary.MailAnswers(viaMail, noMailInTime, withoutAddress), complaints);
    }
}
