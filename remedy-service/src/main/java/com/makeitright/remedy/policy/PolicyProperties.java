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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static java.util.Map.entry;

/**
 * The shop owner's remedy policy ({@code remedy.policy.*}): every figure the policy weighs, bound once at
 * start-up and validated so that a nonsense figure (a negative limit, a supervisor allowed less than an agent,
 * zero rounds) stops the service with a message naming the property. A setting left out takes its default
 * (given here and in remedy-service/README.md); a map setting given in part keeps the defaults of the keys it
 * does not name. Money figures are plain decimals in the order's currency (see {@code currencyFactors}).
 *
 * @param defaultCurrency currency of the figures when a complaint names no order
 * @param currencyFactors multiplies every money figure for orders in that currency, e.g. {@code JPY: 150} makes the
 *                        agent's 50 mean 7500 JPY; currencies not listed use the figures as they are
 * @param noOrderValue    customer value assumed when the complaint names no order
 * @param deliverWithin   promised delivery time per remedy kind, counted from the moment the offer is made
 */
@Validated
@ConfigurationProperties("remedy.policy")
public record PolicyProperties(
        @NotBlank String defaultCurrency,
        Map<String, BigDecimal> currencyFactors,
        @MoneyFigure BigDecimal noOrderValue,
        @Valid Authority authority,
        @Valid Costs costs,
        @Valid Goodwill goodwill,
        @Valid Weights weights,
        @Valid Abuse abuse,
        @Valid Disengage disengage,
        @Valid Negotiation negotiation,
        Map<RemedyKind, Duration> deliverWithin,
        @Valid Uncertainty uncertainty) {

    @ConstructorBinding
    public PolicyProperties {
        defaultCurrency = defaultCurrency == null ? "USD" : defaultCurrency;
        currencyFactors = currencyFactors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(currencyFactors));
        noOrderValue = or(noOrderValue, "50.00");
        authority = authority == null ? new Authority(null, null) : authority;
        costs = costs == null ? new Costs(null, null, null, null, null) : costs;
        goodwill = goodwill == null ? new Goodwill(null, null, null, null, null, null) : goodwill;
        weights = weights == null ? new Weights(null, null, null, null, null, null) : weights;
        abuse = abuse == null ? new Abuse(null, null, null) : abuse;
        disengage = disengage == null ? new Disengage(null, null) : disengage;
        negotiation = negotiation == null ? new Negotiation(null, null, null, null) : negotiation;
        uncertainty = uncertainty == null ? new Uncertainty(null, null) : uncertainty;
        deliverWithin = overriding(new EnumMap<>(Map.ofEntries(
                entry(RemedyKind.REPLACEMENT, Duration.ofDays(5)), entry(RemedyKind.REDO, Duration.ofDays(14)),
                entry(RemedyKind.REFUND_FULL, Duration.ofDays(3)), entry(RemedyKind.REFUND_PARTIAL, Duration.ofDays(3)),
                entry(RemedyKind.REFUND_PRORATED, Duration.ofDays(3)), entry(RemedyKind.DISCOUNT, Duration.ofDays(2)),
                entry(RemedyKind.STORE_CREDIT, Duration.ofDays(1)), entry(RemedyKind.POLICY_EXPLANATION, Duration.ofDays(2)),
                entry(RemedyKind.GOODWILL_GESTURE, Duration.ofDays(5)), entry(RemedyKind.MEDIATION, Duration.ofDays(30)),
                entry(RemedyKind.REFUND_AND_DISENGAGE, Duration.ofDays(3)), entry(RemedyKind.INSPECTION, Duration.ofDays(21)))),
                deliverWithin);
    }

    /** The default policy: what the service runs with when nothing is configured. */
    public PolicyProperties() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
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

    /**
     * What each level may grant per complaint, as the remedy's cost to the business; above both an owner decides.
     *
     * @param agent      most an agent grants
     * @param supervisor most a supervisor grants; must not be below the agent's
     */
    public record Authority(
            @MoneyFigure BigDecimal agent,
            @MoneyFigure BigDecimal supervisor) {

        public Authority {
            agent = or(agent, "50.00");
            supervisor = or(supervisor, "500.00");
        }

        @AssertTrue(message = "remedy.policy.authority.supervisor must not be below remedy.policy.authority.agent")
        public boolean isSupervisorAtLeastAgent() {
            return supervisor.compareTo(agent) >= 0;
        }
    }

    /**
     * What remedies cost the business.
     *
     * @param goodsShare    goods replaced at cost: this share of the order amount, unless the fulfillment reports the actual cost
     * @param serviceShare  work redone at cost: this share of the order amount
     * @param discountShare discount for an annoyance (waiting, a clumsy interface, a broken promise): this share of the order
     * @param inspection    return shipping and handling of an inspected item
     * @param mediation     an independent mediator's fee
     */
    public record Costs(
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal goodsShare,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal serviceShare,
            @NotNull @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") BigDecimal discountShare,
            @MoneyFigure BigDecimal inspection,
            @MoneyFigure BigDecimal mediation) {

        public Costs {
            goodsShare = or(goodsShare, "0.40");
            serviceShare = or(serviceShare, "0.60");
            discountShare = or(discountShare, "0.20");
            inspection = or(inspection, "10.00");
            mediation = or(mediation, "75.00");
        }
    }

    /**
     * The thank-you gesture on top: when it is given and how it is sized.
     *
     * @param whenInactionExceedsCostBy a gesture is added to a remedy for our error when the cost of inaction is at
     *                                  least this multiple of the remedy's cost
     * @param share                     size: this share of what is left unrepaired (cost of inaction minus the remedy's cost) ...
     * @param min                       ... but at least this ...
     * @param max                       ... and at most this (also the most money given without an order)
     * @param declineStep               each declined offer comes back with a gesture this much larger
     * @param reopenMultiplier          a reopened round (the customer was not satisfied) multiplies the gesture by this
     */
    public record Goodwill(
            @NotNull @DecimalMin("0.0") BigDecimal whenInactionExceedsCostBy,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal share,
            @MoneyFigure BigDecimal min,
            @MoneyFigure BigDecimal max,
            @MoneyFigure @DecimalMin(value = "0.01", message = "must be a positive amount with at most two decimals")
            BigDecimal declineStep,
            @NotNull @DecimalMin("1.0") BigDecimal reopenMultiplier) {

        public Goodwill {
            whenInactionExceedsCostBy = or(whenInactionExceedsCostBy, "1.5");
            share = or(share, "0.10");
            min = or(min, "5.00");
            max = or(max, "50.00");
            declineStep = or(declineStep, "10.00");
            reopenMultiplier = or(reopenMultiplier, "2");
        }

        @AssertTrue(message = "remedy.policy.goodwill.max must not be below remedy.policy.goodwill.min")
        public boolean isMaxAtLeastMin() {
            return max.compareTo(min) >= 0;
        }
    }

    /**
     * The cost of not making it right = customer value x churn(anger) x reach(channel) x weight(cause), where
     * customer value = order amount x tier x (1 + loyalty per year, up to 10 years) x (1 - refund penalty per
     * refund in 12 months, not below 0).
     *
     * @param tier           expected further orders of a customer of this tier
     * @param anger          probability that a customer this upset leaves if nothing is done
     * @param channel        how many people hear of it: a public social-media post reaches far more than a private e-mail
     * @param cause          how much of that is ours to win back: all of it for our error, nothing for suspected abuse
     * @param loyaltyPerYear value added per year as a customer (up to 10 years)
     * @param refundPenalty  value lost per refund in the last 12 months
     */
    public record Weights(
            Map<CustomerTier, BigDecimal> tier,
            Map<Anger, BigDecimal> anger,
            Map<Channel, BigDecimal> channel,
            Map<Cause, BigDecimal> cause,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal loyaltyPerYear,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") BigDecimal refundPenalty) {

        public Weights {
            tier = overriding(new EnumMap<>(Map.of(
                    CustomerTier.STANDARD, new BigDecimal("2"), CustomerTier.SILVER, new BigDecimal("3"),
                    CustomerTier.GOLD, new BigDecimal("5"), CustomerTier.PLATINUM, new BigDecimal("8"))), tier);
            anger = overriding(new EnumMap<>(Map.of(
                    Anger.CALM, new BigDecimal("0.10"), Anger.UPSET, new BigDecimal("0.25"),
                    Anger.ANGRY, new BigDecimal("0.50"), Anger.HOSTILE, new BigDecimal("0.70"))), anger);
            channel = overriding(new EnumMap<>(Map.of(
                    Channel.PHONE, BigDecimal.ONE, Channel.EMAIL, BigDecimal.ONE, Channel.CHAT, BigDecimal.ONE,
                    Channel.WEB_FORM, BigDecimal.ONE, Channel.OTHER, BigDecimal.ONE,
                    Channel.IN_PERSON, new BigDecimal("1.5"), Channel.SOCIAL_MEDIA, new BigDecimal("4"))), channel);
            cause = overriding(new EnumMap<>(Map.of(
                    Cause.OUR_ERROR, BigDecimal.ONE, Cause.MISUNDERSTANDING, new BigDecimal("0.5"),
                    Cause.MISPLACED_HOSTILITY, new BigDecimal("0.3"), Cause.UNREASONABLE, new BigDecimal("0.1"),
                    Cause.SUSPECTED_ABUSE, BigDecimal.ZERO)), cause);
            loyaltyPerYear = or(loyaltyPerYear, "0.05");
            refundPenalty = or(refundPenalty, "0.10");
        }

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
    }

    /**
     * When a suspected-abuse claim is inspected before anything is given.
     *
     * @param neverArrivedThreshold "never arrived" claims in 12 months before this one that make the claim evidence-backed
     * @param refundThreshold       refunds in 12 months before this one that make the claim evidence-backed
     * @param confidentAbove        triage's confidence in SUSPECTED_ABUSE from which the suspicion alone counts as evidence
     */
    public record Abuse(@Min(1) Integer neverArrivedThreshold, @Min(1) Integer refundThreshold,
                        @DecimalMin("0.0") @DecimalMax("1.0") Double confidentAbove) {

        public Abuse {
            neverArrivedThreshold = neverArrivedThreshold == null ? 3 : neverArrivedThreshold;
            refundThreshold = refundThreshold == null ? 3 : refundThreshold;
            confidentAbove = confidentAbove == null ? 0.6 : confidentAbove;
        }
    }

    /**
     * When triage's cause is too uncertain to bet the customer on: the offer is then chosen for its expected cost over
     * the likely causes, the customer is asked what would make it right, and a supervisor reviews the offer.
     *
     * @param confidentFrom triage's cause confidence below this is uncertain
     * @param closeRatio    a runner-up cause at least this likely relative to the first makes it uncertain too
     */
    public record Uncertainty(@DecimalMin("0.0") @DecimalMax("1.0") Double confidentFrom,
                              @DecimalMin("0.0") @DecimalMax("1.0") Double closeRatio) {

        public Uncertainty {
            confidentFrom = confidentFrom == null ? 0.6 : confidentFrom;
            closeRatio = closeRatio == null ? 0.5 : closeRatio;
        }
    }

    /**
     * When the business stops serving an unreasonable customer.
     *
     * @param fromAnger        an unreasonable customer at least this angry is refunded and disengaged ...
     * @param repeatComplaints ... as is an unreasonable customer with at least this many complaints in 12 months, if angry
     */
    public record Disengage(Anger fromAnger, @Min(1) Integer repeatComplaints) {

        public Disengage {
            fromAnger = fromAnger == null ? Anger.HOSTILE : fromAnger;
            repeatComplaints = repeatComplaints == null ? 3 : repeatComplaints;
        }
    }

    /**
     * The bounds of one round's negotiation.
     *
     * @param maxRounds           offers in one round before the next decline leads to mediation
     * @param offerExpiry         the customer must answer an offer within this
     * @param approvalTimeout     a supervisor must decide within this (followup-service escalates when it passes)
     * @param expiryCheckInterval how often expired offers are looked for
     */
    public record Negotiation(@Min(value = 1, message = "must be at least 1 (the first offer)") @Max(20) Integer maxRounds,
                              Duration offerExpiry, Duration approvalTimeout, Duration expiryCheckInterval) {

        public Negotiation {
            maxRounds = maxRounds == null ? 3 : maxRounds;
            offerExpiry = offerExpiry == null ? Duration.ofDays(7) : offerExpiry;
            approvalTimeout = approvalTimeout == null ? Duration.ofHours(24) : approvalTimeout;
            expiryCheckInterval = expiryCheckInterval == null ? Duration.ofSeconds(30) : expiryCheckInterval;
        }

        @AssertTrue(message = "offer-expiry, approval-timeout and expiry-check-interval must be positive durations")
        public boolean isDurationsPositive() {
            return positive(offerExpiry) && positive(approvalTimeout) && positive(expiryCheckInterval);
        }
    }

    private static BigDecimal or(BigDecimal given, String fallback) {
        return given == null ? new BigDecimal(fallback) : given;
    }

    /** The defaults with the configured entries on top, unmodifiable. */
    private static <K extends Enum<K>, V> Map<K, V> overriding(EnumMap<K, V> defaults, Map<K, V> given) {
        if (given != null) {
            defaults.putAll(given);
        }
        return Collections.unmodifiableMap(defaults);
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

    @Override
    public String toString() {
        return "PolicyProperties{authority=" + authority.agent() + "/" + authority.supervisor()
                + ", maxRounds=" + negotiation.maxRounds() + ", currencies="
                + currencyFactors.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
                .collect(Collectors.joining(",")) + "}";
    }
}
