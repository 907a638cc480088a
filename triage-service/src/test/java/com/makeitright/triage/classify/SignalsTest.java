package com.makeitright.triage.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each signal fires on its phrase, and not on a near-miss that shares its words. */
class SignalsTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(String description) {
        return classifier.classify(Texts.email("Complaint", description), History.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            insult                  | You are all idiots and I want my money back.                                | I felt like such an idiot standing there, could you help me?
            insult                  | Useless crooks, the lot of you, fix my order.                               | The waiter called us idiots and laughed, and the order was wrong.
            insult                  | Scammers. That is what you are.                                             | The driver shouted "you idiots" at the neighbours, not at me; my parcel is fine but late.
            contempt                | You are all worthless, every single one of you.                             | The coupon was worthless because it had expired, could you explain?
            profanity               | Screw you and your app, it charged me twice.                                | Traffic was hell today and the app charged me twice.
            swearing                | Your damn app charged me twice.                                             | The dam upstream flooded our road, so the app says delivery is delayed.
            threat                  | Refund me or I will come down there and you will see.                       | I will come down there to collect the parcel on Monday.
            threat                  | You'll regret this, trust me.                                               | I regret ordering the blue one, could I swap it for red?
            legal-threat            | My lawyer will be in touch about this.                                      | The form asks for my law firm's address, where do I put it?
            legal-threat            | Refund it by Friday or I'll sue.                                            | I had a court hearing this morning, so I am late reporting the broken kettle.
            legal-threat            | I'm reporting him, that was dangerous driving.                             | I reported the broken gate to your driver and he said he would tell the office.
            legal-threat            | I am filing a complaint with the ombudsman.                                 | I am not going to take this to the ombudsman, I just want the fee back.
            contempt                | Brainless, the lot of you.                                                  | The lot of the blue ones sold out, could you tell me when they are back?
            contempt                | Useless. Where do you find these people?                                   | Where do you find the serial number on the kettle?
            insult                  | Ring once, you imbecile.                                                    | The film I rented is called The Imbecile and the disc skips.
            insult                  | Incompetent amateurs. The shelf fell down.                                  | I am an amateur photographer and the lens cap is missing.
            name-calling            | Your so-called inspector is a liar.                                         | Your inspector said the carpet was fine, but the deposit is gone.
            public-threat           | Fix it or everyone is going to hear about this.                            | Everyone in the office heard the alarm, could you check the unit?
            reported-abuse          | Caller says the parcel was late and called the agent a moron.               | The driver called me a moron when I asked where my parcel was.
            reported-threat         | Caller says he will call the local TV station about the refund.             | Caller says he will call back tomorrow about the refund.
            exclamation-run         | Where is my order?!                                                         | Where is my order? Thanks!
            shouting                | THIS IS COMPLETELY UNACCEPTABLE AND I WANT IT FIXED                         | The PDF and the VAT number on the invoice are missing.
            outrage-words           | This is outrageous, three weeks and nothing.                                | This is not outrageous, just a small mix-up with my order.
            sarcasm                 | Brilliant job as always, the parcel is soaked.                              | Thanks for the quick help last time, the parcel is soaked this time though.
            disappointment          | I am quite disappointed with the jacket.                                    | I am not disappointed with the jacket, just the zip is stuck.
            apologises-for-tone     | Sorry if I sound grumpy, the app keeps logging me out.                      | Sorry, the app keeps logging me out.
            apologises-for-tone     | I'm not angry at you, the parcel is just late.                              | I'm angry at you, the parcel is late again.
            bad-day                 | I had a fight with my landlord and now your site is down!                   | The landlord of the shop next door said your site is down.
            belief-mismatch         | I thought returns were free, but I was charged.                             | Returns were free last time, but I was charged this time.
            half-admits             | Nobody told me about the fee! Well, I suppose it was in the contract.       | Nobody told me about the fee! It is not in the contract.
            wrong-item              | I ordered the red kettle and you sent the wrong one.                        | I ordered the red kettle and it is the right one, but the lid is loose.
            billing-error           | I was charged twice for the same order.                                     | I was charged once for the order, as expected, but it has not shipped.
            never-arrived           | The tracking says delivered but the parcel is not here.                     | The tracking says out for delivery and I will be home all day.
            refund-as-before        | Just refund it like the other times.                                        | I have never asked for a refund before, could you help?
            refund-and-keep         | Can you refund me? I'd like to keep them though.                            | Can you refund me? I will send them back today.
            forever-demand          | I want free coffee for life after this.                                     | I have been coming here for coffee for years and today it was cold.
            blames-the-uncontrollable | Your forecast said sunny and it rained on my wedding!                     | Your delivery van got stuck and the parcel was two days late.
            worn-then-returned      | I wore the dress to my sister's wedding on Saturday and the hem is torn, so it must be faulty. Full refund please. | The dress I ordered for my sister's wedding arrived with a torn hem, could you send another?
            disproportionate-demand | The mug chipped. I want 5,000 for the stress.                               | The mug chipped. I would like a replacement for 12 please.
            polite                  | Could you please check my order? Kind regards.                              | Check my order.
            admits-it-was-written   | I see now the ticket says doors at 7, so that is on me.                    | I see the parcel is still at the depot, could you check?
            dismisses-the-rule      | I don't care what your receipt says, refund me.                            | I care about the planet, so please send less packaging.
            repeat-claim            | The burger was missing again, please refund it like you usually do.         | The burger was missing, please refund it.
            used-then-claims        | We ate the whole thing and it was awful, refund it.                        | We could not eat it, it was awful, refund it.
            trouble-elsewhere       | Somebody rear-ended me on the way here and now your card machine is down.  | Your card machine is down again this morning.
            perpetual-demand        | The pizza was late, I want free pizza every Friday for a year.              | The pizza was late, I would like the delivery fee back.
            backdated-demand        | Match their savings rate and backdate it five years.                       | Please match their savings rate from today.
            public-threat           | Fix it or I will post the photos everywhere.                               | I posted the form yesterday, could you confirm it arrived?
            name-calling            | Your driver is a moron and the lamp is broken.                             | Your driver is a lovely man but the lamp is broken.
            """)
    void firesOnItsPhraseAndNotOnANearMiss(String signal, String phrase, String nearMiss) {
        assertThat(classify(phrase).signals()).as("'%s' on: %s", signal, phrase)
                .anySatisfy(e -> assertThat(e.signal()).isEqualTo(signal));
        assertThat(classify(nearMiss).signals()).as("'%s' must not fire on: %s", signal, nearMiss)
                .noneSatisfy(e -> assertThat(e.signal()).isEqualTo(signal));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            I'm not angry at you, the parcel is just late.
            The driver shouted "you useless idiots" at the van next to him; my parcel is late.
            He called me an idiot when I asked about the refund, so I'd like to speak to someone else.
            I'm not saying you are useless, but the parcel is three days late.
            Caller says our driver called him an idiot, and the parcel is late.
            """)
    void someoneElsesWordsOrANegatedFeelingAreNotHostilityAtUs(String description) {
        Classification c = classify(description);

        assertThat(c.signals()).noneSatisfy(e -> assertThat(e.indicates()).isEqualTo("anger:HOSTILE"));
        assertThat(c.anger().ordinal()).isLessThanOrEqualTo(com.makeitright.events.Anger.UPSET.ordinal());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The parcel came a day late. You clowns.
            The parcel came a day late. Useless, all of you.
            The parcel came a day late. Refund the postage or I'll see you in court.
            The parcel came a day late. Refund the postage or I will post about it everywhere.
            Caller says the parcel came a day late and called us crooks.
            """)
    void abuseOrAThreatIsNeverReadAsCalmOrUpset(String description) {
        Classification c = classify(description);

        assertThat(c.signals()).as("an abuse or threat signal").anySatisfy(e -> assertThat(
                Rules.ABUSE_SIGNALS.contains(e.signal()) || Rules.THREAT_SIGNALS.contains(e.signal())).isTrue());
        assertThat(c.anger().ordinal()).isGreaterThanOrEqualTo(com.makeitright.events.Anger.ANGRY.ordinal());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            THIS IS COMPLETELY UNACCEPTABLE!!! THREE WEEKS AND NOTHING!!!
            What the hell, the bill doubled! Damn it, this is ridiculous!
            """)
    void withoutAbuseOrAThreatNothingIsReadAsHostile(String description) {
        assertThat(classify(description).anger()).isEqualTo(com.makeitright.events.Anger.ANGRY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            I bought this jacket on Friday for a gala on Saturday and now the seam is loose, so it must be defective. Full refund please.
            We used the speaker for our beach party on Sunday and now a button sticks. I'd like to return it for a full refund.
            """)
    void aTimelineOfUsingAnItemForAnEventThenReturningItAsFaultyIsWornThenReturned(String description) {
        Classification c = classify(description);

        assertThat(c.signals()).anySatisfy(e -> {
            assertThat(e.signal()).isEqualTo("worn-then-returned");
            assertThat(e.evidence()).isNotBlank();
            assertThat(e.indicates()).isEqualTo("cause:SUSPECTED_ABUSE");
        });
        assertThat(c.cause()).isEqualTo(com.makeitright.events.Cause.SUSPECTED_ABUSE);
    }
}
