package com.makeitright.worker.mail;

import java.util.Locale;
import java.util.Set;

/**
 * The mails the worker writes, each with the placeholders its templates may use and those they must use (so an
 * edited template cannot drop the customer's name, the case reference or an answer link unnoticed). Mails to the
 * customer greet them by name; mails to the team's inbox name the case and link to it instead.
 */
public enum MailKind {

    ACKNOWLEDGEMENT(true, Set.of("acknowledgementText", "complaintSubject"), Set.of("acknowledgementText")),
    OFFER(true, Set.of("complaintSubject", "offerDescription", "offerAmount", "openQuestion", "expiresAt",
            "acceptUrl", "declineUrl", "counterUrl"), Set.of("offerDescription", "expiresAt", "acceptUrl",
            "declineUrl", "counterUrl")),
    /** The one reminder of an offer still unanswered: the offer's own links again. */
    OFFER_REMINDER(true, OFFER.own, OFFER.requiredInBody),
    SATISFACTION_CHECK(true, Set.of("complaintSubject", "score1Url", "score2Url", "score3Url", "score4Url",
            "score5Url"), Set.of("score1Url", "score2Url", "score3Url", "score4Url", "score5Url")),
    /** To the team: a promise breached, an approval or an acknowledgement overdue. */
    INBOX_ESCALATION(false, Set.of("overdue", "reason", "dueAt"), Set.of("overdue", "reason")),
    /** To the team: call a customer we can reach only by phone about an offer they have not answered. */
    INBOX_CALL_TASK(false, Set.of("customerName", "phone", "offerDescription", "expiresAt"),
            Set.of("customerName", "phone", "offerDescription", "expiresAt"));

    /** Every customer mail greets the customer and names the case. */
    static final Set<String> COMMON = Set.of("customerName", "reference");
    /** Every team mail names the case and links to it on the dashboard. */
    static final Set<String> TEAM_COMMON = Set.of("reference", "caseUrl");

    private final boolean toCustomer;
    private final Set<String> own;
    private final Set<String> requiredInBody;

    MailKind(boolean toCustomer, Set<String> own, Set<String> requiredInBody) {
        this.toCustomer = toCustomer;
        this.own = own;
        this.requiredInBody = requiredInBody;
    }

    /** Written to the customer (recorded as {@code CustomerNotified}), else to the team's inbox. */
    public boolean toCustomer() {
        return toCustomer;
    }

    /** What every body of this kind must name: the customer and case, or the case and its link. */
    Set<String> common() {
        return toCustomer ? COMMON : TEAM_COMMON;
    }

    boolean allows(String placeholder) {
        return common().contains(placeholder) || own.contains(placeholder);
    }

    /** What the plain-text and the HTML body must both contain. */
    Set<String> requiredInBody() {
        return requiredInBody;
    }

    /** The file name stem: {@code offer} for {@code offer.subject.txt}, {@code offer.txt}, {@code offer.html}. */
    String fileStem() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
