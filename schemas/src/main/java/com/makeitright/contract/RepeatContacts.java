package com.makeitright.contract;

import com.makeitright.events.HandlingAdvice;
import com.makeitright.events.Priority;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * What a repeat contact ({@code ComplaintContactAdded}) does to how a case is shown, in one place for every view that
 * shows a priority (intake's status view, followup's dashboard): one step up per contact after the first, up to
 * {@code P1_URGENT}, and a {@code REPEAT_CONTACT} advice naming how often they wrote (text in
 * {@code repeat-contact.properties}).
 */
public final class RepeatContacts {

    private static final Properties TEXTS = load();

    private RepeatContacts() {
    }

    /**
     * The priority to handle a case with, given triage's and how many times the customer wrote in this round (1: only
     * the contact that opened it). Null stays null: the case is not triaged yet.
     */
    public static Priority raised(Priority triaged, int contacts) {
        if (triaged == null) {
            return null;
        }
        int steps = Math.max(0, contacts - 1);
        return Priority.values()[Math.max(Priority.P1_URGENT.ordinal(), triaged.ordinal() - steps)];
    }

    /** The advice for an agent when the customer wrote more than once; null for a first contact. */
    public static HandlingAdvice advice(int contacts) {
        if (contacts < 2) {
            return null;
        }
        return HandlingAdvice.newBuilder()
                .setCode(TEXTS.getProperty("advice.code"))
                .setText(new MessageFormat(TEXTS.getProperty("advice.text"), Locale.ROOT).format(new Object[]{contacts}))
                .build();
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (InputStream in = RepeatContacts.class.getResourceAsStream("repeat-contact.properties")) {
            if (in == null) {
                throw new IllegalStateException("repeat-contact.properties is missing from the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
