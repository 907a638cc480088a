package com.makeitright.worker.mail;

import java.util.Locale;
import java.util.Set;

/**
 * The mails the worker writes, each with the placeholders its templates may use and those they must use (so an
 * edited template cannot drop the customer's name, the case reference or an answer link unnoticed).
 */
public enum MailKind {

    ACKNOWLEDGEMENT(Set.of("acknowledgementText", "complaintSubject"), Set.of("acknowledgementText")),
    OFFER(Set.of("complaintSubject", "offerDescription", "offerAmount", "openQuestion", "expiresAt",
            "acceptUrl", "declineUrl", "counterUrl"), Set.of("offerDescription", "expiresAt", "acceptUrl",
            "declineUrl", "counterUrl")),
    SATISFACTION_CHECK(Set.of("complaintSubject", "score1Url", "score2Url", "score3Url", "score4Url", "score5Url"),
            Set.of("score1Url", "score2Url", "score3Url", "score4Url", "score5Url"));

    /** Every mail greets the customer and names the case. */
    static final Set<String> COMMON = Set.of("customerName", "reference");

    private final Set<String> own;
    private final Set<String> requiredInBody;

    MailKind(Set<String> own, Set<String> requiredInBody) {
        this.own = own;
        this.requiredInBody = requiredInBody;
    }

    boolean allows(String placeholder) {
        return COMMON.contains(placeholder) || own.contains(placeholder);
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
