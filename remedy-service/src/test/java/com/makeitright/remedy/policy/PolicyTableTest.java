package com.makeitright.remedy.policy;

import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.RootCause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;

import static com.makeitright.events.AuthorityLevel.AGENT;
import static com.makeitright.events.AuthorityLevel.OWNER;
import static com.makeitright.events.AuthorityLevel.SUPERVISOR;
import static com.makeitright.events.RemedyKind.DISCOUNT;
import static com.makeitright.events.RemedyKind.GOODWILL_GESTURE;
import static com.makeitright.events.RemedyKind.INSPECTION;
import static com.makeitright.events.RemedyKind.POLICY_EXPLANATION;
import static com.makeitright.events.RemedyKind.REDO;
import static com.makeitright.events.RemedyKind.REFUND_AND_DISENGAGE;
import static com.makeitright.events.RemedyKind.REFUND_FULL;
import static com.makeitright.events.RemedyKind.REFUND_PRORATED;
import static com.makeitright.events.RemedyKind.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remedy policy table with the default configuration: each row is a situation a shop owner recognises, the
 * remedy a careful owner would choose, and the reason that must show in the offer's reasoning.
 */
class PolicyTableTest {

    static final RemedyPolicy POLICY = new RemedyPolicy(new PolicyProperties());

    /** amount and gift are the money to the customer and the gesture's value in USD; null when there is none. */
    record Row(String situation, Complaint complaint, RemedyKind remedy, String amount, String gift, boolean openQuestion,
               AuthorityLevel authority, String because) {
        @Override
        public String toString() {
            return situation + " -> " + remedy + (gift == null ? "" : " + gift " + gift);
        }
    }

