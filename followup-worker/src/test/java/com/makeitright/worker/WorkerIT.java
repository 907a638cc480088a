package com.makeitright.worker;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.makeitright.contract.Topics;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.Anger;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.NotificationChannel;
import com.makeitright.events.NotificationKind;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyOffered;
import com.makeitright.platform.links.LinkTokens;
import com.makeitright.platform.privacy.CustomerDataKeys;
import com.makeitright.platform.privacy.PersonalData;
import com.makeitright.events.ContactPreference;
import com.makeitright.events.ContactPreferenceChanged;
import com.makeitright.events.ContactPreferenceReason;
import com.makeitright.worker.notify.WorkerStores;
import com.makeitright.worker.sms.SmsMessage;
import com.makeitright.worker.sms.SmsSender;
import com.makeitright.testing.Events;
import com.makeitright.testing.KafkaProbe;
import com.makeitright.testing.WithKafkaBroker;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker on a real broker (real Avro bytes in) and a real SMTP server (GreenMail, in this JVM, on a free port):
 * what it sends, what it holds back, and that a restart does not send again. Each complaint writes to its own
 * address, so each test counts its own mails.
 */
@WithKafkaBroker
@DirtiesContext
@SpringBootTest(classes = WorkerIT.Host.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkerIT {

    /** Only here to get the test broker's address; the worker runs in contexts of its own, to be restarted. */
    @org.springframework.boot.SpringBootConfiguration
    static class Host {
    }

    static final String KEY = "worker-it-link-signing-key-0123456789abcdef";
    static final Path TESTS_DIR = Path.of(System.getProperty("java.io.tmpdir"), "make-it-right-tests");
    static final Pattern LINK = Pattern.compile("https?://\\S+/customer/answer\\?token=[A-Za-z0-9_.-]+");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProbe probe;
    final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeEach
    void connect(KafkaProbe probe) {
        this.probe = probe;
    }

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext worker(String applicationId) {
        return worker(applicationId, smtp.getSmtp().getPort());
    }

    ConfigurableApplicationContext worker(String applicationId, int smtpPort, String... more) {
        ConfigurableApplicationContext context = start(applicationId, smtpPort, null, more);
        running.add(context);
        return context;
    }

    /** A worker with {@code sms} as its SMS sender (a bean of the type replaces the logging one). */
    private ConfigurableApplicationContext start(String applicationId, int smtpPort, SmsSender sms, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + TESTS_DIR.resolve(applicationId + "-" + Events.newId()),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--makeitright.worker.links.key=" + KEY,
                "--makeitright.worker.links.base-url=http://intake.test",
                "--makeitright.worker.delivery.backoff=50ms"));
        args.addAll(List.of(more));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE);
        if (sms != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("testSmsSender", sms));
        }
        return builder.run(args.toArray(String[]::new));
    }

    static String newComplaintId() {
        return "wk-" + Events.newId();
    }

    static String addressOf(String complaintId) {
        return complaintId + "@customers.test";
    }

    void receive(String complaintId, String subject) {
        ComplaintReceived.Builder builder = Events.received(complaintId).setSubject(subject);
        ComplaintReceived received = builder.setCustomer(com.makeitright.events.Customer.newBuilder(builder.getCustomer())
                .setEmail(addressOf(complaintId)).build()).build();
        probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, received);
    }

    List<MimeMessage> mailsTo(String complaintId) {
        return mailsToAddress(addressOf(complaintId));
    }

    static List<MimeMessage> mailsToAddress(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    List<MimeMessage> awaitMails(String complaintId, int count) {
        return await().atMost(KafkaProbe.PATIENCE).until(() -> mailsTo(complaintId), mails -> mails.size() >= count);
    }

    /**
     * A complaint on the same partition as {@code complaintId} whose offer mail arrived: the worker's task for that
     * partition processed everything published to it before.
     */
    void awaitMarkerMailed(String complaintId) {
        awaitMails(publishMarker(complaintId), 1);
    }

    /**
     * A complaint on the same partition as {@code complaintId} whose offer was recorded as sent or refused: the worker
     * processed everything published to that partition before, and committed what it wrote for it (its
     * {@code CustomerNotified} records share the marker's partition too, and a reader sees only committed ones).
     */
    void awaitMarkerNotified(String complaintId) {
        probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, publishMarker(complaintId), 1);
    }

    private String publishMarker(String complaintId) {
        int partition = partitionOf(complaintId);
        String marker = newComplaintId();
        while (partitionOf(marker) != partition) {
            marker = newComplaintId();
        }
        receive(marker, "marker");
        probe.publish(Topics.REMEDY_OFFERED, marker, Events.offered(marker).build());
        return marker;
    }

    @Test
    void anOpenOfferAndASafeAcknowledgementReachTheCustomerEscapedWithSignedLinks() throws Exception {
        worker("worker-it-mails");
        String id = newComplaintId();
        receive(id, "<script>alert('x')</script> & more");
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).build());
        RemedyOffered offer = Events.offered(id).setExpiresAt(Instant.now().plusSeconds(3600).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS)).build();
        probe.publish(Topics.REMEDY_OFFERED, id, offer);

        List<MimeMessage> mails = awaitMails(id, 2);
        MimeMessage acknowledgement = mails.stream().filter(m -> subject(m).startsWith("We hear you")).findFirst()
                .orElseThrow();
        MimeMessage offerMail = mails.stream().filter(m -> subject(m).startsWith("What we can do")).findFirst()
                .orElseThrow();

        assertThat(GreenMailUtil.getBody(acknowledgement)).contains("Dana Reyes", id, "That was our mistake");
        assertThat(subject(offerMail)).contains(id).contains("<script>"); // a header is text, not markup
        String html = part(offerMail, "text/html");
        String text = part(offerMail, "text/plain");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more").doesNotContain("<script>");
        assertThat(text).contains("Dear Dana Reyes", id, offer.getDescription(), "<script>alert('x')</script>");
        assertThat(offerMail.getHeader("Message-ID")[0]).isEqualTo("<" + id + ".1.offer." + offer.getOfferId()
                + "@make-it-right>");

        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group());
        }
        assertThat(links).hasSize(3);
        LinkTokens tokens = LinkTokens.fromSecret(KEY);
        List<String> actions = links.stream().map(link -> tokens.verify(link.substring(link.indexOf("token=") + 6),
                Instant.now())).peek(claim -> {
                    assertThat(claim.complaintId()).isEqualTo(id);
                    assertThat(claim.subjectId()).isEqualTo(offer.getOfferId());
                    assertThat(claim.expiresAt()).isEqualTo(offer.getExpiresAt());
                }).map(LinkTokens.Claim::action).toList();
        assertThat(actions).containsExactly("ACCEPT", "DECLINE", "COUNTER");
        assertThat(html).contains(links.get(0).replace("&", "&amp;"));
    }

    @Test
    void aSatisfactionCheckOffersFiveSignedAnswersBoundToItsRoundAndEscalationsAreNotMailed() throws Exception {
        worker("worker-it-satisfaction");
        String id = newComplaintId();
        receive(id, "Broken mug");
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.PROMISE_BREACHED).build());
        FollowUpDue due = Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).setRound(2)
                .setDueAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, due);

        MimeMessage mail = awaitMails(id, 1).get(0);
        assertThat(subject(mail)).startsWith("How did we do?").contains(id);
        String text = part(mail, "text/plain");
        assertThat(text).contains("Dear Dana Reyes", "Broken mug");
        Matcher matcher = LINK.matcher(text);
        List<LinkTokens.Claim> claims = new ArrayList<>();
        while (matcher.find()) {
            String link = matcher.group();
            claims.add(LinkTokens.fromSecret(KEY).verify(link.substring(link.indexOf("token=") + 6), Instant.now()));
        }
        assertThat(claims).extracting(LinkTokens.Claim::action)
                .containsExactly("SCORE_1", "SCORE_2", "SCORE_3", "SCORE_4", "SCORE_5");
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.subjectId()).isEqualTo(LinkTokens.satisfactionSubject(2));
            assertThat(claim.expiresAt()).isEqualTo(due.getDueAt().plus(java.time.Duration.ofDays(30)));
        });
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).hasSize(1); // the promise breach is for the team, not the customer
    }

    static List<LinkTokens.Claim> claims(String text) {
        Matcher matcher = LINK.matcher(text);
        List<LinkTokens.Claim> claims = new ArrayList<>();
        while (matcher.find()) {
            String link = matcher.group();
            claims.add(LinkTokens.fromSecret(KEY).verify(link.substring(link.indexOf("token=") + 6), Instant.now()));
        }
        return claims;
    }

    @Test
    void aSilentCustomerIsRemindedOnceWithTheOffersLinksAndTheTeamGetsCallTasksAndEscalations() throws Exception {
        String team = "care-team-" + Events.newId() + "@agents.test";
        worker("worker-it-reminders", smtp.getSmtp().getPort(), "--makeitright.worker.inbox.address=" + team,
                "--makeitright.worker.inbox.dashboard-url=http://dashboard.test/");
        String id = newComplaintId();
        receive(id, "Broken mug");
        RemedyOffered offer = Events.offered(id).setExpiresAt(Instant.now().plusSeconds(3600).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS)).build();
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        FollowUpDue reminder = Events.followUpDue(id, FollowUpKind.OFFER_REMINDER).setOfferId(offer.getOfferId()).build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, reminder);
        probe.publish(Topics.FOLLOW_UP_DUE, id, reminder); // a copy sends nothing
        FollowUpDue overdue = Events.followUpDue(id, FollowUpKind.ACKNOWLEDGEMENT_OVERDUE)
                .setReason("The acknowledgement of round 1 has not been sent (it waits for an agent's review).").build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, overdue);
        probe.publish(Topics.FOLLOW_UP_DUE, id, overdue);

        String phoneOnly = newComplaintId();
        ComplaintReceived.Builder byPhone = Events.received(phoneOnly).setSubject("Broken mug");
        probe.publish(Topics.COMPLAINTS_RECEIVED, phoneOnly, byPhone.setCustomer(com.makeitright.events.Customer
                .newBuilder(byPhone.getCustomer()).setEmail(null).setPhone("+44 20 7946 0018").build()).build());
        RemedyOffered phoneOffer = Events.offered(phoneOnly).setDescription("A new mug, sent today").build();
        probe.publish(Topics.REMEDY_OFFERED, phoneOnly, phoneOffer);
        probe.publish(Topics.FOLLOW_UP_DUE, phoneOnly, Events.followUpDue(phoneOnly, FollowUpKind.OFFER_REMINDER)
                .setOfferId(phoneOffer.getOfferId()).build());

        MimeMessage reminded = awaitMails(id, 2).stream().filter(m -> subject(m).startsWith("A reminder")).findFirst()
                .orElseThrow();
        String text = part(reminded, "text/plain");
        assertThat(text).contains("Dear Dana Reyes", "Broken mug", offer.getDescription(), "only reminder", id);
        assertThat(claims(text)).extracting(LinkTokens.Claim::action).containsExactly("ACCEPT", "DECLINE", "COUNTER");
        assertThat(claims(text)).allSatisfy(claim -> {
            assertThat(claim.subjectId()).isEqualTo(offer.getOfferId());
            assertThat(claim.expiresAt()).isEqualTo(offer.getExpiresAt());
        });
        assertThat(reminded.getHeader("Message-ID")[0])
                .isEqualTo("<" + id + ".1.offer_reminder." + offer.getOfferId() + "@make-it-right>");
        assertThat(probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, id, 2)).filteredOn(n -> n.getCausationId()
                .equals(reminder.getEventId())).singleElement().satisfies(notified -> {
                    assertThat(notified.getKind()).isEqualTo(NotificationKind.OFFER);
                    assertThat(notified.getOfferId()).isEqualTo(offer.getOfferId());
                });

        // this worker reads the topics from the start: the team also hears of other tests' escalations
        java.util.function.Supplier<List<MimeMessage>> ours = () -> mailsToAddress(team).stream()
                .filter(m -> subject(m).contains(id) || subject(m).contains(phoneOnly)).toList();
        List<MimeMessage> teamMails = await().atMost(KafkaProbe.PATIENCE).until(ours::get, mails -> mails.size() >= 2);
        MimeMessage call = teamMails.stream().filter(m -> subject(m).startsWith("Please call")).findFirst().orElseThrow();
        assertThat(subject(call)).contains(phoneOnly);
        assertThat(part(call, "text/plain")).contains("Dana Reyes", "+44 20 7946 0018", "A new mug, sent today",
                "http://dashboard.test/#/complaints/" + phoneOnly).doesNotContain("Broken mug");
        MimeMessage escalation = teamMails.stream().filter(m -> subject(m).startsWith("Overdue")).findFirst()
                .orElseThrow();
        assertThat(subject(escalation)).isEqualTo("Overdue: an acknowledgement overdue (case " + id + ")");
        assertThat(part(escalation, "text/plain")).contains(overdue.getReason(),
                "http://dashboard.test/#/complaints/" + id).doesNotContain("Dana", addressOf(id));

        awaitMarkerMailed(id);
        awaitMarkerMailed(phoneOnly);
        assertThat(mailsTo(id)).as("the offer and one reminder").hasSize(2);
        assertThat(ours.get()).as("one call task, one escalation").hasSize(2);
    }

    // Do-not-contact, erasure and SMS: a worker with the team's inbox on and SMS on, with a sender that records what it
    // is given in place of the logging one.

    final RecordingSms texts = new RecordingSms();
    final String contactTeam = "care-team-" + Events.newId() + "@agents.test";

    /** What the SMS sender was given: the test's stand-in for a provider (no mock framework). */
    static final class RecordingSms implements SmsSender {

        final List<SmsMessage> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Outcome send(SmsMessage message) {
            sent.add(message);
            return Outcome.taken();
        }

        List<SmsMessage> about(String complaintId) {
            return sent.stream().filter(message -> message.text().contains(complaintId)).toList();
        }
    }

    ConfigurableApplicationContext contactWorker(String applicationId) {
        ConfigurableApplicationContext context = start(applicationId, smtp.getSmtp().getPort(), texts,
                "--makeitright.worker.inbox.address=" + contactTeam, "--makeitright.worker.sms.enabled=true");
        running.add(context);
        return context;
    }

    /** The worker's store of this name, once its streams run (a global store answers for every key). */
    static org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, Object> store(
            ConfigurableApplicationContext worker, String name) {
        return worker.getBean(org.springframework.kafka.config.StreamsBuilderFactoryBean.class).getKafkaStreams()
                .store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(name,
                        org.apache.kafka.streams.state.QueryableStoreTypes.keyValueStore()));
    }

    static void awaitStored(ConfigurableApplicationContext worker, String store, String key, boolean present) {
        await().atMost(KafkaProbe.PATIENCE).ignoreExceptions()
                .until(() -> (store(worker, store).get(key) != null) == present);
    }

    static ContactPreferenceChanged preference(String customerId, ContactPreference preference) {
        return ContactPreferenceChanged.newBuilder().setEventId(Events.newId()).setCustomerId(customerId)
                .setOccurredAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setPreference(preference).setReason(ContactPreferenceReason.CUSTOMER_REQUEST)
                .setChangedBy("test-supervisor").build();
    }

    static RemedyOffered openOffer(String complaintId) {
        return Events.offered(complaintId).setExpiresAt(Instant.now().plusSeconds(3600).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS)).build();
    }

    @Test
    void aDoNotContactCustomerIsSentNothingTheSuppressionIsRecordedAndALiftLetsTheNextMailGo() throws Exception {
        ConfigurableApplicationContext worker = contactWorker("worker-it-dnc");
        String id = newComplaintId();
        String customer = "C-" + id; // Events.received's customer
        probe.publish(Topics.CONTACT_PREFERENCES, customer, preference(customer, ContactPreference.DO_NOT_CONTACT));
        awaitStored(worker, WorkerStores.CONTACT_PREFERENCES, customer, true);

        ComplaintReceived.Builder builder = Events.received(id).setSubject("Broken mug");
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, builder.setCustomer(com.makeitright.events.Customer
                .newBuilder(builder.getCustomer()).setEmail(addressOf(id)).setPhone("+44 20 7946 0991").build()).build());
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).build());
        RemedyOffered offer = openOffer(id);
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        probe.publish(Topics.REMEDY_OFFERED, id, offer); // a copy records nothing more
        probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, id, 2); // the offer is known before its reminder comes
        FollowUpDue reminder = Events.followUpDue(id, FollowUpKind.OFFER_REMINDER).setOfferId(offer.getOfferId())
                .build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, reminder);
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.PROMISE_BREACHED)
                .setReason("The replacement was promised for yesterday.").build());

        List<CustomerNotified> suppressed = probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, id, 3);
        assertThat(suppressed).allSatisfy(notified -> {
            assertThat(notified.getOutcome()).isEqualTo(NotificationOutcome.SUPPRESSED);
            assertThat(notified.getReason()).isEqualTo("do not contact");
        });
        assertThat(suppressed).extracting(CustomerNotified::getKind).containsExactlyInAnyOrder(
                NotificationKind.ACKNOWLEDGEMENT, NotificationKind.OFFER, NotificationKind.OFFER);
        assertThat(suppressed).filteredOn(n -> n.getCausationId().equals(reminder.getEventId())).singleElement()
                .satisfies(n -> assertThat(n.getChannel()).as("the reminder would have been a text")
                        .isEqualTo(NotificationChannel.SMS));
        // the team still hears of the case
        await().atMost(KafkaProbe.PATIENCE).until(() -> mailsToAddress(contactTeam).stream()
                .filter(m -> subject(m).contains(id)).toList(), mails -> mails.size() == 1);

        probe.publish(Topics.CONTACT_PREFERENCES, customer, preference(customer, ContactPreference.CONTACT_ALLOWED));
        awaitStored(worker, WorkerStores.CONTACT_PREFERENCES, customer, false);
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());

        assertThat(subject(awaitMails(id, 1).get(0))).startsWith("How did we do?");
        awaitMarkerNotified(id);
        assertThat(mailsTo(id)).as("only the one after the lift").hasSize(1);
        assertThat(texts.about(id)).isEmpty();
        assertThat(probe.eventsUpToNow(Topics.CUSTOMER_NOTIFIED, id)).extracting(CustomerNotified::getOutcome)
                .containsExactly(NotificationOutcome.SUPPRESSED, NotificationOutcome.SUPPRESSED,
                        NotificationOutcome.SUPPRESSED, NotificationOutcome.SENT);
    }

    @Test
    void anErasedCustomerIsSentNothing() throws Exception {
        ConfigurableApplicationContext worker = contactWorker("worker-it-erased");
        PersonalData personalData = worker.getBean(PersonalData.class);
        String id = newComplaintId();
        String customer = "C-" + id;
        String keyId = personalData.newKeyId();
        byte[] wrapped = personalData.newWrappedKey(customer);
        String recordKey = CustomerDataKeys.recordKey(customer, keyId);
        probe.publishRaw(Topics.CUSTOMER_DATA_KEYS, recordKey, wrapped);
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        fields.put("name", "Dana Reyes");
        fields.put("email", addressOf(id));
        fields.put("phone", "+44 20 7946 0992");
        ComplaintReceived.Builder builder = Events.received(id).setSubject("Broken mug");
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, builder.setCustomer(com.makeitright.events.Customer
                .newBuilder(builder.getCustomer()).setName("").setEmail(null).setPhone(null)
                .setSealed(java.nio.ByteBuffer.wrap(personalData.seal(customer, keyId, wrapped, fields))).build())
                .build());
        RemedyOffered offer = openOffer(id);
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        assertThat(part(awaitMails(id, 1).get(0), "text/plain")).as("sealed, opened for the mail").contains("Dana Reyes");

        probe.publishRaw(Topics.CUSTOMER_DATA_KEYS, recordKey, null); // an erasure's tombstone
        awaitStored(worker, CustomerDataKeys.STORE, recordKey, false);
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).build());
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.OFFER_REMINDER)
                .setOfferId(offer.getOfferId()).build());
        probe.publish(Topics.FOLLOW_UP_DUE, id, Events.followUpDue(id, FollowUpKind.SATISFACTION_CHECK).build());

        awaitMarkerNotified(id);
        assertThat(mailsTo(id)).as("nothing after the erasure").hasSize(1);
        assertThat(texts.about(id)).as("no text, no call task").isEmpty();
        assertThat(mailsToAddress(contactTeam).stream().filter(m -> subject(m).contains(id))).isEmpty();
        assertThat(probe.eventsUpToNow(Topics.CUSTOMER_NOTIFIED, id)).hasSize(1);
    }

    @Test
    void aCustomerWhoGaveAPhoneTooIsRemindedOnceBySmsWithTheAcceptLinkAndNotByMail() throws Exception {
        contactWorker("worker-it-sms");
        String id = newComplaintId();
        ComplaintReceived.Builder builder = Events.received(id).setSubject("Broken mug");
        probe.publish(Topics.COMPLAINTS_RECEIVED, id, builder.setCustomer(com.makeitright.events.Customer
                .newBuilder(builder.getCustomer()).setEmail(addressOf(id)).setPhone("+44 20 7946 0993").build()).build());
        RemedyOffered offer = openOffer(id);
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        awaitMails(id, 1);
        FollowUpDue reminder = Events.followUpDue(id, FollowUpKind.OFFER_REMINDER).setOfferId(offer.getOfferId())
                .build();
        probe.publish(Topics.FOLLOW_UP_DUE, id, reminder);
        probe.publish(Topics.FOLLOW_UP_DUE, id, reminder); // a copy texts nothing

        SmsMessage text = await().atMost(KafkaProbe.PATIENCE).until(() -> texts.about(id), texts -> !texts.isEmpty())
                .get(0);
        assertThat(text.to()).isEqualTo("+44 20 7946 0993");
        assertThat(text.text()).contains(id).hasSizeLessThan(400);
        assertThat(claims(text.text())).singleElement().satisfies(claim -> {
            assertThat(claim.action()).isEqualTo("ACCEPT");
            assertThat(claim.subjectId()).isEqualTo(offer.getOfferId());
        });
        assertThat(probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, id, 2)).filteredOn(n -> n.getCausationId()
                .equals(reminder.getEventId())).singleElement().satisfies(notified -> {
                    assertThat(notified.getChannel()).isEqualTo(NotificationChannel.SMS);
                    assertThat(notified.getKind()).isEqualTo(NotificationKind.OFFER);
                    assertThat(notified.getOutcome()).isEqualTo(NotificationOutcome.SENT);
                });

        awaitMarkerNotified(id);
        assertThat(texts.about(id)).as("one text").hasSize(1);
        assertThat(mailsTo(id)).as("the offer only, no mail reminder").hasSize(1);
        assertThat(probe.eventsUpToNow(Topics.CUSTOMER_NOTIFIED, id)).hasSize(2);
    }

    @Test
    void whatNeedsAPersonOrIsNotTheCustomersTurnIsNotMailed() {
        worker("worker-it-held");
        String id = newComplaintId();
        receive(id, "Broken mug");
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id).setReviewNeeded(true).build());
        String hostile = newComplaintId();
        receive(hostile, "Broken mug");
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, hostile, Events.acknowledged(hostile).setAnger(Anger.HOSTILE).build());
        probe.publish(Topics.REMEDY_OFFERED, id, Events.offered(id).setStatus(OfferStatus.PENDING_APPROVAL)
                .setApprovalRequired(true).build());
        probe.publish(Topics.REMEDY_OFFERED, id, Events.offered(id).setStatus(OfferStatus.AGREED).build());

        awaitMarkerMailed(id);
        awaitMarkerMailed(hostile);
        assertThat(mailsTo(id)).isEmpty();
        assertThat(mailsTo(hostile)).isEmpty();
    }

    @Test
    void aHeldAcknowledgementGoesOutOnceInTheWordsTheAgentApproved() throws Exception {
        worker("worker-it-review");
        String id = newComplaintId();
        receive(id, "Broken mug");
        ComplaintAcknowledged held = Events.acknowledged(id).setReviewNeeded(true).build();
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, held);
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).isEmpty();

        AcknowledgementApproved approved = Events.acknowledgementApproved(held)
                .setText("We are sorry the mug broke. A new one leaves today, & <b>no</b> need to send the old one.")
                .setEdited(true).build();
        probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, id, approved);
        MimeMessage mail = awaitMails(id, 1).get(0);
        assertThat(subject(mail)).startsWith("We hear you").contains(id);
        assertThat(part(mail, "text/plain")).contains("Dear Dana Reyes", "A new one leaves today, & <b>no</b> need")
                .doesNotContain(held.getAcknowledgementText());
        assertThat(part(mail, "text/html")).contains("&amp; &lt;b&gt;no&lt;/b&gt; need");
        assertThat(mail.getHeader("Message-ID")[0])
                .isEqualTo("<" + id + ".1.acknowledgement.acknowledgement@make-it-right>");

        // a copy of the approval (a retry, a dead-letter replay) and a second one of the round send nothing
        probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, id, approved);
        probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, id, Events.acknowledgementApproved(held).build());
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).hasSize(1);
    }

    @Test
    void anAcknowledgementSentWithoutReviewIsNotMailedAgainWhenAnAgentApprovesIt() throws Exception {
        worker("worker-it-review-auto");
        String id = newComplaintId();
        receive(id, "Broken mug");
        ComplaintAcknowledged safe = Events.acknowledged(id).build();
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, safe);
        awaitMails(id, 1);

        probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, id, Events.acknowledgementApproved(safe)
                .setText("Other words, too late").setEdited(true).build());
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).singleElement()
                .satisfies(mail -> assertThat(part(mail, "text/plain")).contains(safe.getAcknowledgementText()));
    }

    @Test
    void anApprovalThatOvertookTheComplaintWaitsForTheContactAndWinsOverTheDraft() throws Exception {
        worker("worker-it-review-pending");
        String id = newComplaintId();
        ComplaintAcknowledged safe = Events.acknowledged(id).setOccurredAt(Instant.now().minusSeconds(5)).build();
        probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, id, Events.acknowledgementApproved(safe)
                .setText("In the agent's words").setEdited(true).build());
        // safe to go unreviewed, but the approved words win, whichever of the two the worker reads first
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, safe);
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).isEmpty();

        receive(id, "Late contact");
        assertThat(part(awaitMails(id, 1).get(0), "text/plain")).contains("In the agent's words")
                .doesNotContain(safe.getAcknowledgementText());
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).hasSize(1);
    }

    @Test
    void anOfferThatOvertookTheComplaintIsMailedOnceTheContactArrives() {
        worker("worker-it-pending");
        String id = newComplaintId();
        probe.publish(Topics.REMEDY_OFFERED, id, Events.offered(id).setOccurredAt(Instant.now().minusSeconds(5)).build());
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).isEmpty();

        receive(id, "Late contact");
        assertThat(subject(awaitMails(id, 1).get(0))).contains("Late contact");
    }

    @Test
    void aWorkerRestartedAfterSendingDoesNotSendAgainNotEvenForACopyOfTheEvent() {
        String applicationId = "worker-it-restart-" + Events.newId();
        ConfigurableApplicationContext first = worker(applicationId);
        String id = newComplaintId();
        receive(id, "Sent once");
        RemedyOffered offer = Events.offered(id).build();
        probe.publish(Topics.REMEDY_OFFERED, id, offer);
        awaitMails(id, 1);
        first.close();

        // A new instance on an empty state directory: it restores the sent-log from its changelog.
        worker(applicationId);
        probe.publish(Topics.REMEDY_OFFERED, id, offer); // the same event again, as a retry or a replay would bring it
        awaitMarkerMailed(id);
        assertThat(mailsTo(id)).hasSize(1);
    }

    @Test
    void aSentMailIsRecordedOnceAsCustomerNotifiedWithoutPersonalData() throws Exception {
        worker("worker-it-notified");
        String id = newComplaintId();
        receive(id, "Broken mug");
        ComplaintAcknowledged acknowledged = Events.acknowledged(id).build();
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, acknowledged);
        awaitMails(id, 1);

        CustomerNotified notified = probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, id, 1).get(0);
        assertThat(notified.getCausationId()).isEqualTo(acknowledged.getEventId());
        assertThat(notified.getKind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
        assertThat(notified.getOutcome()).isEqualTo(NotificationOutcome.SENT);
        assertThat(notified.getChannel()).isEqualTo(NotificationChannel.EMAIL);
        assertThat(notified.getRound()).isEqualTo(1);
        assertThat(notified.getOfferId()).isNull();
        assertThat(notified.getReason()).isNull();
        assertNoPersonalData(id);

        // a copy of the event finds the key in the sent-log: no mail, and no second record
        probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, acknowledged);
        awaitMarkerNotified(id);
        assertThat(probe.eventsFor(Topics.CUSTOMER_NOTIFIED, id)).hasSize(1);
        assertThat(mailsTo(id)).hasSize(1);
    }

    @Test
    void anAddressTheServerRefusesIsRecordedOnceAsRejectedWithoutTheAddress() throws Exception {
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            worker("worker-it-refused", refusing.port());
            String id = newComplaintId();
            receive(id, "Broken mug");
            RemedyOffered offer = Events.offered(id).build();
            probe.publish(Topics.REMEDY_OFFERED, id, offer);

            CustomerNotified refused = probe.awaitEvents(Topics.CUSTOMER_NOTIFIED, id, 1).get(0);
            assertThat(refused.getOutcome()).isEqualTo(NotificationOutcome.REJECTED);
            assertThat(refused.getKind()).isEqualTo(NotificationKind.OFFER);
            assertThat(refused.getOfferId()).isEqualTo(offer.getOfferId());
            assertThat(refused.getCausationId()).isEqualTo(offer.getEventId());
            assertThat(refused.getReason()).isNotBlank();
            assertThat(refused.getReason()).doesNotContain(addressOf(id)).doesNotContain("Dana");
            awaitMarkerNotified(id);
            assertThat(probe.eventsFor(Topics.CUSTOMER_NOTIFIED, id)).hasSize(1);
            assertNoPersonalData(id);
            assertThat(refusing.refusals()).contains(addressOf(id)); // the server did quote the address
        }
    }

    /** The raw bytes of the complaint's CustomerNotified records hold neither the customer's address nor name. */
    void assertNoPersonalData(String complaintId) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records =
                probe.records(Topics.CUSTOMER_NOTIFIED.name()).stream()
                        .filter(r -> complaintId.equals(r.key())).toList();
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            String bytes = new String(record.value(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(addressOf(complaintId)).doesNotContain("@customers.test")
                    .doesNotContain("Dana Reyes").doesNotContain("Dana").doesNotContain("Reyes");
        });
    }

    /**
     * An SMTP server that refuses every recipient for good, as a server does for an address that does not exist
     * ({@code 550 5.1.1}), quoting the address as real servers do; GreenMail accepts every address.
     */
    static final class RefusingSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();

        RefusingSmtpServer() throws java.io.IOException {
            socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            daemon(this::accept, "refusing-smtp");
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> refusals() {
            return refusals;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    java.net.Socket client = socket.accept();
                    daemon(() -> converse(client), "refusing-smtp-session");
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        }

        private void converse(java.net.Socket client) {
            try (client;
                 var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                         java.nio.charset.StandardCharsets.US_ASCII));
                 var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(client.getOutputStream(),
                         java.nio.charset.StandardCharsets.US_ASCII), true)) {
                reply(out, "220 refusing.test ESMTP");
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                    switch (command) {
                        case "RCPT" -> {
                            String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                            refusals.add(address);
                            reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                        }
                        case "DATA" -> reply(out, "554 5.5.1 No valid recipients");
                        case "QUIT" -> {
                            reply(out, "221 2.0.0 Bye");
                            return;
                        }
                        default -> reply(out, "250 OK"); // EHLO, HELO, MAIL, RSET, NOOP
                    }
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the worker dropped the connection
            }
        }

        private static void daemon(Runnable work, String name) {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
        }

        private static void reply(java.io.PrintWriter out, String line) {
            out.print(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    /** Kafka's default partitioner over the contract topics' three partitions. */
    static int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % 3;
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the body part of this content type. */
    static String part(MimeMessage message, String type) throws Exception {
        return find(message.getContent(), type);
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                String nested = find(part.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
    /** A request as the local helpdesk got it. */
    record HelpdeskRequest(String method, String path, String authorization, String body, int answer) {
    }

    static String ticketIdOf(String sample, String pointer) throws Exception {
        try (var in = WorkerIT.class.getResourceAsStream("/helpdesk/" + sample)) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(in).at(pointer).asString();
        }
    }

    void receiveFromHelpdesk(String complaintId, String system, String ticketId) {
        ComplaintReceived.Builder builder = Events.received(complaintId).setSubject("from " + system);
        probe.publish(Topics.COMPLAINTS_RECEIVED, complaintId, builder
                .setCustomer(com.makeitright.events.Customer.newBuilder(builder.getCustomer())
                        .setEmail(addressOf(complaintId)).build())
                .setExternalReference(new com.makeitright.events.ExternalReference(system, ticketId, null)).build());
    }

    /**
     * Write-back on the real broker to a local HTTP server standing in for the three helpdesks, the tickets those of
     * the vendors' sample webhooks: one internal note per acknowledgement and offer, with each vendor's auth and
     * shape, also when Zammad fails the first attempt of every note; nothing for a complaint from no helpdesk; a copy
     * of an event posts nothing more; an acknowledgement held for review is noted in the agent's approved words.
     */
    @Test
    void acknowledgementsAndOffersAreWrittenBackOnceAsInternalNotesToTheOriginatingTickets() throws Exception {
        java.util.Queue<HelpdeskRequest> requests = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        com.sun.net.httpserver.HttpServer helpdesk = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        helpdesk.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String delivery = exchange.getRequestHeaders().getFirst("X-MakeItRight-Delivery");
            boolean zammad = exchange.getRequestURI().getPath().startsWith("/zammad/");
            int answer = zammad && failedOnce.add(delivery) ? 503 : 201;
            requests.add(new HelpdeskRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        helpdesk.start();
        try {
            String base = "http://127.0.0.1:" + helpdesk.getAddress().getPort();
            worker("worker-it-writeback", smtp.getSmtp().getPort(),
                    "--makeitright.writeback.zammad.base-url=" + base + "/zammad/",
                    "--makeitright.writeback.zammad.token=zammad-token-123",
                    "--makeitright.writeback.zendesk.base-url=" + base + "/zendesk",
                    "--makeitright.writeback.zendesk.email=agent@shop.test",
                    "--makeitright.writeback.zendesk.token=zendesk-token-456",
                    "--makeitright.writeback.freshdesk.base-url=" + base + "/freshdesk",
                    "--makeitright.writeback.freshdesk.api-key=freshdesk-key-789",
                    "--makeitright.writeback.delivery.backoff=20ms");
            String zammadTicket = ticketIdOf("zammad-ticket-created.json", "/ticket/id");
            String zendeskTicket = ticketIdOf("zendesk-ticket-created.json", "/ticket_id");
            String freshdeskTicket = ticketIdOf("freshdesk-ticket-created.json", "/freshdesk_webhook/ticket_id");
            assertThat(List.of(zammadTicket, zendeskTicket, freshdeskTicket)).containsExactly("81", "7", "11");

            String fromZammad = newComplaintId();
            String fromZendesk = newComplaintId();
            String fromFreshdesk = newComplaintId();
            String fromNowhere = newComplaintId();
            receiveFromHelpdesk(fromZammad, "zammad", zammadTicket);
            receiveFromHelpdesk(fromZendesk, "zendesk", zendeskTicket);
            receiveFromHelpdesk(fromFreshdesk, "freshdesk", freshdeskTicket);
            receive(fromNowhere, "no helpdesk");
            RemedyOffered zammadOffer = Events.offered(fromZammad).build();
            for (String id : List.of(fromZammad, fromFreshdesk, fromNowhere)) {
                probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, id, Events.acknowledged(id)
                        .setAcknowledgementText("We are sorry, " + id + ".").build());
                probe.publish(Topics.REMEDY_OFFERED, id, id.equals(fromZammad) ? zammadOffer : Events.offered(id).build());
            }
            ComplaintAcknowledged held = Events.acknowledged(fromZendesk).setReviewNeeded(true)
                    .setAcknowledgementText("draft nobody may see").build();
            probe.publish(Topics.COMPLAINTS_ACKNOWLEDGED, fromZendesk, held);
            probe.publish(Topics.ACKNOWLEDGEMENT_APPROVALS, fromZendesk, Events.acknowledgementApproved(held)
                    .setText("Approved words for " + fromZendesk + ".").setEdited(true).build());
            probe.publish(Topics.REMEDY_OFFERED, fromZendesk, Events.offered(fromZendesk).build());
            probe.publish(Topics.REMEDY_OFFERED, fromZammad, zammadOffer); // a copy of the event

            await().atMost(KafkaProbe.PATIENCE).until(() -> requests.stream().filter(r -> r.answer() == 201).count() >= 6);
            awaitMarkerMailed(fromZammad); // the copy was processed too
            List<HelpdeskRequest> posted = requests.stream().filter(r -> r.answer() == 201).toList();
            assertThat(posted).hasSize(6);
            assertThat(requests).filteredOn(r -> r.answer() == 503).hasSize(2); // zammad's first attempts, retried
            assertThat(requests).noneMatch(r -> r.body().contains(fromNowhere) || r.body().contains("draft nobody"));

            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            List<HelpdeskRequest> zammad = posted.stream().filter(r -> r.path().startsWith("/zammad/")).toList();
            assertThat(zammad).hasSize(2).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/zammad/api/v1/ticket_articles");
                assertThat(r.authorization()).isEqualTo("Token token=zammad-token-123");
                var article = json.readTree(r.body());
                assertThat(article.get("ticket_id").asLong()).isEqualTo(81);
                assertThat(article.get("type").asString()).isEqualTo("note");
                assertThat(article.get("internal").asBoolean()).isTrue();
                assertThat(article.get("content_type").asString()).isEqualTo("text/plain");
            });
            assertThat(zammad).anySatisfy(r -> assertThat(json.readTree(r.body()).get("body").asString())
                    .contains("We are sorry, " + fromZammad + ".", "Ref "));
            assertThat(zammad).anySatisfy(r -> assertThat(json.readTree(r.body()).get("body").asString())
                    .contains(zammadOffer.getDescription(), zammadOffer.getReasoning().getSummary(),
                            zammadOffer.getOfferId(), "Ref " + zammadOffer.getEventId()));

            String zendeskAuth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "agent@shop.test/token:zendesk-token-456".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<HelpdeskRequest> zendesk = posted.stream().filter(r -> r.path().startsWith("/zendesk/")).toList();
            assertThat(zendesk).hasSize(2).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("PUT");
                assertThat(r.path()).isEqualTo("/zendesk/api/v2/tickets/7.json");
                assertThat(r.authorization()).isEqualTo(zendeskAuth);
                assertThat(json.readTree(r.body()).at("/ticket/comment/public").asBoolean(true)).isFalse();
            });
            assertThat(zendesk).anySatisfy(r -> assertThat(json.readTree(r.body()).at("/ticket/comment/body").asString())
                    .contains("Approved words for " + fromZendesk + ".", "agent.ann"));

            String freshdeskAuth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "freshdesk-key-789:X".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<HelpdeskRequest> freshdesk = posted.stream().filter(r -> r.path().startsWith("/freshdesk/")).toList();
            assertThat(freshdesk).hasSize(2).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/freshdesk/api/v2/tickets/11/notes");
                assertThat(r.authorization()).isEqualTo(freshdeskAuth);
                assertThat(json.readTree(r.body()).get("private").asBoolean()).isTrue();
            });
        } finally {
            running.forEach(ConfigurableApplicationContext::close);
            running.clear();
            helpdesk.stop(0);
        }
    }
}
