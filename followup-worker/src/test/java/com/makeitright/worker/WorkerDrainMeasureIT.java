package com.makeitright.worker;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.makeitright.contract.Topics;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * How fast the worker drains a backlog, by how often it asks Kafka Streams to commit: after every send (what it did
 * before) against after every {@code sendsPerCommit} sends. A measurement, not a test: it runs only with
 * {@code -Dworker.drain.measure=true} (docs/follow-up-worker.md has the command) and prints mails/s per variant and
 * round, variants alternating so that a warming JVM favours none. Each round is a fresh application id reading the
 * same preloaded backlog from the start (a received complaint, its auto-sent acknowledgement and an open offer: two
 * mails each) into the in-process SMTP server; the rate is taken from the first mail to the last, so the Streams
 * start-up is not in it.
 */
@WithKafkaBroker
@DirtiesContext
@SpringBootTest(classes = WorkerIT.Host.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkerDrainMeasureIT {

    private static final int COMPLAINTS = Integer.getInteger("worker.drain.complaints", 1_000);
    private static final int ROUNDS = Integer.getInteger("worker.drain.rounds", 3);
    private static final int MAILS = 2 * COMPLAINTS;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(WorkerIT.freePort(), "127.0.0.1", "smtp"));

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProbe probe;

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    @Test
    void measure() throws Exception {
        assumeThat(Boolean.getBoolean("worker.drain.measure")).as("-Dworker.drain.measure=true").isTrue();
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(Topics.ALL.stream().map(topic -> new NewTopic(topic.name(), 3, (short) 1)).toList())
                    .all().get(1, TimeUnit.MINUTES); // the worker would create them, but the backlog comes first
        }
        for (int i = 0; i < COMPLAINTS; i++) {
            String id = WorkerIT.newComplaintId();
            ComplaintReceived.Builder builder = Events.received(id);
            probe.publish(Topics.COMPLAINTS_RECEIVED, id, builder.setCustomer(com.makeitright.events.Customer
                    .newBuilder(builder.getCustomer()).setEmail(WorkerIT.addressOf(id)).build()).build());
            probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).build());
            probe.publish(Topics.REMEDY_OFFERED, id, Events.offered(id).build());
        }
        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (int sendsPerCommit : new int[]{1, 50}) {
                double rate = drain(sendsPerCommit, round);
                rates.computeIfAbsent(sendsPerCommit, key -> new ArrayList<>()).add(rate);
                System.out.printf("round %d, a commit every %d send(s): %.0f mails/s%n", round, sendsPerCommit, rate);
            }
        }
        double before = rates.get(1).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double after = rates.get(50).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("worker drain, %d complaints (%d mails), %d rounds: a commit per send %s mails/s,"
                        + " every 50 sends %s mails/s; %.1fx%n", COMPLAINTS, MAILS, ROUNDS, rates.get(1), rates.get(50),
                after / before);
    }

    /** Mails per second from the first mail to the last of one fresh worker draining the whole backlog. */
    private double drain(int sendsPerCommit, int round) {
        smtp.reset();
        String applicationId = "worker-drain-" + sendsPerCommit + "-" + round + "-" + Events.newId();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.kafka.streams.application-id=" + applicationId,
                        "--spring.kafka.streams.state-dir=" + WorkerIT.TESTS_DIR.resolve(applicationId),
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--makeitright.worker.links.key=" + WorkerIT.KEY,
                        "--makeitright.worker.delivery.sends-per-commit=" + sendsPerCommit)) {
            if (!smtp.waitForIncomingEmail(Duration.ofMinutes(2).toMillis(), 1)) {
                throw new IllegalStateException("no mail within 2 minutes");
            }
            long first = System.nanoTime();
            if (!smtp.waitForIncomingEmail(Duration.ofMinutes(10).toMillis(), MAILS)) {
                throw new IllegalStateException("not all " + MAILS + " mails within 10 minutes");
            }
            return (MAILS - 1) / ((System.nanoTime() - first) / 1e9);
        }
    }
}
