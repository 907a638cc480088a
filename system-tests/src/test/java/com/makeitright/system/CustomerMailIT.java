package com.makeitright.system;

import com.makeitright.cli.mail.AnswerLink;
import com.makeitright.cli.mail.AnswerPage;
import com.makeitright.cli.mail.ReceivedMail;
import com.makeitright.cli.simulate.IntakeClient;
import com.makeitright.contract.Topics;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.ComplaintRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer hears back, end to end (issue #14): the whole conversation by mail in
 * {@link #theWholeConversationByMailFromComplaintToReopenedCase}, and the accept link alone in the other test.
 * A complaint posted to intake is triaged, remedy offers a remedy, the follow-up
 * worker (its packaged jar, its own JVM, started by {@code ./complaints up} with the rest of the stack) mails the offer
 * to the stack's real SMTP server (GreenMail standalone, its own JVM, read through its REST API as
 * {@code ./complaints mail} reads it), and the accept link taken from the received mail, followed like a browser does
 * (GET the page, POST its form), records {@code RemedyResponded ACCEPT}; the case moves to AGREED. That complaint's
 * acknowledgement went out unreviewed, so an agent's approval afterwards is refused ({@code 409 ALREADY_SENT}).
 */
@ExtendWith(SystemStack.class)
@ResourceLock(value = SystemStack.LOCK, mode = ResourceAccessMode.READ)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerMailIT {

    static final Pattern ACCEPT_LINK = Pattern.compile("Yes, please:\\s+(\\S+)");
    static final Pattern TOKEN_FIELD = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newHttpClient();
    private SystemStack system;

    @Test
    void theOfferMailsAcceptLinkRecordsTheCustomersAcceptance(SystemStack system) throws Exception {
        this.system = system;
        Helpdesk helpdesk = new Helpdesk(system.intake());
        String email = "mail-" + UUID.randomUUID() + "@customers.test";
        String id = helpdesk.submit(ComplaintRequest.aComplaint().withOrderAmount("12.00", "USD").withEmail(email));
        JsonNode view = helpdesk.awaitOfferForCustomer(id, 1);
        String offerId = view.path("openOffer").path("offerId").asString();

        ReceivedMail offerMail = await().atMost(Helpdesk.PATIENCE).until(() -> mailsTo(email).stream()
                .filter(m -> m.subject().startsWith("What we can do")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(offerMail.subject()).contains(id);
        assertThat(offerMail.complaintId()).isEqualTo(id);
        String text = offerMail.text();
        Matcher link = ACCEPT_LINK.matcher(text);
        assertThat(link.find()).as("an accept link in %s", text).isTrue();
        assertThat(offerMail.links()).as("./complaints mail lists the links").contains(link.group(1));

        // the customer clicks: the page asks to confirm, the confirmation records the answer
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher token = TOKEN_FIELD.matcher(page.body());
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(token.find() && action.find()).as(page.body()).isTrue();
        URI post = URI.create(link.group(1)).resolve(action.group(1));
        HttpResponse<String> answered = browser.send(HttpRequest.newBuilder(post)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(
                        htmlUnescape(token.group(1)), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

        RemedyResponded response = system.kafka().awaitEvents(Topics.REMEDY_RESPONSES, id, 1).get(0);
        assertThat(response.getDecision()).isEqualTo(ResponseDecision.ACCEPT);
        assertThat(response.getOfferId()).isEqualTo(offerId);
        assertThat(helpdesk.awaitStage(id, "AGREED").path("agreedOffer").path("offerId").asString()).isEqualTo(offerId);
        // one offer mail for one offer
        assertThat(mailsTo(email).stream().filter(m -> m.subject().startsWith("What we can do"))).hasSize(1);
        // This complaint's acknowledgement went out without review (the auto-send rule): an agent's late approval
        // in other words is refused, saying so, instead of being accepted and never sent.
        JsonNode sent = helpdesk.awaitView(id, v -> !v.path("acknowledgementSent").isNull(), "AGREED")
                .path("acknowledgementSent");
        assertThat(sent.path("automatically").asBoolean()).as("%s", sent).isTrue();
        IntakeClient.Reply late = Helpdesk.call(() -> system.intake().post(id, "acknowledgement",
                Map.of("text", "Our own, better words"), "agent"));
        assertThat(late.status()).as("%s", late.body()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.text("reason")).isEqualTo("ALREADY_SENT");
        assertThat(late.text("detail")).contains("automatically", sent.path("sentAt").asString());
        // what a developer runs to see it
        SystemStack.Result listed = system.cli("mail", "--to", email);
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("OFFER for " + id, "subject: What we can do", link.group(1));
    }

    /**
     * Issue #14's end-to-end test, on the whole stack: a complaint whose acknowledgement triage holds for review (too
     * short to go on) is approved by an agent in their own words, and the customer receives those words; then the
     * offer mail, whose accept link (taken from the received mail, followed like a browser) agrees the offer; the
     * agent reports the remedy delivered through the API; the satisfaction check's mail comes (the stack's
     * FOLLOWUP_DELAY, 3 s, after resolution), its "2" link opens intake's page, the customer writes a comment, and
     * the status view shows the case reopened (round 2) with that score and comment.
     */
    @Test
    void theWholeConversationByMailFromComplaintToReopenedCase(SystemStack system) throws Exception {
        this.system = system;
        Helpdesk helpdesk = new Helpdesk(system.intake());
        AnswerPage browser = new AnswerPage(Duration.ofSeconds(10));
        String email = "conversation-" + UUID.randomUUID() + "@customers.test";
        String id = helpdesk.submit(ComplaintRequest.aComplaint().withOrderAmount("12.00", "USD").withEmail(email)
                .withDescription("Wrong CD arrived. Fix it."));

        // 1. The agent reviews the held draft and sends it in their own words; the customer receives those words.
        JsonNode triaged = helpdesk.awaitView(id, view -> !view.path("triage").isNull(),
                "ACKNOWLEDGED", "OFFERED", "AWAITING_APPROVAL");
        assertThat(triaged.path("triage").path("reviewNeeded").asBoolean())
                .as("a five-word complaint is held for an agent's review: %s", triaged.path("triage")).isTrue();
        String words = "We are sorry we sent you the wrong CD, " + id.substring(0, 8)
                + ". The right one goes out today, and the wrong one is yours to keep.";
        IntakeClient.Reply approved = Helpdesk.call(() -> system.intake().post(id, "acknowledgement",
                Map.of("text", words), "agent"));
        assertThat(approved.status()).as("approval: %s", approved.body()).isEqualTo(202);
        assertThat(approved.body().path("edited").asBoolean()).isTrue();
        ReceivedMail acknowledgement = awaitMail(email, "We hear you");
        assertThat(acknowledgement.complaintId()).isEqualTo(id);
        assertThat(acknowledgement.kind()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(acknowledgement.text()).contains(words);
        assertThat(helpdesk.awaitView(id, view -> !view.path("acknowledgementSent").isNull(), "ACKNOWLEDGED",
                "OFFERED", "AWAITING_APPROVAL").path("acknowledgementSent").path("automatically").asBoolean())
                .as("sent because an agent approved it").isFalse();

        // 2. The offer mail; its accept link, from the received mail, agrees the offer.
        JsonNode offered = helpdesk.awaitOfferForCustomer(id, 1);
        String offerId = offered.path("openOffer").path("offerId").asString();
        ReceivedMail offerMail = awaitMail(email, "What we can do");
        AnswerLink accept = offerMail.answerLinks().stream()
                .filter(link -> link.answersOffer(id, offerId, "ACCEPT")).findFirst()
                .orElseThrow(() -> new AssertionError("no accept link for " + offerId + " in " + offerMail.text()));
        assertThat(browser.follow(accept.url(), Map.of()).recorded()).isTrue();
        JsonNode agreed = helpdesk.awaitStage(id, "AGREED");
        assertThat(agreed.path("agreedOffer").path("offerId").asString()).isEqualTo(offerId);

        // 3. The agent reports it delivered, as the API (and the simulator) does.
        Map<String, Object> fulfilment = new LinkedHashMap<>();
        fulfilment.put("reference", "SHIP-" + id.substring(0, 8));
        fulfilment.put("fulfilledBy", "agent.ann");
        fulfilment.put("offerId", offerId);
        if ("INSPECTION".equals(agreed.path("agreedOffer").path("kind").asString())) {
            fulfilment.put("inspectionResult", "FAULT_CONFIRMED");
        }
        IntakeClient.Reply fulfilled = Helpdesk.call(() -> system.intake().post(id, "fulfillment", fulfilment));
        assertThat(fulfilled.status()).as("fulfillment: %s", fulfilled.body()).isEqualTo(202);

        // 4. The satisfaction check's mail; "2 — not satisfied" with a comment, through its link and page.
        ReceivedMail check = awaitMail(email, "How did we do?");
        assertThat(check.kind()).isEqualTo("SATISFACTION_CHECK");
        AnswerLink two = check.answerLinks().stream().filter(link -> link.answersCheck(id, 1, 2)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"2\" link in " + check.text()));
        String comment = "The right CD came, but it skips on track 3. Not what I paid for.";
        AnswerPage.Result answered = browser.follow(two.url(), Map.of("comment", comment));
        assertThat(answered.recorded()).as(answered.body()).isTrue();
        assertThat(answered.body()).contains("taken your case up again");

        // 5. The case is open again, round 2, with the customer's score and words.
        JsonNode reopened = helpdesk.awaitView(id, view -> view.path("round").asInt() == 2,
                "REOPENED", "ACKNOWLEDGED", "OFFERED", "AWAITING_APPROVAL");
        assertThat(reopened.path("reopenedFrom").path("score").asInt()).isEqualTo(2);
        assertThat(reopened.path("reopenedFrom").path("comment").asString()).isEqualTo(comment);
        JsonNode firstCheck = reopened.path("followUps").get(0);
        assertThat(firstCheck.path("kind").asString()).isEqualTo("SATISFACTION_CHECK");
        assertThat(firstCheck.path("completed").path("satisfied").asBoolean()).isFalse();
        assertThat(firstCheck.path("completed").path("comment").asString()).isEqualTo(comment);
        // the same mail's links are spent: a second click changes nothing
        AnswerLink five = check.answerLinks().stream().filter(link -> link.answersCheck(id, 1, 5)).findFirst()
                .orElseThrow();
        assertThat(browser.follow(five.url(), Map.of()).pageStatus()).isEqualTo(409);
        // one mail of each kind in round 1 (the Message-ID is <complaint.round.kind.offer@make-it-right>)
        assertThat(mailsTo(email)).filteredOn(m -> m.messageId().startsWith("<" + id + ".1."))
                .extracting(ReceivedMail::kind).containsOnlyOnce("ACKNOWLEDGEMENT", "OFFER", "SATISFACTION_CHECK");
    }

    private ReceivedMail awaitMail(String email, String subjectStart) {
        return await().alias("a mail '" + subjectStart + "…' to " + email).atMost(Helpdesk.PATIENCE)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> mailsTo(email).stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst(),
                        Optional::isPresent).orElseThrow();
    }

    private List<ReceivedMail> mailsTo(String email) {
        try {
            return system.mail().received().stream().filter(m -> m.to().equalsIgnoreCase(email)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String htmlUnescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
