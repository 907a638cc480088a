package com.makeitright.negotiation;

/**
 * The rules' answer to one input: allowed, with its {@link Effect}, or refused, with the {@link Refusal} and a
 * short reason for a log line (intake words its own, fuller detail for the customer).
 */
public record Verdict(Effect effect, Refusal refusal, String why) {

    public static Verdict allow(Effect effect) {
        return new Verdict(effect, null, null);
    }

    public static Verdict refuse(Refusal refusal, String why) {
        return new Verdict(null, refusal, why);
    }

    public boolean allowed() {
        return effect != null;
    }

    /** The effect or the refusal, by name: what the transition walk compares. */
    public String outcome() {
        return allowed() ? effect.name() : refusal.name();
    }
}
