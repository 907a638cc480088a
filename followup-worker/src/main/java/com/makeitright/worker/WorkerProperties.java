package com.makeitright.worker;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintAcknowledged;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;

/**
 * The worker's settings ({@code makeitright.worker.*}), validated at start-up; the SMTP server itself is Spring
 * Boot's {@code spring.mail.*} (application.yml maps {@code MAIL_*} onto both). Documented in
 * docs/follow-up-worker.md.
 *
 * @param sender          the From address of every mail, e.g. {@code Make It Right <care@example.com>}
 * @param replyTo         where a customer's reply goes; empty: to the sender
 * @param templates       where the mail templates are ({@code classpath:mail-templates/} or {@code file:/etc/...})
 * @param links           the answer links in offer mails
 * @param acknowledgement which acknowledgements go out without an agent's review
 * @param delivery        retries of one SMTP send
 * @param retention       how long the worker's stores keep an entry
 * @param inbox           the team's address for escalations and call tasks
 * @param sms             whether reminders go by SMS to customers who gave a phone too
 */
@Validated
@ConfigurationProperties("makeitright.worker")
public record WorkerProperties(
        @NotBlank String sender,
        String replyTo,
        @NotBlank @DefaultValue("classpath:mail-templates/") String templates,
        @NotNull @Valid Links links,
        @NotNull @Valid @DefaultValue Acknowledgement acknowledgement,
        @NotNull @Valid @DefaultValue Delivery delivery,
        @NotNull @Valid @DefaultValue Retention retention,
        @NotNull @Valid @DefaultValue Inbox inbox,
        @NotNull @Valid @DefaultValue Sms sms) {

    /**
     * The SMS channel: an offer reminder goes by SMS to a customer who gave a phone besides the e-mail address the
     * offer went to (the other channel). Off by default: with no provider plugged in (docs/follow-up-worker.md) the
     * sender only logs, and a reminder that only reaches a log is lost; off, such a customer is reminded by e-mail.
     *
     * @param enabled whether reminders go by SMS when the customer gave a phone and an e-mail address
     */
    public record Sms(@DefaultValue("false") boolean enabled) {
    }

    /**
     * The agents' inbox: promise breaches, overdue approvals and overdue acknowledgements, and a call task for a
     * customer reachable only by phone whose offer is unanswered, each mailed once to {@code address} with a link to
     * the case on the dashboard. Off while {@code address} is blank.
     *
     * @param address      the team's address, e.g. {@code care-team@example.com}; blank: no team mail
     * @param dashboardUrl the ops dashboard (followup-service) agents open; a case is {@code <url>/#/complaints/<id>}
     */
    public record Inbox(
            @Pattern(regexp = "|[^\\s@<>]+@[^\\s@<>]+", message = "must be one e-mail address, or blank for off")
            @DefaultValue("") String address,
            @NotBlank @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query")
            @DefaultValue("http://localhost:8083") String dashboardUrl) {

        public boolean enabled() {
            return address != null && !address.isBlank();
        }

        public String caseUrl(String complaintId) {
            return dashboardUrl.replaceAll("/+$", "") + "/#/complaints/"
                    + java.net.URLEncoder.encode(complaintId, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * @param baseUrl where customers reach intake's customer pages (intake's public URL, no trailing path)
     * @param key     the HMAC-SHA256 key shared with intake, at least 32 bytes; it signs every link
     * @param satisfactionValidity how long the answer links of a satisfaction check work, from when it came due
     */
    public record Links(
            @NotBlank @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) URL without query")
            String baseUrl,
            @NotBlank @Size(min = 32, message = "must have at least 32 characters") String key,
            @NotNull @DurationMin(hours = 1) @DefaultValue("P30D") Duration satisfactionValidity) {
    }

    /**
     * The configured rule "safe to send at once": triage found no reason for review, and the cause and the anger are
     * among these. Anything else waits for an agent.
     *
     * @param autoSend whether any acknowledgement goes out without review
     * @param causes   causes whose acknowledgement may go out unreviewed
     * @param angers   anger levels whose acknowledgement may go out unreviewed
     */
    public record Acknowledgement(
            @DefaultValue("true") boolean autoSend,
            @NotEmpty @DefaultValue({"OUR_ERROR", "MISUNDERSTANDING", "MISPLACED_HOSTILITY"}) Set<Cause> causes,
            @NotEmpty @DefaultValue({"CALM", "UPSET", "ANGRY"}) Set<Anger> angers) {

        /**
         * The rule "safe to send at once": nothing for triage to doubt, and a cause and anger the team let through.
         * Its one home: the mail and the helpdesk note of an acknowledgement follow it alike.
         */
        public boolean sendsUnreviewed(ComplaintAcknowledged acknowledged) {
            return autoSend && !acknowledged.getReviewNeeded() && causes.contains(acknowledged.getCause())
                    && angers.contains(acknowledged.getAnger());
        }
    }

    /**
     * One send is tried up to {@code maxAttempts} times, waiting {@code backoff}, doubling up to {@code maxBackoff}.
     * The whole of it must fit well inside the stream transaction's timeout (set to 2 minutes by the worker).
     * After {@code sendsPerCommit} sends the worker asks for a commit at once instead of at the next commit interval:
     * it bounds how many mails a failed transaction sends again, at the price of one commit per that many sends.
     */
    public record Delivery(
            @Min(1) @Max(10) @DefaultValue("3") int maxAttempts,
            @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 10) @DefaultValue("1s") Duration backoff,
            @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 20) @DefaultValue("8s") Duration maxBackoff,
            @Min(1) @Max(10_000) @DefaultValue("50") int sendsPerCommit) {
    }

    /**
     * @param sentLog       a sent mail is remembered this long, so a duplicate or replayed event cannot send it again
     * @param contacts      a complaint's contact (name, address) is kept this long after its last event
     * @param purgeInterval how often the purge runs (wall clock)
     * @param purgeBatch    at most this many entries removed per store and run
     */
    public record Retention(
            @NotNull @DurationMin(seconds = 1) @DefaultValue("P30D") Duration sentLog,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("P180D") Duration contacts,
            @NotNull @DurationMin(millis = 100) @DefaultValue("PT10M") Duration purgeInterval,
            @Min(1) @Max(1_000_000) @DefaultValue("1000") int purgeBatch) {
    }
}
