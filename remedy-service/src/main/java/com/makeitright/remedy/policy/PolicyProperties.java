package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.RemedyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The shop owner's remedy policy: every figure the policy weighs, validated at start-up so that a nonsense
 * figure (a negative limit, a supervisor allowed less than an agent, zero rounds) stops the service with a
 * message naming the property. Money figures are plain decimals in the order's currency (see
 * {@link #getCurrencyFactors()}); every key and default is documented in remedy-service/README.md.
 */
@Validated
@ConfigurationProperties("remedy.policy")
public class PolicyProperties {

    private static final String MONEY = "must be a non-negative amount with at most two decimals";

    /** Currency of the figures when a complaint names no order. */
    @NotBlank
    private String defaultCurrency = "USD";
    /**
     * Multiplies every money figure for orders in that currency, e.g. {@code JPY: 150} makes the agent's 50 mean
     * 7500 JPY. Currencies not listed use the figures as they are.
     */
    private Map<String, BigDecimal> currencyFactors = new LinkedHashMap<>();
    /** Customer value assumed when the complaint names no order. */
    @NotNull
    @DecimalMin(value = "0.00", message = MONEY)
    @Digits(integer = 10, fraction = 2, message = MONEY)
    private BigDecimal noOrderValue = new BigDecimal("50.00");

    @Valid
    private final Authority authority = new Authority();
    @Valid
    private final Costs costs = new Costs();
    @Valid
    private final Goodwill goodwill = new Goodwill();
    @Valid
    private final Weights weights = new Weights();
    @Valid
    private final Abuse abuse = new Abuse();
    @Valid
    private final Disengage disengage = new Disengage();
    @Valid
    private final Negotiation negotiation = new Negotiation();
    /** Promised delivery time per remedy kind, counted from the moment the offer is made. */
    private final Map<RemedyKind, Duration> deliverWithin = new EnumMap<>(RemedyKind.class);

    public PolicyProperties() {
        deliverWithin.put(RemedyKind.REPLACEMENT, Duration.ofDays(5));
        deliverWithin.put(RemedyKind.REDO, Duration.ofDays(14));
        deliverWithin.put(RemedyKind.REFUND_FULL, Duration.ofDays(3));
        deliverWithin.put(RemedyKind.REFUND_PARTIAL, Duration.ofDays(3));
        deliverWithin.put(RemedyKind.REFUND_PRORATED, Duration.ofDays(3));
        deliverWithin.put(RemedyKind.DISCOUNT, Duration.ofDays(2));
        deliverWithin.put(RemedyKind.STORE_CREDIT, Duration.ofDays(1));
        deliverWithin.put(RemedyKind.POLICY_EXPLANATION, Duration.ofDays(2));
        deliverWithin.put(RemedyKind.GOODWILL_GESTURE, Duration.ofDays(5));
        deliverWithin.put(RemedyKind.MEDIATION, Duration.ofDays(30));
        deliverWithin.put(RemedyKind.REFUND_AND_DISENGAGE, Duration.ofDays(3));
        deliverWithin.put(RemedyKind.INSPECTION, Duration.ofDays(21));
    }

    @AssertTrue(message = "must be an ISO 4217 code with at most two minor digits")
    public boolean isDefaultCurrencyKnown() {
        return knownCurrency(defaultCurrency);
    }

    @AssertTrue(message = "every key must be an ISO 4217 code with at most two minor digits and every factor above 0")
    public boolean isCurrencyFactorsValid() {
        return currencyFactors.entrySet().stream().allMatch(e -> knownCurrency(e.getKey())
                && e.getValue() != null && e.getValue().signum() > 0);
    }

    @AssertTrue(message = "must give a positive duration for every remedy kind")
    public boolean isDeliverWithinComplete() {
        return Arrays.stream(RemedyKind.values()).allMatch(k -> positive(deliverWithin.get(k)));
    }

    private static boolean knownCurrency(String code) {
        try {
            Monies.checkCurrency(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    public String getDefaultCurrency() {
        return defaultCurrency;
    }

    public void setDefaultCurrency(String defaultCurrency) {
        this.defaultCurrency = defaultCurrency;
    }

    public Map<String, BigDecimal> getCurrencyFactors() {
        return currencyFactors;
    }

    public void setCurrencyFactors(Map<String, BigDecimal> currencyFactors) {
        this.currencyFactors = currencyFactors;
    }

    public BigDecimal getNoOrderValue() {
        return noOrderValue;
    }

    public void setNoOrderValue(BigDecimal noOrderValue) {
        this.noOrderValue = noOrderValue;
    }

    public Authority getAuthority() {
        return authority;
    }

    public Costs getCosts() {
        return costs;
    }

    public Goodwill getGoodwill() {
        return goodwill;
    }

    public Weights getWeights() {
        return weights;
    }

    public Abuse getAbuse() {
        return abuse;
    }

    public Disengage getDisengage() {
        return disengage;
    }

    public Negotiation getNegotiation() {
        return negotiation;
    }

    public Map<RemedyKind, Duration> getDeliverWithin() {
        return deliverWithin;
    }

    /** What each level may grant per complaint, as the remedy's cost to the business; above both an owner decides. */
    public static class Authority {
        @NotNull
        @DecimalMin(value = "0.00", message = MONEY)
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal agent = new BigDecimal("50.00");
        @NotNull
        @DecimalMin(value = "0.00", message = MONEY)
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal supervisor = new BigDecimal("500.00");

        @AssertTrue(message = "remedy.policy.authority.supervisor must not be below remedy.policy.authority.agent")
        public boolean isSupervisorAtLeastAgent() {
            return agent == null || supervisor == null || supervisor.compareTo(agent) >= 0;
        }

        public BigDecimal getAgent() {
            return agent;
        }

        public void setAgent(BigDecimal agent) {
            this.agent = agent;
        }

        public BigDecimal getSupervisor() {
            return supervisor;
        }

        public void setSupervisor(BigDecimal supervisor) {
            this.supervisor = supervisor;
        }
    }

    /** What remedies cost the business. */
    public static class Costs {
        /** Goods replaced at cost: this share of the order amount, unless the fulfillment reports the actual cost. */
        @NotNull
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        private BigDecimal goodsShare = new BigDecimal("0.40");
        /** Work redone at cost: this share of the order amount. */
        @NotNull
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        private BigDecimal serviceShare = new BigDecimal("0.60");
        /** Discount for an annoyance (waiting, a clumsy interface, a broken promise): this share of the order. */
        @NotNull
        @DecimalMin(value = "0.0", inclusive = false)
        @DecimalMax("1.0")
        private BigDecimal discountShare = new BigDecimal("0.20");
        /** Return shipping and handling of an inspected item. */
        @NotNull
        @DecimalMin(value = "0.00", message = MONEY)
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal inspection = new BigDecimal("10.00");
        /** An independent mediator's fee. */
        @NotNull
        @DecimalMin(value = "0.00", message = MONEY)
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal mediation = new BigDecimal("75.00");

        public BigDecimal getGoodsShare() {
            return goodsShare;
        }

        public void setGoodsShare(BigDecimal goodsShare) {
            this.goodsShare = goodsShare;
        }

        public BigDecimal getServiceShare() {
            return serviceShare;
        }

        public void setServiceShare(BigDecimal serviceShare) {
            this.serviceShare = serviceShare;
        }

        public BigDecimal getDiscountShare() {
            return discountShare;
        }

        public void setDiscountShare(BigDecimal discountShare) {
            this.discountShare = discountShare;
        }

        public BigDecimal getInspection() {
            return inspection;
        }

        public void setInspection(BigDecimal inspection) {
            this.inspection = inspection;
        }

        public BigDecimal getMediation() {
            return mediation;
        }

        public void setMediation(BigDecimal mediation) {
            this.mediation = mediation;
        }
    }

    /** The thank-you gesture on top: when it is given and how it is sized. */
    public static class Goodwill {
        /** A gesture is added to a remedy for our error when the cost of inaction is at least this multiple of the remedy's cost. */
        @NotNull
        @DecimalMin("0.0")
        private BigDecimal whenInactionExceedsCostBy = new BigDecimal("1.5");
        /** Size: this share of what is left unrepaired (cost of inaction minus the remedy's cost) ... */
        @NotNull
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        private BigDecimal share = new BigDecimal("0.10");
        /** ... but at least this ... */
        @NotNull
        @DecimalMin(value = "0.00", message = MONEY)
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal min = new BigDecimal("5.00");
        /** ... and at most this. */
        @NotNull
        @DecimalMin(value = "0.00", message = MONEY)
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal max = new BigDecimal("50.00");
        /** Each declined offer comes back with a gesture this much larger. */
        @NotNull
        @DecimalMin(value = "0.01", message = "must be a positive amount with at most two decimals")
        @Digits(integer = 10, fraction = 2, message = MONEY)
        private BigDecimal declineStep = new BigDecimal("10.00");
        /** A reopened round (the customer was not satisfied) multiplies the gesture by this. */
        @NotNull
        @DecimalMin("1.0")
        private BigDecimal reopenMultiplier = new BigDecimal("2");

        @AssertTrue(message = "remedy.policy.goodwill.max must not be below remedy.policy.goodwill.min")
        public boolean isMaxAtLeastMin() {
            return min == null || max == null || max.compareTo(min) >= 0;
        }

        public BigDecimal getWhenInactionExceedsCostBy() {
            return whenInactionExceedsCostBy;
        }

        public void setWhenInactionExceedsCostBy(BigDecimal whenInactionExceedsCostBy) {
            this.whenInactionExceedsCostBy = whenInactionExceedsCostBy;
        }

        public BigDecimal getShare() {
            return share;
        }

        public void setShare(BigDecimal share) {
            this.share = share;
        }

        public BigDecimal getMin() {
            return min;
        }

        public void setMin(BigDecimal min) {
            this.min = min;
        }

        public BigDecimal getMax() {
            return max;
        }

        public void setMax(BigDecimal max) {
            this.max = max;
        }

        public BigDecimal getDeclineStep() {
            return declineStep;
        }

        public void setDeclineStep(BigDecimal declineStep) {
            this.declineStep = declineStep;
        }

        public BigDecimal getReopenMultiplier() {
            return reopenMultiplier;
        }

        public void setReopenMultiplier(BigDecimal reopenMultiplier) {
            this.reopenMultiplier = reopenMultiplier;
        }
    }

    /**
     * The cost of not making it right = customer value x churn(anger) x reach(channel) x weight(cause), where
     * customer value = order amount x tier x (1 + loyalty per year, up to 10 years) x (1 - refund penalty per
     * refund in 12 months, not below 0).
     */
    public static class Weights {
        /** Expected further orders of a customer of this tier. */
        private final Map<CustomerTier, BigDecimal> tier = new EnumMap<>(Map.of(
                CustomerTier.STANDARD, new BigDecimal("2"), CustomerTier.SILVER, new BigDecimal("3"),
                CustomerTier.GOLD, new BigDecimal("5"), CustomerTier.PLATINUM, new BigDecimal("8")));
        /** Probability that a customer this upset leaves if nothing is done. */
        private final Map<Anger, BigDecimal> anger = new EnumMap<>(Map.of(
                Anger.CALM, new BigDecimal("0.10"), Anger.UPSET, new BigDecimal("0.25"),
                Anger.ANGRY, new BigDecimal("0.50"), Anger.HOSTILE, new BigDecimal("0.70")));
        /** How many people hear of it: a public social-media post reaches far more than a private e-mail. */
        private final Map<Channel, BigDecimal> channel = new EnumMap<>(Map.of(
                Channel.PHONE, BigDecimal.ONE, Channel.EMAIL, BigDecimal.ONE, Channel.CHAT, BigDecimal.ONE,
                Channel.WEB_FORM, BigDecimal.ONE, Channel.OTHER, BigDecimal.ONE,
                Channel.IN_PERSON, new BigDecimal("1.5"), Channel.SOCIAL_MEDIA, new BigDecimal("4")));
        /** How much of that is ours to win back: all of it for our error, nothing for suspected abuse. */
        private final Map<Cause, BigDecimal> cause = new EnumMap<>(Map.of(
                Cause.OUR_ERROR, BigDecimal.ONE, Cause.MISUNDERSTANDING, new BigDecimal("0.5"),
                Cause.MISPLACED_HOSTILITY, new BigDecimal("0.3"), Cause.UNREASONABLE, new BigDecimal("0.1"),
                Cause.SUSPECTED_ABUSE, BigDecimal.ZERO));
        @NotNull
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        private BigDecimal loyaltyPerYear = new BigDecimal("0.05");
        @NotNull
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        private BigDecimal refundPenalty = new BigDecimal("0.10");

        @AssertTrue(message = "must give a non-negative weight for every tier (STANDARD, SILVER, GOLD, PLATINUM)")
        public boolean isTierComplete() {
            return complete(tier, CustomerTier.values(), w -> w.signum() >= 0);
        }

        @AssertTrue(message = "must give a churn probability between 0 and 1 for every anger level (CALM, UPSET, ANGRY, HOSTILE)")
        public boolean isAngerComplete() {
            return complete(anger, Anger.values(), w -> w.signum() >= 0 && w.compareTo(BigDecimal.ONE) <= 0);
        }

        @AssertTrue(message = "must give a non-negative reach for every channel")
        public boolean isChannelComplete() {
            return complete(channel, Channel.values(), w -> w.signum() >= 0);
        }

        @AssertTrue(message = "must give a weight between 0 and 1 for every cause")
        public boolean isCauseComplete() {
            return complete(cause, Cause.values(), w -> w.signum() >= 0 && w.compareTo(BigDecimal.ONE) <= 0);
        }

        private static <E extends Enum<E>> boolean complete(Map<E, BigDecimal> weights, E[] keys,
                                                            Predicate<BigDecimal> valid) {
            return Arrays.stream(keys).allMatch(k -> weights.get(k) != null && valid.test(weights.get(k)));
        }

        public Map<CustomerTier, BigDecimal> getTier() {
            return tier;
        }

        public Map<Anger, BigDecimal> getAnger() {
            return anger;
        }

        public Map<Channel, BigDecimal> getChannel() {
            return channel;
        }

        public Map<Cause, BigDecimal> getCause() {
            return cause;
        }

        public BigDecimal getLoyaltyPerYear() {
            return loyaltyPerYear;
        }

        public void setLoyaltyPerYear(BigDecimal loyaltyPerYear) {
            this.loyaltyPerYear = loyaltyPerYear;
        }

        public BigDecimal getRefundPenalty() {
            return refundPenalty;
        }

        public void setRefundPenalty(BigDecimal refundPenalty) {
            this.refundPenalty = refundPenalty;
        }
    }

    /** When a suspected-abuse claim is inspected before anything is given. */
    public static class Abuse {
        /** "Never arrived" claims in 12 months before this one that make the claim evidence-backed. */
        @Min(1)
        private int neverArrivedThreshold = 3;
        /** Refunds in 12 months before this one that make the claim evidence-backed. */
        @Min(1)
        private int refundThreshold = 3;
        /** Triage's confidence in SUSPECTED_ABUSE from which the suspicion alone counts as evidence. */
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        private double confidentAbove = 0.6;

        public int getNeverArrivedThreshold() {
            return neverArrivedThreshold;
        }

        public void setNeverArrivedThreshold(int neverArrivedThreshold) {
            this.neverArrivedThreshold = neverArrivedThreshold;
        }

        public int getRefundThreshold() {
            return refundThreshold;
        }

        public void setRefundThreshold(int refundThreshold) {
            this.refundThreshold = refundThreshold;
        }

        public double getConfidentAbove() {
            return confidentAbove;
        }

        public void setConfidentAbove(double confidentAbove) {
            this.confidentAbove = confidentAbove;
        }
    }

    /** When the business stops serving an unreasonable customer. */
    public static class Disengage {
        /** An unreasonable customer at least this angry is refunded and disengaged. */
        @NotNull
        private Anger fromAnger = Anger.HOSTILE;
        /** ... as is an unreasonable customer with at least this many complaints in 12 months, if angry. */
        @Min(1)
        private int repeatComplaints = 3;

        public Anger getFromAnger() {
            return fromAnger;
        }

        public void setFromAnger(Anger fromAnger) {
            this.fromAnger = fromAnger;
        }

        public int getRepeatComplaints() {
            return repeatComplaints;
        }

        public void setRepeatComplaints(int repeatComplaints) {
            this.repeatComplaints = repeatComplaints;
        }
    }

    public static class Negotiation {
        /** Offers in one round before the next decline leads to mediation. */
        @Min(value = 1, message = "must be at least 1 (the first offer)")
        @Max(20)
        private int maxRounds = 3;
        /** The customer must answer an offer within this. */
        @NotNull
        private Duration offerExpiry = Duration.ofDays(7);
        /** A supervisor must decide within this (followup-service escalates when it passes). */
        @NotNull
        private Duration approvalTimeout = Duration.ofHours(24);
        /** How often expired offers are looked for. */
        @NotNull
        private Duration expiryCheckInterval = Duration.ofSeconds(30);

        @AssertTrue(message = "offer-expiry, approval-timeout and expiry-check-interval must be positive durations")
        public boolean isDurationsPositive() {
            return positive(offerExpiry) && positive(approvalTimeout) && positive(expiryCheckInterval);
        }

        public int getMaxRounds() {
            return maxRounds;
        }

        public void setMaxRounds(int maxRounds) {
            this.maxRounds = maxRounds;
        }

        public Duration getOfferExpiry() {
            return offerExpiry;
        }

        public void setOfferExpiry(Duration offerExpiry) {
            this.offerExpiry = offerExpiry;
        }

        public Duration getApprovalTimeout() {
            return approvalTimeout;
        }

        public void setApprovalTimeout(Duration approvalTimeout) {
            this.approvalTimeout = approvalTimeout;
        }

        public Duration getExpiryCheckInterval() {
            return expiryCheckInterval;
        }

        public void setExpiryCheckInterval(Duration expiryCheckInterval) {
            this.expiryCheckInterval = expiryCheckInterval;
        }
    }

    @Override
    public String toString() {
        return "PolicyProperties{authority=" + authority.agent + "/" + authority.supervisor
                + ", maxRounds=" + negotiation.maxRounds + ", currencies="
                + currencyFactors.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                .collect(Collectors.joining(",")) + "}";
    }
}
