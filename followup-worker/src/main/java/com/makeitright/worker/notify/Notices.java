package com.makeitright.worker.notify;

import com.makeitright.contract.Monies;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.OfferStatus;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.ResponseDecision;
import com.makeitright.platform.links.LinkTokens;
import com.makeitright.worker.WorkerProperties;
import com.makeitright.worker.mail.MailKind;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which events owe the customer a mail, and its template values: an acknowledgement triage drafted, when the
 * configured rule says it is safe to send without an agent's review, else in the words an agent approved; every
 * {@code OPEN} offer, with a signed link per answer that expires with the offer (an answer is late from
 * {@code expiresAt} on, so a link is too).
 */
final class Notices {

    static final String ACKNOWLEDGEMENT_SUBJECT = "acknowledgement";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WorkerProperties.Acknowledgement rule;
    private final LinkTokens tokens;
    private final String answerUrl;

    private final java.time.Duration satisfactionValidity;
    private final WorkerProperties.Inbox inbox;

    Notices(WorkerProperties.Acknowledgement rule, LinkTokens tokens, String linkBaseUrl,
            java.time.Duration satisfactionValidity, WorkerProperties.Inbox inbox) {
        this.rule = rule;
        this.inbox = inbox;
        this.satisfactionValidity = satisfactionValidity;
        this.tokens = tokens;
        this.answerUrl = linkBaseUrl.replaceAll("/+$", "") + LinkTokens.ANSWER_PATH + "?token=";
    }

    /** The rule "safe to send at once": nothing for triage to doubt, and a cause and anger the team let through. */
    boolean sendsUnreviewed(ComplaintAcknowledged acknowledged) {
        return rule.sendsUnreviewed(acknowledged);
    }

    Optional<Notice> of(ComplaintAcknowledged acknowledged) {
        if (!sendsUnreviewed(acknowledged)) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("acknowledgementText", acknowledged.getAcknowledgementText());
        values.put("complaintSubject", acknowledged.getSubject());
        return Optional.of(new Notice(MailKind.ACKNOWLEDGEMENT, acknowledged.getComplaintId(), acknowledged.getRound(),
                ACKNOWLEDGEMENT_SUBJECT, values, acknowledged.getOccurredAt(), acknowledged.getEventId()));
    }

    /**
     * The acknowledgement in the words an agent approved. Its key is the unreviewed one's (complaint, round,
     * {@code ACKNOWLEDGEMENT}): one acknowledgement per round, so one that already went out unreviewed is not mailed
     * again, nor is a copy of the approval. The subject line takes the complaint's subject from the contact.
     */
    Notice of(AcknowledgementApproved approved) {
        Map<String, String> values = new HashMap<>();
        values.put("acknowledgementText", approved.getText());
        return new Notice(MailKind.ACKNOWLEDGEMENT, approved.getComplaintId(), approved.getRound(),
                ACKNOWLEDGEMENT_SUBJECT, values, approved.getOccurredAt(), approved.getApprovedBy(),
                approved.getEventId());
    }

    Optional<Notice> of(RemedyOffered offer) {
        if (offer.getStatus() != OfferStatus.OPEN) {
            return Optional.empty(); // pending approval: the approved offer comes as a new OPEN one; agreed: nothing to ask
        }
        Map<String, String> values = new HashMap<>();
        values.put("offerDescription", offer.getDescription());
        StringBuilder amount = new StringBuilder();
        if (offer.getAmount() != null) {
            amount.append("Amount: ").append(Monies.format(offer.getAmount()));
        }
        if (offer.getGoodwill() != null) {
            amount.append(amount.isEmpty() ? "" : "; ").append("and on top: ").append(offer.getGoodwill().getDescription());
        }
        values.put("offerAmount", amount.toString());
        values.put("openQuestion", offer.getOpenQuestion() == null ? "" : offer.getOpenQuestion());
        values.put("expiresAt", WHEN.format(offer.getExpiresAt()));
        values.put("acceptUrl", link(offer, ResponseDecision.ACCEPT));
        values.put("declineUrl", link(offer, ResponseDecision.DECLINE));
        values.put("counterUrl", link(offer, ResponseDecision.COUNTER));
        return Optional.of(new Notice(MailKind.OFFER, offer.getComplaintId(), offer.getRound(), offer.getOfferId(),
                values, offer.getOccurredAt(), offer.getEventId()));
    }

