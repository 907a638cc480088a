package com.makeitright.intake.actions;

import com.makeitright.contract.Monies;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.ResponseDecision;
import com.makeitright.intake.CustomerLinksProperties;
import com.makeitright.intake.common.Actor;
import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.common.TransitionRefused;
import com.makeitright.intake.common.UnknownComplaint;
import com.makeitright.intake.status.ComplaintState;
import com.makeitright.platform.links.LinkTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The customer's side of a mail. A satisfaction link (its subject the round, its action the score) shows the score
 * with a comment field and records {@code FollowUpCompleted} through {@link ComplaintActions#completeFollowUp}, the
 * API's path: below {@code satisfied-from} the case reopens with the comment. An offer link:
 * {@code GET /customer/answer?token=…} shows the offer and asks to confirm the answer the link stands for (for a
 * counter-proposal, a short form); {@code POST} records it as {@code RemedyResponded} through
 * {@link ComplaintActions#respond}, the same path, rules and publishing as the API's remedy-response. The
 * token proves we sent the link (complaint, offer, action, expiry); single use is the state machine's: once answered
 * the offer is no longer open, and a second answer is refused like any late one, on every instance and after any
 * restart. A forged, expired or used link gets a page that says so, and nothing is published. Pages are for people:
 * HTML, never cached, never sending the token on as a referrer.
 */
@Controller
class CustomerAnswers {

    private static final Logger log = LoggerFactory.getLogger(CustomerAnswers.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final ComplaintActions actions;
    private final LinkTokens tokens;
    private final Clock clock;
    private final int satisfiedFrom;
    private final CustomerPages pages = new CustomerPages();

    CustomerAnswers(ComplaintActions actions, CustomerLinksProperties links, Clock clock) {
        this.actions = actions;
        this.tokens = links.enabled() ? LinkTokens.fromSecret(links.key()) : null;
        this.clock = clock;
        this.satisfiedFrom = links.satisfiedFrom();
    }

    @GetMapping(path = LinkTokens.ANSWER_PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    Mono<ResponseEntity<String>> show(@RequestParam(name = "token", required = false) String token) {
        return Mono.defer(() -> {
            LinkTokens.Claim claim = verify(token);
            OptionalInt round = LinkTokens.roundOf(claim.subjectId());
            if (round.isPresent()) {
                int score = LinkTokens.scoreOf(claim.action()).getAsInt();
                return actions.satisfactionAnswerable(claim.complaintId(), round.getAsInt())
                        .map(state -> satisfactionForm(state, claim, score, "", HttpStatus.OK));
            }
            ResponseDecision decision = ResponseDecision.valueOf(claim.action());
            return actions.answerable(claim.complaintId(), claim.subjectId(), decision)
                    .map(state -> form(state, claim, decision, "", HttpStatus.OK));
        }).onErrorResume(this::refusal);
    }

    @PostMapping(path = LinkTokens.ANSWER_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    Mono<ResponseEntity<String>> answer(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            LinkTokens.Claim claim = verify(form.getFirst("token"));
            OptionalInt round = LinkTokens.roundOf(claim.subjectId());
            if (round.isPresent()) {
                return satisfaction(claim, round.getAsInt(), form);
            }
            ResponseDecision decision = ResponseDecision.valueOf(claim.action());
            return Mono.defer(() -> actions.respond(claim.complaintId(), new ActionBodies.RemedyResponse(
                            decision.name(), claim.subjectId(), decision == ResponseDecision.COUNTER ? counter(form) : null,
                            blankToNull(form.getFirst("note"))), Actor.CUSTOMER))
                    .map(published -> answered(decision, claim.complaintId()))
                    .onErrorResume(InvalidInput.class, invalid -> decision != ResponseDecision.COUNTER
                            ? Mono.error(invalid)
                            : actions.answerable(claim.complaintId(), claim.subjectId(), decision)
                            .map(state -> form(state, claim, decision, describe(invalid), HttpStatus.BAD_REQUEST)));
        }).onErrorResume(this::refusal);
    }

    /** The satisfaction check's answer, through the API's follow-up-outcome path; a low score reopens the case. */
    private Mono<ResponseEntity<String>> satisfaction(LinkTokens.Claim claim, int round,
                                                     MultiValueMap<String, String> form) {
        int score = LinkTokens.scoreOf(claim.action()).getAsInt();
        boolean satisfied = score >= satisfiedFrom;
        ActionBodies.FollowUpOutcome body = new ActionBodies.FollowUpOutcome(satisfied, score,
                blankToNull(form.getFirst("comment")));
        return Mono.defer(() -> actions.completeFollowUp(claim.complaintId(), round, body))
                .map(published -> page(HttpStatus.OK, CustomerPages.Page.ANSWERED, Map.of("title", "Thank you",
                        "headline", "Thank you, we have your answer", "reference", claim.complaintId(),
                        "whatNext", satisfied ? "We are glad it turned out well. Thank you for staying with us."
                                : "We are sorry it is not right yet. We have taken your case up again and will"
                                + " be in touch soon.")))
                .onErrorResume(InvalidInput.class, invalid -> actions.satisfactionAnswerable(claim.complaintId(), round)
                        .map(state -> satisfactionForm(state, claim, score, describe(invalid), HttpStatus.BAD_REQUEST)));
    }

    private LinkTokens.Claim verify(String token) {
        if (tokens == null) {
            throw new LinksOff();
        }
        LinkTokens.Claim claim = tokens.verify(token, clock.instant());
        boolean satisfaction = LinkTokens.roundOf(claim.subjectId()).isPresent()
                && LinkTokens.scoreOf(claim.action()).isPresent();
        boolean offer = LinkTokens.roundOf(claim.subjectId()).isEmpty()
                && java.util.Arrays.stream(ResponseDecision.values()).anyMatch(d -> d.name().equals(claim.action()));
        if (!satisfaction && !offer) { // our signature on a shape we do not answer
            throw new LinkTokens.InvalidToken(LinkTokens.Problem.MALFORMED, "This link is not an answer we know.");
        }
        return claim;
    }

    private ResponseEntity<String> satisfactionForm(ComplaintState state, LinkTokens.Claim claim, int score,
                                                    String problem, HttpStatus status) {
        return page(status, CustomerPages.Page.SATISFACTION, Map.of("title", "How did we do?",
                "reference", state.complaintId(), "score", String.valueOf(score), "problem", problem,
                "token", tokens.issue(claim), "formAction", LinkTokens.ANSWER_PATH));
    }

    private static ActionBodies.CounterOffer counter(MultiValueMap<String, String> form) {
        String amount = blankToNull(form.getFirst("amount"));
        BigDecimal value;
        try {
            value = amount == null ? null : new BigDecimal(amount.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidInput("counterOffer.amount", "must be a number, such as 25.00");
        }
        return new ActionBodies.CounterOffer(form.getFirst("kind"), value,
                value == null ? null : blankToNull(form.getFirst("currency")), blankToNull(form.getFirst("description")));
    }

    private ResponseEntity<String> form(ComplaintState state, LinkTokens.Claim claim, ResponseDecision decision,
                                        String problem, HttpStatus status) {
        RemedyOffered offer = state.offer(claim.subjectId()).orElseThrow();
        Map<String, String> values = new HashMap<>();
        values.put("title", "Your answer to our offer");
        values.put("reference", state.complaintId());
        values.put("offerDescription", offer.getDescription());
        values.put("offerAmount", offer.getAmount() == null ? "" : "Amount: " + Monies.format(offer.getAmount()));
        values.put("expiresAt", WHEN.format(offer.getExpiresAt()));
        values.put("currency", offer.getEstimatedCost().getCurrency());
        values.put("problem", problem);
        values.put("token", tokens.issue(claim));
        values.put("formAction", LinkTokens.ANSWER_PATH);
        CustomerPages.Page page = switch (decision) {
            case ACCEPT -> CustomerPages.Page.ACCEPT;
            case DECLINE -> CustomerPages.Page.DECLINE;
            default -> CustomerPages.Page.COUNTER;
        };
        return page(status, page, values);
    }

    private ResponseEntity<String> answered(ResponseDecision decision, String complaintId) {
        String whatNext = switch (decision) {
            case ACCEPT -> "We are arranging it now and will write to you once it is done.";
            case DECLINE -> "We will think again and come back to you with a better proposal soon.";
            default -> "We will look at your proposal and answer you soon, by e-mail.";
        };
        return page(HttpStatus.OK, CustomerPages.Page.ANSWERED, Map.of("title", "Thank you", "headline",
                "Thank you, we have your answer", "whatNext", whatNext, "reference", complaintId));
    }

    private Mono<ResponseEntity<String>> refusal(Throwable error) {
        if (error instanceof LinkTokens.InvalidToken invalid) {
            return Mono.just(invalid.problem() == LinkTokens.Problem.EXPIRED
                    ? refused(HttpStatus.GONE, "This link has expired",
                    "The offer it belongs to could only be answered until its expiry. We will be in touch.")
                    : refused(HttpStatus.BAD_REQUEST, "This link is not valid",
                    "It is incomplete or was changed. Please use the link exactly as it is in our e-mail."));
        }
        if (error instanceof TransitionRefused refused
                && refused.refusal().reason() == com.makeitright.intake.common.Refusal.Reason.CLOSED_WITHOUT_ANSWER) {
            return Mono.just(refused(HttpStatus.CONFLICT, "This question is closed",
                    "We did not hear back from you in time, so we closed it. If something is still not right, "
                            + "reply to our e-mail and a person will look at it again."));
        }
        if (error instanceof TransitionRefused refused
                && (refused.refusal().reason() == com.makeitright.intake.common.Refusal.Reason.ALREADY_ANSWERED
                || refused.refusal().reason() == com.makeitright.intake.common.Refusal.Reason.NO_SATISFACTION_CHECK_DUE)) {
            return Mono.just(refused(HttpStatus.CONFLICT, "This question was already answered",
                    "We already have your answer to it. Thank you."));
        }
        if (error instanceof TransitionRefused refused) {
            return Mono.just(refused.refusal().reason() == com.makeitright.intake.common.Refusal.Reason.OFFER_EXPIRED
                    ? refused(HttpStatus.GONE, "This offer has expired",
                    "It could only be answered until its expiry. We will be in touch.")
                    : refused(HttpStatus.CONFLICT, "This offer was already answered",
                    "We already have an answer to it, or it was replaced by a newer offer we sent you."));
        }
        if (error instanceof UnknownComplaint) {
            return Mono.just(refused(HttpStatus.NOT_FOUND, "We cannot find this case",
                    "It may have been closed a long time ago."));
        }
        if (error instanceof InvalidInput invalid) {
            return Mono.just(refused(HttpStatus.BAD_REQUEST, "We could not read your answer", describe(invalid)));
        }
        if (error instanceof LinksOff) {
            return Mono.just(refused(HttpStatus.SERVICE_UNAVAILABLE, "Answering by link is not available",
                    "Please reply to our e-mail instead."));
        }
        log.warn("Customer answer failed: {}", error.toString());
        return Mono.just(refused(HttpStatus.SERVICE_UNAVAILABLE, "We could not take your answer just now",
                "Please try the link again in a minute."));
    }

    private ResponseEntity<String> refused(HttpStatus status, String headline, String explanation) {
        return page(status, CustomerPages.Page.REFUSED, Map.of("title", headline, "headline", headline,
                "explanation", explanation));
    }

    private ResponseEntity<String> page(HttpStatus status, CustomerPages.Page page, Map<String, String> values) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff")
                .body(pages.render(page, values));
    }

    private static String describe(InvalidInput invalid) {
        return invalid.problems().stream().map(p -> p.field().replace("counterOffer.", "") + " " + p.message())
                .collect(Collectors.joining("; "));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** No link key configured: intake runs without the worker. */
    private static final class LinksOff extends RuntimeException {
        LinksOff() {
            super("customer links are not configured", null, false, false);
        }
    }
}
