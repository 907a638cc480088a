package com.makeitright.contract;

import com.makeitright.events.Priority;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatContactsTest {

    @Test
    void eachContactAfterTheFirstRaisesThePriorityOneStepUpToUrgent() {
        assertThat(RepeatContacts.raised(Priority.P4_LOW, 1)).isEqualTo(Priority.P4_LOW);
        assertThat(RepeatContacts.raised(Priority.P4_LOW, 2)).isEqualTo(Priority.P3_NORMAL);
        assertThat(RepeatContacts.raised(Priority.P4_LOW, 3)).isEqualTo(Priority.P2_HIGH);
        assertThat(RepeatContacts.raised(Priority.P3_NORMAL, 3)).isEqualTo(Priority.P1_URGENT);
        assertThat(RepeatContacts.raised(Priority.P2_HIGH, 40)).isEqualTo(Priority.P1_URGENT);
        assertThat(RepeatContacts.raised(Priority.P1_URGENT, 2)).isEqualTo(Priority.P1_URGENT);
        assertThat(RepeatContacts.raised(null, 5)).isNull();
    }

    @Test
    void theAdviceNamesHowOftenTheyWroteAndIsNotGivenForAFirstContact() {
        assertThat(RepeatContacts.advice(1)).isNull();
        assertThat(RepeatContacts.advice(3).getCode()).isEqualTo("REPEAT_CONTACT");
        assertThat(RepeatContacts.advice(3).getText()).isEqualTo("They have written 3 times: answer personally, today.");
    }
}
