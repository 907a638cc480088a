package com.makeitright.worker.sms;

import com.makeitright.platform.links.Placeholders;
import com.makeitright.worker.mail.TemplateFiles;
import org.springframework.core.io.ResourceLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of the one SMS the worker sends, the reminder of an unanswered offer: {@code offer-reminder.sms.txt} in the
 * mail templates' directory, with {@code {{placeholder}}}s, read and checked at start-up like the mail templates (a
 * missing file, an unknown placeholder, or a text without the case reference or the accept link stops the worker).
 * Short on purpose: one link (accept); the mail the customer already has carries the others.
 */
public final class SmsTexts {

    public static final String OFFER_REMINDER = "offer-reminder.sms.txt";
    static final Set<String> ALLOWED = Set.of("customerName", "reference", "offerDescription", "expiresAt",
            "acceptUrl");
    static final Set<String> REQUIRED = Set.of("reference", "acceptUrl");

    private final String offerReminder;

    public SmsTexts(ResourceLoader loader, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        List<String> problems = new ArrayList<>();
        String text = TemplateFiles.read(loader, base + OFFER_REMINDER, problems);
        if (text != null) {
            text = text.strip();
            TemplateFiles.check(OFFER_REMINDER, text, ALLOWED::contains, REQUIRED, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The SMS text in " + base + " is not usable:\n  - "
                    + String.join("\n  - ", problems));
        }
        this.offerReminder = text;
    }

    /** The reminder's text, every placeholder replaced by its value as plain text (missing values: empty). */
    public String offerReminder(Map<String, String> values) {
        return Placeholders.fill(offerReminder, values, false);
    }
}
