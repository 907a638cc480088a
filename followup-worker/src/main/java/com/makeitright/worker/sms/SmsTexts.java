package com.makeitright.worker.sms;

import com.makeitright.platform.links.Placeholders;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        Resource resource = loader.getResource(base + OFFER_REMINDER);
        List<String> problems = new ArrayList<>();
        String text = null;
        if (!resource.exists()) {
            problems.add(base + OFFER_REMINDER + ": missing");
        } else {
            try (var in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                problems.add(base + OFFER_REMINDER + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        if (text != null) {
            Set<String> used = Placeholders.used(text);
            used.stream().filter(name -> !ALLOWED.contains(name)).sorted()
                    .forEach(name -> problems.add(OFFER_REMINDER + ": unknown placeholder {{" + name + "}}"));
            REQUIRED.stream().filter(name -> !used.contains(name)).sorted()
                    .forEach(name -> problems.add(OFFER_REMINDER + ": must use {{" + name + "}}"));
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
