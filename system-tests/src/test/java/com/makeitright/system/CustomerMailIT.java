package com.makeitright.system;

import com.makeitright.contract.Topics;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.ResponseDecision;
import com.makeitright.testing.ComplaintRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer hears back, end to end: a complaint posted to intake is triaged, remedy offers a remedy, the follow-up
 * worker (its packaged jar, its own JVM, on the stack's broker, started by {@link SystemStack}) mails the offer to a
 * real SMTP server (GreenMail, in the test JVM), and the accept link taken from the received mail, followed like a
 * browser does (GET the page, POST its form), records {@code RemedyResponded ACCEPT}; the case moves to AGREED.
 */
@ExtendWith(SystemStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerMailIT {

    static final Pattern ACCEPT_LINK = Pattern.compile("Yes, please:\\s+(\\S+)");
    static final Pattern TOKEN_FIELD = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private SystemStack system;
    private final HttpClient browser = HttpClient.newHttpClient();

    @BeforeAll
    void awaitWorker(SystemStack system) {
        this.system = system;
        system.worker();
    }

    @Test
    void theOfferMailsAcceptLinkRecordsTheCustomersAcceptance() throws Exception {
        Helpdesk helpdesk = new Helpdesk(system.intake());
        String email = "mail-" + UUID.randomUUID() + "@customers.test";
        String id = helpdesk.submit(ComplaintRequest.aComplaint().withOrderAmount("12.00", "USD").withEmail(email));
        JsonNode view = helpdesk.awaitOfferForCustomer(id, 1);
        String offerId = view.path("openOffer").path("offerId").asString();

        MimeMessage offerMail = await().atMost(Helpdesk.PATIENCE).until(() -> mailsTo(email).stream()
                .filter(m -> subject(m).startsWith("What we can do")).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(subject(offerMail)).contains(id);
        String text = part(offerMail.getContent(), "text/plain");
        Matcher link = ACCEPT_LINK.matcher(text);
        assertThat(link.find()).as("an accept link in %s", text).isTrue();

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
        assertThat(mailsTo(email).stream().filter(m -> subject(m).startsWith("What we can do"))).hasSize(1);
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(system.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    return (String) body.getContent();
                }
                String nested = part(body.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String htmlUnescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
