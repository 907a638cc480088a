package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.Money;
import com.makeitright.events.RootCause;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A readable way to describe a complaint situation in a policy test: {@code Complaint.ourError().angry().order("49.00")}. */
public final class Complaint {

    private Cause cause;
    private double confidence = 0.9;
    private Cause runnerUp;
    private double runnerUpConfidence;
    private Anger anger = Anger.UPSET;
    private Channel channel = Channel.EMAIL;
    private CustomerTier tier = CustomerTier.STANDARD;
    private Money order = Monies.of("49.00", "USD");
    private BigDecimal completed;
    private String desired;
    private RootCause root = RootCause.PACKING_ERROR;
    private int complaints;
    private int refunds;
    private int neverArrived;
    private boolean doNotServe;
    private LocalDate since;
    private int round = 1;
    private final List<String> abuseSignals = new ArrayList<>();

    private Complaint(Cause cause) {
        this.cause = cause;
    }

    public static Complaint ourError() {
        return new Complaint(Cause.OUR_ERROR);
    }

    public static Complaint misunderstanding() {
        return new Complaint(Cause.MISUNDERSTANDING).root(RootCause.OTHER);
    }

    public static Complaint misplacedHostility() {
        return new Complaint(Cause.MISPLACED_HOSTILITY).root(RootCause.EXTERNAL);
    }

    public static Complaint unreasonable() {
        return new Complaint(Cause.UNREASONABLE).root(RootCause.OTHER);
    }

    public static Complaint suspectedAbuse() {
        return new Complaint(Cause.SUSPECTED_ABUSE).root(RootCause.DELIVERY);
    }

    public Complaint calm() { return anger(Anger.CALM); }
    public Complaint upset() { return anger(Anger.UPSET); }
    public Complaint angry() { return anger(Anger.ANGRY); }
    public Complaint hostile() { return anger(Anger.HOSTILE); }

    public Complaint anger(Anger anger) {
        this.anger = anger;
        return this;
    }

    public Complaint via(Channel channel) {
        this.channel = channel;
        return this;
    }

    public Complaint tier(CustomerTier tier) {
        this.tier = tier;
        return this;
    }

    public Complaint order(String amount) {
        this.order = Monies.of(amount, "USD");
        return this;
    }

    public Complaint order(String amount, String currency) {
        this.order = Monies.of(amount, currency);
        return this;
    }

    public Complaint noOrder() {
        this.order = null;
        return this;
    }

    public Complaint completed(String fraction) {
        this.completed = new BigDecimal(fraction);
        return this;
    }

    public Complaint wants(String desiredOutcome) {
        this.desired = desiredOutcome;
        return this;
    }

    public Complaint root(RootCause root) {
        this.root = root;
        return this;
    }

    public Complaint confidence(double confidence) {
        this.confidence = confidence;
        return this;
    }

    public Complaint history(int complaints, int refunds, int neverArrived) {
        this.complaints = complaints;
        this.refunds = refunds;
        this.neverArrived = neverArrived;
        return this;
    }

    public Complaint doNotServe() {
        this.doNotServe = true;
        return this;
    }

    public Complaint customerSince(String date) {
        this.since = LocalDate.parse(date);
        return this;
    }

    public Complaint signal(String code) {
        abuseSignals.add(code);
        return this;
    }

    /** Triage's second most likely cause and how likely it is. */
    public Complaint runnerUp(Cause cause, double confidence) {
        this.runnerUp = cause;
        this.runnerUpConfidence = confidence;
        return this;
    }

    public Complaint reopened() {
        this.round = 2;
        return this;
    }

    public Situation situation() {
        return new Situation("c-1", round, "ack-1", Instant.parse("2026-03-02T10:00:00Z"), "C-1", tier, channel,
                "Wrong CD shipped", order, completed, desired, cause, confidence, runnerUp, runnerUpConfidence, anger, root,
                new Situation.History(complaints, refunds, neverArrived, doNotServe, since), List.copyOf(abuseSignals),
                round > 1 ? new Situation.Reopened(round - 1, 2, "The replacement broke again") : null);
    }
}
