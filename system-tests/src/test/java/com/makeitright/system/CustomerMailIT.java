package com.makeitright.system;

import com.makeitright.cli.mail.ReceivedMail;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer hears back, end to end: a complaint posted to intake is triaged, remedy offers a remedy, the follow-up
 * worker (its packaged jar, its own JVM, started by {@code ./complaints up} with the rest of the stack) mails the offer
 * to the stack's real SMTP server (GreenMail standalone, its own JVM, read through its REST API as
 * {@code ./complaints mail} reads it), and the accept link taken from the received mail, followed like a browser does
 * (GET the page, POST its form), records {@code RemedyResponded ACCEPT}; the case moves to AGREED.
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
        // what a developer runs to see it
        SystemStack.Result listed = system.cli("mail", "--to", email);
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("OFFER for " + id, "subject: What we can do", link.group(1));
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
