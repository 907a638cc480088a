package com.makeitright.triage.acknowledge;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.triage.classify.Classification;
import com.makeitright.triage.classify.Evidence;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the acknowledgement the customer receives. It names what went wrong in the customer's own words,
 * owns the error when it is ours, explains kindly when a policy was misunderstood, stays neutral when a claim
 * needs checking, and never promises a remedy (remedy policy decides that) or blames the customer.
 */
final class AcknowledgementWriter {

    /** What went wrong, in our words, per our-error signal: the apology says exactly what we are sorry for. */
    private static final Map<String, String> OUR_FAULT = Map.ofEntries(
            Map.entry("wrong-item", "we sent you something other than what you ordered"),
            Map.entry("missing-part", "part of what you ordered did not reach you"),
            Map.entry("arrived-damaged", "it reached you damaged or spoiled"),
            Map.entry("does-not-work", "it does not work the way it should"),
            Map.entry("billing-error", "we charged you wrongly"),
            Map.entry("no-show", "we did not keep the arrangement we made with you"),
            Map.entry("delay", "we kept you waiting far longer than we should have"),
            Map.entry("our-mistake", "we made a mistake"),
            Map.entry("harm", "what we provided harmed someone, which is serious"),
            Map.entry("staff-conduct", "you were not treated the way you should have been"),
            Map.entry("broken-promise", "we did not keep what we told you"),
            Map.entry("service-failure", "our service failed you"));

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.!?]+$");

    String write(Classification c, Complaint complaint, Duration answerWithin, List<String> review) {
        StringBuilder text = new StringBuilder(400);
        String words = c.keyPhrase();
        boolean veryUpset = c.anger() == Anger.ANGRY || c.anger() == Anger.HOSTILE;

        if (complaint.reopened()) {
            text.append("I am sorry that what we did the first time did not put this right for you");
            String comment = complaint.reopen() == null ? null : complaint.reopen().comment();
            if (comment != null && !comment.isBlank()) {
                text.append(". You told us: \u201c").append(trim(comment)).append("\u201d");
            }
            text.append(". We are looking at it again from the start. ");
        }

        text.append(opening(c, complaint)).append(" \u201c").append(words).append("\u201d. ");

        if (!c.english()) {
            // Not English: the rules cannot read it, so no cause-specific apology; a person who reads it answers.
            text.append("A colleague who reads your language will read your message personally and answer you. ");
            text.append(closing(c, answerWithin));
            return SPACES.matcher(text).replaceAll(" ").trim();
        }

        switch (c.cause()) {
            case OUR_ERROR -> {
                String fault = strongest(c, Cause.OUR_ERROR).map(e -> OUR_FAULT.get(e.signal()))
                        .orElse("we let you down");
                text.append("You are right: ").append(fault).append(". That is our error, not yours, and I am sorry")
                        .append(veryUpset ? ". I understand why you are " + (c.anger() == Anger.HOSTILE ? "so angry" : "angry")
                                + ", and you should not have had to deal with this" : c.anger() == Anger.UPSET
                                ? " for the disappointment it caused" : " for the trouble")
                        .append(". ");
            }
            case MISUNDERSTANDING -> {
                String topic = strongest(c, Cause.MISUNDERSTANDING).filter(e -> e.signal().equals("policy-topic"))
                        .or(() -> c.signals().stream().filter(e -> e.signal().equals("policy-topic")).findFirst())
                        .map(e -> "the " + e.evidence().toLowerCase(Locale.ROOT)).orElse("this");
                text.append("I can see why ").append(topic).append(" came as a surprise, and I am sorry it was not")
                        .append(" made clearer to you. ")
                        .append("It comes from how our terms work rather than from anything you did wrong; a colleague")
                        .append(" will walk you through what applies to you, in plain words, and look at the options. ");
            }
            case MISPLACED_HOSTILITY -> {
                text.append("It sounds as if a lot has landed on you today, and I am sorry that this added to it")
                        .append(c.has("apologises-for-tone") ? " (there is no need to apologise to us)" : "")
                        .append(". We will look into it properly. ");
            }
            case UNREASONABLE -> {
                text.append("I am sorry this happened and I can hear how much it upset you. We have read what you asked")
                        .append(" for, and we will answer honestly about what we are able to do. ");
            }
            case SUSPECTED_ABUSE -> {
                boolean delivery = c.has("never-arrived");
                text.append("Thank you for letting us know. So that we can look into it properly, we would like to")
                        .append(" understand exactly what happened")
                        .append(delivery ? "; we will check the delivery details with the carrier, and we may ask you"
                                + " a few questions about it. " : "; we may ask you to send the item back so that it"
                                + " can be inspected. ");
            }
        }

        if (!review.isEmpty()) {
            text.append("I want to be sure we understand you correctly, so a colleague will read your message")
                    .append(" personally before we reply in full. ");
        }
        text.append(closing(c, answerWithin));
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    private static String opening(Classification c, Complaint complaint) {
        return switch (complaint.text().channel()) {
            case PHONE -> "Thank you for calling us about this. You told us";
            case IN_PERSON -> "Thank you for coming to tell us in person. You told us";
            case SOCIAL_MEDIA -> "Thank you for raising this with us. You wrote";
            case CHAT -> c.anger() == Anger.CALM ? "Thanks for getting in touch. You wrote" : "Thank you for telling us. You wrote";
            default -> c.anger() == Anger.CALM ? "Thank you for writing to us. You told us"
                    : "Thank you for telling us what happened. You wrote";
        };
    }

    private static String closing(Classification c, Duration within) {
        String when = within.toHours() < 1 ? "within the hour"
                : within.toHours() < 24 ? "within " + within.toHours() + " hour" + (within.toHours() == 1 ? "" : "s")
                : "within " + (within.toHours() + 23) / 24 + " day" + ((within.toHours() + 23) / 24 == 1 ? "" : "s");
        return c.cause() == Cause.SUSPECTED_ABUSE
                ? "A member of our team will contact you " + when + "."
                : "A member of our team will contact you personally " + when + " to talk about how to make this right.";
    }

    private static Optional<Evidence> strongest(Classification c, Cause cause) {
        return c.signals().stream().filter(e -> e.indicates().equals("cause:" + cause.name()) && e.weight() > 0)
                .max(Comparator.comparingDouble(Evidence::weight));
    }

    private static String trim(String s) {
        String t = TRAILING_PUNCTUATION.matcher(SPACES.matcher(s).replaceAll(" ").trim()).replaceAll("");
        return t.length() > 160 ? t.substring(0, 157) + "…" : t;
    }
}