    /**
     * A satisfaction check: five one-click answers, each a signed link bound to the complaint's round (so a link of an
     * earlier round cannot answer a later one) and the score, valid for the configured time after it came due.
     */
    Optional<Notice> of(FollowUpDue due) {
        if (due.getKind() != FollowUpKind.SATISFACTION_CHECK) {
            return Optional.empty(); // escalations (ACKNOWLEDGEMENT_OVERDUE too) go to the team, not to the customer
        }
        Map<String, String> values = new HashMap<>();
        java.time.Instant until = due.getDueAt().plus(satisfactionValidity);
        for (int score = 1; score <= 5; score++) {
            values.put("score" + score + "Url", answerUrl + tokens.issue(new LinkTokens.Claim(due.getComplaintId(),
                    LinkTokens.satisfactionSubject(due.getRound()), LinkTokens.scoreAction(score), until)));
        }
        return Optional.of(new Notice(MailKind.SATISFACTION_CHECK, due.getComplaintId(), due.getRound(),
                "check", values, due.getOccurredAt(), due.getEventId()));
    }

    /**
     * The one reminder of an offer (followup's {@code OFFER_REMINDER}): the offer mail's values and links again, under
     * a key of its own (complaint, round, {@code OFFER_REMINDER}, offer), owed by the {@code FollowUpDue}.
     */
    Notice reminder(FollowUpDue due, Notice offer) {
        return new Notice(MailKind.OFFER_REMINDER, offer.complaintId(), offer.round(), offer.subjectId(),
                offer.values(), due.getOccurredAt(), due.getEventId());
    }

    /**
     * A reminder of a customer who gave only a phone (the other channel: {@link Routes}) becomes a call task for the team:
     * the name and phone an agent needs to call, the offer and the case link; nothing else of the customer's.
     */
    Optional<Notice> callTask(Notice reminder, ContactCard contact) {
        if (!inbox.enabled() || !contact.hasPhone()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("customerName", contact.name());
        values.put("phone", contact.phone());
        values.put("offerDescription", reminder.values().getOrDefault("offerDescription", ""));
        values.put("expiresAt", reminder.values().getOrDefault("expiresAt", ""));
        values.put("caseUrl", inbox.caseUrl(reminder.complaintId()));
        return Optional.of(new Notice(MailKind.INBOX_CALL_TASK, reminder.complaintId(), reminder.round(),
                reminder.subjectId(), values, reminder.at(), reminder.causationId()));
    }

    /**
     * An escalation for the team's inbox: what is overdue, since when, followup's reason (what to do) and the case
     * link. One per check: its key is the check's (complaint, round, kind, offer or round). Empty when the inbox is off
     * or the kind is not an escalation.
     */
    Optional<Notice> escalation(FollowUpDue due) {
        String overdue = switch (due.getKind()) {
            case PROMISE_BREACHED -> "a promise breached";
            case APPROVAL_OVERDUE -> "an approval overdue";
            case ACKNOWLEDGEMENT_OVERDUE -> "an acknowledgement overdue";
            default -> null;
        };
        if (overdue == null || !inbox.enabled()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("overdue", overdue);
        values.put("reason", due.getReason());
        values.put("dueAt", WHEN.format(due.getDueAt()));
        values.put("caseUrl", inbox.caseUrl(due.getComplaintId()));
        // part of the Message-ID too: letters, digits, '-' and '.' only
        String subject = due.getKind().name().toLowerCase(Locale.ROOT).replace('_', '-') + "."
                + (due.getOfferId() == null ? "round" : due.getOfferId());
        return Optional.of(new Notice(MailKind.INBOX_ESCALATION, due.getComplaintId(), due.getRound(), subject, values,
                due.getOccurredAt(), due.getEventId()));
    }

    private String link(RemedyOffered offer, ResponseDecision decision) {
        return answerUrl + tokens.issue(new LinkTokens.Claim(offer.getComplaintId(), offer.getOfferId(), decision.name(),
                offer.getExpiresAt()));
    }
}
