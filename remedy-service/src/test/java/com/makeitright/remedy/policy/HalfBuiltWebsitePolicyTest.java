package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.contract.Topics;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.RemedyKind;
import com.makeitright.testing.CommittedContract;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's own case (issue 18), second half of its end-to-end test: the acknowledgement triage publishes for "You
 * built half of my website and then stopped answering. I want the money back for the part you never did" (written by
 * triage's {@code HalfBuiltWebsiteTest}, from triage's real decision) gets a pro-rated refund for the unfinished half.
 */
class HalfBuiltWebsitePolicyTest {

    static final String FIXTURE = "test-support/src/main/resources/contract/half-built-website.acknowledged.json";

    static {
        // Avro handles only trusted classes; loading Topics trusts the events' package, as in the services.
        Objects.requireNonNull(Topics.ALL);
    }

    @Test
    void theHalfBuiltWebsiteGetsAProRatedRefundForTheUnfinishedHalf() throws Exception {
        String json = Files.readString(CommittedContract.inRepository(FIXTURE), StandardCharsets.UTF_8);
        ComplaintAcknowledged ack = new SpecificDatumReader<>(ComplaintAcknowledged.class)
                .read(null, DecoderFactory.get().jsonDecoder(ComplaintAcknowledged.getClassSchema(), json));

        Terms offer = new RemedyPolicy(new PolicyProperties()).choose(Situation.of(ack));

        assertThat(offer.kind()).isEqualTo(RemedyKind.REFUND_PRORATED);
        assertThat(offer.amount()).as("half of 2,400.00").isEqualTo(Monies.of("1200.00", "USD"));
        assertThat(offer.reasoning().factors()).anySatisfy(n -> {
            assertThat(n.name()).isEqualTo("order.completedFraction");
            assertThat(n.effect()).contains("refund the undelivered 50%");
        });
        if (ack.getCauseConfidence() < new PolicyProperties().uncertainty().confidentFrom()) {
            // triage is unsure: the refund won on expected cost over both causes, and a supervisor reviews it
            assertThat(offer.reasoning().factors()).extracting(Terms.Note::name).contains("causeUncertain", "proRatedRefund");
            assertThat(offer.minimumAuthority()).isEqualTo(AuthorityLevel.SUPERVISOR);
        }
    }
}
