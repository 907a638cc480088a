package com.makeitright.cli.simulate;

import com.makeitright.cli.mail.AnswerLink;
import com.makeitright.cli.mail.AnswerPage;
import com.makeitright.cli.mail.MailServer;
import com.makeitright.cli.mail.ReceivedMail;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code simulate --via-mail}: the simulated customer answers as a person does, by the links in the mails the local
 * mail server received (the follow-up worker's offer and satisfaction-check mails, read through GreenMail's REST API
 * like {@code ./complaints mail}), on the pages intake serves for them; not through the API shortcut. What they
 * answer is still {@link CustomerBehaviour}'s draw: {@link #forOffer} and {@link #forCheck} turn the API body it
 * would have sent into the link to click and the form fields to fill in.
 */
final class MailAnswers {

    /** The answer as clicked: which link ({@link AnswerLink#action()}) and what goes into the page's form. */
    record Choice(String action, Map<String, String> fields) {
    }

    private final MailServer server;
    private final AnswerPage browser;

    MailAnswers(URI mailApi, Duration timeout) {
        this.server = new MailServer(mailApi.toString());
        this.browser = new AnswerPage(timeout);
    }

    /**
     * The link and form for a {@code remedy-response} body: ACCEPT (nothing to fill in), DECLINE (the note), or
     * COUNTER (what instead, how much, in the customer's words; the currency is the page's, as for a person).
     */
    static Choice forOffer(Map<String, Object> response) {
        String decision = String.valueOf(response.get("decision"));
        Map<String, String> fields = new LinkedHashMap<>();
        if ("DECLINE".equals(decision) && response.get("note") != null) {
            fields.put("note", response.get("note").toString());
        } else if ("COUNTER".equals(decision) && response.get("counterOffer") instanceof Map<?, ?> counter) {
            fields.put("kind", String.valueOf(counter.get("kind")));
            if (counter.get("amount") instanceof BigDecimal amount) {
                fields.put("amount", amount.toPlainString());
            }
            if (counter.get("description") != null) {
                fields.put("description", counter.get("description").toString());
            }
        }
        return new Choice(decision, fields);
    }

    /** The link and form for a {@code follow-up-outcome} body: the score's link, the comment on its page. */
    static Choice forCheck(Map<String, Object> outcome) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (outcome.get("comment") != null) {
            fields.put("comment", outcome.get("comment").toString());
        }
        return new Choice("SCORE_" + outcome.get("score"), fields);
    }

    /** The first link in {@code address}'s mailbox that {@code wanted} accepts, or empty when none came yet. */
    Optional<AnswerLink> find(String address, Predicate<AnswerLink> wanted) throws IOException {
        for (ReceivedMail mail : server.receivedBy(address)) {
            for (AnswerLink link : mail.answerLinks()) {
                if (wanted.test(link)) {
                    return Optional.of(link);
                }
            }
        }
        return Optional.empty();
    }

    AnswerPage.Result click(AnswerLink link, Choice choice) throws IOException, InterruptedException {
        return browser.follow(link.url(), choice.fields());
    }
}