    static List<Row> table() {
        return List.of(
                // ---- our error: reverse it; the angrier and the more public, the more a gesture on top is worth
                new Row("wrong CD shipped, customer upset, asks for the right one",
                        Complaint.ourError().upset().wants("Send the right CD"),
                        REPLACEMENT, null, null, true, AGENT, "within reason: REPLACEMENT as asked"),
                new Row("wrong CD shipped, customer hostile, asks nothing",
                        Complaint.ourError().hostile().via(Channel.PHONE),
                        REPLACEMENT, null, "5.00", false, AGENT, "a goodwill gesture on top"),
                new Row("wrong item, customer angry: a gift without being asked",
                        Complaint.ourError().angry(),
                        REPLACEMENT, null, "5.00", false, AGENT, "inaction costs at least 1.5x the remedy"),
                new Row("wrong item, customer calm: the replacement covers it, and we ask what would make it right",
                        Complaint.ourError().calm(),
                        REPLACEMENT, null, null, true, AGENT, "no gesture needed"),
                new Row("spoiled food posted on social media by a hostile gold customer: a larger gift for the reach",
                        Complaint.ourError().hostile().via(Channel.SOCIAL_MEDIA).tier(CustomerTier.GOLD).order("12.50")
                                .root(RootCause.PRODUCT_QUALITY),
                        REPLACEMENT, null, "17.00", false, AGENT, "x4: others hear of it"),
                new Row("the same complaint in a private e-mail from a calm standard customer: no gift",
                        Complaint.ourError().calm().order("12.50").root(RootCause.PRODUCT_QUALITY),
                        REPLACEMENT, null, null, true, AGENT, "no gesture needed"),
                new Row("half-finished project: refund the undelivered half",
                        Complaint.ourError().upset().order("90.00").completed("0.5").root(RootCause.SERVICE_QUALITY),
                        REFUND_PRORATED, "45.00", null, true, AGENT, "refund the undelivered 50%"),
                new Row("a quarter of a large job done: the pro-rated refund needs a supervisor",
                        Complaint.ourError().upset().order("200.00").completed("0.25").root(RootCause.SERVICE_QUALITY),
                        REFUND_PRORATED, "150.00", null, true, SUPERVISOR, "refund the undelivered 75%"),
                new Row("pro-rating rounds half-even to the cent",
                        Complaint.ourError().calm().order("10.05").completed("0.5").root(RootCause.SERVICE_QUALITY),
                        REFUND_PRORATED, "5.02", null, true, AGENT, "work partly delivered"),
                new Row("booked work not started at all: full refund",
                        Complaint.ourError().upset().order("40.00").completed("0").root(RootCause.SERVICE_QUALITY),
                        REFUND_FULL, "40.00", null, true, AGENT, "nothing delivered"),
                new Row("work delivered but wrong, platinum client angry, asks for a redo: owner decides, top gift",
                        Complaint.ourError().angry().tier(CustomerTier.PLATINUM).order("4500.00")
                                .root(RootCause.SERVICE_QUALITY).wants("Redo the report free of charge"),
                        REDO, null, "50.00", false, OWNER, "REDO as asked"),
                new Row("waited two hours in the shop: a discount for the time lost and, as others saw it, a small gift",
                        Complaint.ourError().upset().via(Channel.IN_PERSON).order("90.00").root(RootCause.WAITING_TIME),
                        DISCOUNT, "18.00", "5.00", true, AGENT, "cost the customer time"),
                new Row("a clumsy web form wasted a calm customer's time: a discount, no gift",
                        Complaint.ourError().calm().via(Channel.WEB_FORM).order("90.00").root(RootCause.INTERFACE_PROBLEM),
                        DISCOUNT, "18.00", null, true, AGENT, "no gesture needed"),
                new Row("charged twice: the wrong charge back",
                        Complaint.ourError().calm().order("45.00").root(RootCause.BILLING),
                        REFUND_FULL, "45.00", null, true, AGENT, "billing error"),
                new Row("calm customer asks for a refund, which is within reason",
                        Complaint.ourError().calm().order("45.00").wants("I would like a refund please"),
                        REFUND_FULL, "45.00", null, true, AGENT, "within reason: REFUND_FULL"),
                new Row("customer asks for far more than they paid: we propose the reasonable remedy",
                        Complaint.ourError().calm().order("3.50").wants("$5,000 for my trouble"),
                        REPLACEMENT, null, null, true, AGENT, "beyond reason: asks 5000"),
                new Row("our error with no order to reverse: an apology and a gesture",
                        Complaint.ourError().upset().noOrder(),
                        GOODWILL_GESTURE, null, "5.00", true, AGENT, "no order to reverse"),
                new Row("reopened round after an unhappy follow-up: more generous, the gesture doubled",
                        Complaint.ourError().upset().reopened(),
                        REPLACEMENT, null, "10.00", true, AGENT, "x2 for a reopened round"),
                // ---- misunderstanding: explain with a gesture, unless our own policy was unclear
                new Row("refund policy misunderstood: explanation and a gesture, not a refund",
                        Complaint.misunderstanding().upset().order("59.00"),
                        POLICY_EXPLANATION, null, "5.00", true, AGENT, "an explanation with a gesture, not a refund"),
                new Row("misunderstanding by an angry caller: still an explanation, no open question",
                        Complaint.misunderstanding().angry().via(Channel.PHONE).order("120.00"),
                        POLICY_EXPLANATION, null, "6.00", false, AGENT, "not an open question"),
                new Row("our sign at the till was unclear: we honour what the customer understood",
                        Complaint.misunderstanding().upset().order("59.00").root(RootCause.UNCLEAR_POLICY),
                        REFUND_FULL, "59.00", null, true, SUPERVISOR, "we honour what the customer understood"),
                // ---- misplaced hostility: help with the real problem, kindly
                new Row("anger from elsewhere in the day, about a password reset: help and a small thank-you",
                        Complaint.misplacedHostility().angry().via(Channel.PHONE).noOrder(),
                        GOODWILL_GESTURE, null, "5.00", false, AGENT, "comes from elsewhere"),
                // ---- unreasonable: a firm, polite boundary; part ways with the hostile
                new Row("impossible demands with insults: refund and disengage",
                        Complaint.unreasonable().hostile().via(Channel.PHONE).order("3.50").wants("$5,000 and free pens for life"),
                        REFUND_AND_DISENGAGE, "3.50", null, false, AGENT, "refund and part ways politely"),
                new Row("rain ruined the picnic, angry, first time: a clear explanation, nothing paid",
                        Complaint.unreasonable().angry().noOrder().wants("Pay for my vacation"),
                        POLICY_EXPLANATION, null, null, false, AGENT, "no reward"),
                new Row("unreasonable and angry for the fourth time this year: part ways",
                        Complaint.unreasonable().angry().order("20.00").history(3, 1, 0),
                        REFUND_AND_DISENGAGE, "20.00", null, false, AGENT, "a pattern"),
                new Row("a customer we stopped serving complains again: a supervisor decides",
                        Complaint.ourError().upset().order("3.50").doNotServe(),
                        REFUND_AND_DISENGAGE, "3.50", null, false, SUPERVISOR, "flagged"),
                // ---- suspected abuse: never a refund first
                new Row("fourth never-arrived claim in a year: inspection, not refund",
                        Complaint.suspectedAbuse().upset().via(Channel.WEB_FORM).order("399.00").confidence(0.5)
                                .history(3, 3, 3).wants("Refund"),
                        INSPECTION, null, null, false, AGENT, "3 earlier never-arrived claims"),
                new Row("suit worn to an event and returned as faulty: inspection first",
                        Complaint.suspectedAbuse().calm().via(Channel.WEB_FORM).order("420.00").confidence(0.5)
                                .signal("worn-then-returned").root(RootCause.PRODUCT_QUALITY),
                        INSPECTION, null, null, false, AGENT, "signals worn-then-returned"),
                new Row("a doubtful claim from a clean record: the benefit of the doubt, a replacement, no refund;"
                                + " triage is unsure, so we ask and a supervisor reviews",
                        Complaint.suspectedAbuse().upset().order("30.00").confidence(0.4),
                        REPLACEMENT, null, null, true, SUPERVISOR, "benefit of the doubt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void aCarefulShopOwnerWouldChooseThis(Row row) {
        Terms terms = POLICY.choose(row.complaint().situation());

        assertThat(terms.kind()).as("remedy").isEqualTo(row.remedy());
        assertThat(terms.amount() == null ? null : terms.amount().getAmount().toPlainString()).as("amount").isEqualTo(row.amount());
        assertThat(terms.gesture() == null ? null : terms.gesture().value().getAmount().toPlainString()).as("gift").isEqualTo(row.gift());
        assertThat(terms.openQuestion() != null).as("open question").isEqualTo(row.openQuestion());
        assertThat(POLICY.authority(terms).level()).as("authority").isEqualTo(row.authority());
        assertThat(explanation(terms)).as("reasoning").contains(row.because());
        assertThat(terms.estimatedCost()).as("cost = sum of lines").isEqualTo(Terms.total(terms.costLines(), "USD"));
        assertThat(terms.reasoning().remedyCost()).isEqualTo(terms.estimatedCost());
        assertThat(terms.reasoning().factors()).extracting(Terms.Note::name)
                .contains("tier", "orderValue", "reach", "anger", "cause", "history", "costOfInaction");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replacements")
    void aReplacementIsWordedForTheKindOfFault(RootCause root, String words) {
        Terms terms = POLICY.choose(Complaint.ourError().calm().root(root).situation());

        assertThat(terms.kind()).isEqualTo(REPLACEMENT);
        assertThat(terms.description()).contains(words);
    }

    static List<Arguments> replacements() {
        return List.of(
                Arguments.of(RootCause.PACKING_ERROR, "what was missing or wrong in your order"),
                Arguments.of(RootCause.DELIVERY, "a new one"),
                Arguments.of(RootCause.PRODUCT_QUALITY, "replace the faulty item"));
    }

    static String explanation(Terms terms) {
        return terms.reasoning().summary() + "\n" + terms.reasoning().factors().stream()
                .map(f -> f.name() + "=" + f.value() + ": " + f.effect()).collect(Collectors.joining("\n"));
    }
}
