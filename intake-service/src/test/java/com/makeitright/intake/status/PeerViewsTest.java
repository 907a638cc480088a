package com.makeitright.intake.status;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The body one intake instance sends another: stored entries, each length-prefixed. */
class PeerViewsTest {

    @Test
    void entriesSurviveTheRoundTripInOrderEmptyOnesIncluded() {
        List<byte[]> entries = List.of(new byte[]{1, 2, 3}, new byte[0], new byte[]{(byte) 0xff});

        assertThat(PeerViews.split(PeerViews.join(entries))).containsExactlyElementsOf(entries);
        assertThat(PeerViews.split(new byte[0])).isEmpty();
    }

    @Test
    void aBodyCutShortIsRefusedNotReadPastItsEnd() {
        byte[] body = PeerViews.join(List.of(new byte[]{1, 2, 3, 4}));

        assertThatThrownBy(() -> PeerViews.split(java.util.Arrays.copyOf(body, body.length - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
    }
}
