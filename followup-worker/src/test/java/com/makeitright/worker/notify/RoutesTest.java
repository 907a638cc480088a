package com.makeitright.worker.notify;

import com.makeitright.worker.mail.MailKind;
import com.makeitright.worker.notify.Routes.Route;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    @Test
    void aReminderGoesThroughTheOtherChannelTheCustomerGave() {
        assertThat(Routes.of(MailKind.OFFER_REMINDER, true, true, true, true)).as("e-mail and phone: a text")
                .isEqualTo(Route.SMS);
        assertThat(Routes.of(MailKind.OFFER_REMINDER, false, true, true, true)).as("only a phone: an agent calls")
                .isEqualTo(Route.CALL_TASK);
        assertThat(Routes.of(MailKind.OFFER_REMINDER, true, false, true, true)).as("only e-mail: a mail")
                .isEqualTo(Route.EMAIL);
    }

    @Test
    void withSmsOffAReminderIsMailedAndWithTheInboxOffAPhoneOnlyCustomerIsNotReminded() {
        assertThat(Routes.of(MailKind.OFFER_REMINDER, true, true, false, true)).isEqualTo(Route.EMAIL);
        assertThat(Routes.of(MailKind.OFFER_REMINDER, false, true, true, false)).isEqualTo(Route.NONE);
        assertThat(Routes.of(MailKind.OFFER_REMINDER, false, false, true, true)).as("erased: no way")
                .isEqualTo(Route.NONE);
    }

    @Test
    void everyOtherMessageGoesByMailOnlyWhatever() {
        for (MailKind kind : new MailKind[]{MailKind.ACKNOWLEDGEMENT, MailKind.OFFER, MailKind.SATISFACTION_CHECK}) {
            assertThat(Routes.of(kind, true, true, true, true)).isEqualTo(Route.EMAIL);
            assertThat(Routes.of(kind, false, true, true, true)).as("no SMS, no call but for a reminder")
                    .isEqualTo(Route.NONE);
        }
    }
}
