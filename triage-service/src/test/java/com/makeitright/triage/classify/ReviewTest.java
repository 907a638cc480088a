package com.makeitright.triage.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When triage cannot be sure it says so and asks for a person, instead of guessing. */
class ReviewTest {

    private final Classifier classifier = new Classifier();

    @Test
    void aVeryShortComplaintIsFlaggedWithLowConfidence() {
        Classification c = classifier.classify(Texts.email("Order", "Not good."), History.NONE);

        assertThat(c.reviewNeeded()).isTrue();
        assertThat(c.reviewReasons()).anySatisfy(r -> assertThat(r).contains("Very short complaint (2 words)"));
        assertThat(c.causeConfidence()).isLessThan(0.4);
    }

    @Test
    void aComplaintInAnotherLanguageIsFlagged() {
        Classification c = classifier.classify(Texts.email("Pedido", "Hola, mi pedido llegó roto y la caja estaba"
                + " abierta. Quisiera que me enviaran otro lo antes posible, por favor."), History.NONE);

        assertThat(c.reviewNeeded()).isTrue();
        assertThat(c.reviewReasons()).anySatisfy(r -> assertThat(r).startsWith("Written in Spanish (es)"));
        assertThat(c.causeConfidence()).isLessThan(0.4);
    }

    @Test
    void contradictorySignalsAreFlaggedNamingBothSides() {
        Classification c = classifier.classify(Texts.email("Dress", "I thought the return fee was included in the"
                + " price. I wore the dress to my cousin's wedding on Saturday and the hem is torn, so it must be"
                + " faulty. Full refund please."), History.NONE);

        assertThat(c.reviewNeeded()).isTrue();
        assertThat(c.reviewReasons()).anySatisfy(r -> assertThat(r).startsWith("Contradictory signals:")
                .contains("SUSPECTED_ABUSE").contains("MISUNDERSTANDING"));
    }

    @Test
    void aClearComplaintNeedsNoReview() {
        Classification c = classifier.classify(Texts.email("Wrong size", "Hello, I ordered the boots in size 40"
                + " and you sent the wrong size, 37. Could you exchange them? Thanks."), History.NONE);

        assertThat(c.reviewNeeded()).isFalse();
        assertThat(c.reviewReasons()).isEmpty();
        assertThat(c.causeConfidence()).isGreaterThan(0.5);
    }

    @Test
    void historyOfNeverArrivedClaimsTipsAPlainClaimTowardsSuspectedAbuseAndALongTimeCustomerAwayFromIt() {
        ComplaintText claim = Texts.email("Parcel", "My parcel shows delivered but it is not here. Could you look into it?");

        assertThat(classifier.classify(claim, History.NONE).cause()).isEqualTo(com.makeitright.events.Cause.OUR_ERROR);
        Classification fourth = classifier.classify(claim, new History(3, 3, 3, false, null));
        assertThat(fourth.cause()).isEqualTo(com.makeitright.events.Cause.SUSPECTED_ABUSE);
        assertThat(fourth.signals()).anySatisfy(e -> assertThat(e.signal()).isEqualTo("history-never-arrived"));

        Classification loyal = classifier.classify(claim, new History(0, 0, 0, false, Texts.TODAY.minusYears(8)));
        assertThat(loyal.signals()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo("long-time-customer-first-complaint");
            assertThat(e.weight()).isNegative();
        });
    }
}
