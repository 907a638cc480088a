package com.makeitright.intake.common;

/** Thrown when a request would be an illegal transition of the complaint; nothing was published. */
public class TransitionRefused extends RuntimeException {

    private final Refusal refusal;

    public TransitionRefused(Refusal.Reason reason, String detail) {
        super(detail);
        this.refusal = new Refusal(reason, detail);
    }

    public Refusal refusal() {
        return refusal;
    }
}
