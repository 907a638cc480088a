package com.makeitright.intake.webhooks;

import com.makeitright.intake.common.InvalidInput;
import com.makeitright.intake.submission.HelpdeskComplaint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real sample bodies mapped onto a complaint, one system at a time. */
class HelpdeskMappingTest {

    @Test
    void zammadsDefaultPayload() {
        HelpdeskComplaint c = ZammadTicket.map(TicketJson.parse(Samples.bytes(Samples.ZAMMAD)));

        assertThat(c.system()).isEqualTo("zammad");
        assertThat(c.ticketId()).isEqualTo("81");
        assertThat(c.subject()).isEqualTo("Webhook-Test");
        assertThat(c.description()).isEqualTo("This is a simple Webhook Test.");
        assertThat(c.customerId()).isEqualTo("zammad-8");
        assertThat(c.name()).isEqualTo("Emily Adams");
        assertThat(c.email()).isEqualTo("emily@example.com");
        assertThat(c.phone()).isEqualTo("0061 2 1234 7777");
        assertThat(c.channel()).isEqualTo("PHONE");
        assertThat(c.url()).isNull();
    }

    @Test
    void zendesksCapturedTriggerBodyLosesTheDescriptionHeader() {
        HelpdeskComplaint c = ZendeskTicket.map(TicketJson.parse(Samples.bytes(Samples.ZENDESK_CAPTURE)));

        assertThat(c.ticketId()).isEqualTo("7");
        assertThat(c.subject()).isEqualTo("Hello world");
        assertThat(c.description()).isEqualTo("I am writing this to create a ticket.");
        assertThat(c.name()).isEqualTo("testerzulip");
        assertThat(c.url()).isEqualTo("https://asdf1640.zendesk.com/agent/tickets/7");
        // the capture's template sent no e-mail or phone: the complaint rules will ask for one (400)
        assertThat(c.email()).isNull();
        assertThat(c.phone()).isNull();
        assertThat(c.customerId()).isNull();
    }

    @Test
    void zendesksRecommendedTemplate() {
        HelpdeskComplaint c = ZendeskTicket.map(TicketJson.parse(Samples.ZENDESK_TEMPLATE.getBytes(StandardCharsets.UTF_8)));

        assertThat(c.ticketId()).isEqualTo("7");
        assertThat(c.description()).isEqualTo("I am writing this to create a ticket. My \"order\" never came.");
        assertThat(c.customerId()).isEqualTo("zendesk-20978392");
        assertThat(c.name()).isEqualTo("Apoorva Pendse");
        assertThat(c.email()).isEqualTo("apoorva@example.com");
        assertThat(c.phone()).isNull();
        assertThat(c.channel()).isEqualTo("EMAIL");
        assertThat(c.url()).isEqualTo("https://asdf1640.zendesk.com/agent/tickets/7");
    }

    @Test
    void zendesksEventSubscription() {
        HelpdeskComplaint c = ZendeskTicket.map(TicketJson.parse(Samples.bytes(Samples.ZENDESK_EVENT)));

        assertThat(c.ticketId()).isEqualTo("35436");
        assertThat(c.subject()).isEqualTo("Help, my printer is on fire!");
        assertThat(c.description()).isEqualTo("The fire is very colorful.");
        assertThat(c.customerId()).isEqualTo("zendesk-20978392");
        assertThat(c.channel()).isEqualTo("WEB_FORM");
        assertThat(c.email()).isNull();
    }

    @Test
    void zendeskEventsOtherThanTicketCreatedAreRefused() {
        String updated = Samples.text(Samples.ZENDESK_EVENT).replace("ticket.created", "ticket.status_changed");
        assertThatThrownBy(() -> ZendeskTicket.map(TicketJson.parse(updated.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).singleElement().extracting(p -> p.field()).isEqualTo("type"));
    }

    @Test
    void freshdesksRuleTemplateWithHtmlDescription() {
        HelpdeskComplaint c = FreshdeskTicket.map(TicketJson.parse(Samples.bytes(Samples.FRESHDESK)));

        assertThat(c.ticketId()).isEqualTo("11");
        assertThat(c.subject()).isEqualTo("Test ticket subject ☃");
        assertThat(c.description()).isEqualTo("Test ticket description ☃.");
        assertThat(c.name()).isEqualTo("Requester ☃ Bob");
        assertThat(c.email()).isEqualTo("requester-bob@example.com");
        assertThat(c.customerId()).isEqualTo("freshdesk-requester-bob@example.com");
        assertThat(c.url()).isEqualTo("http://test1234zzz.freshdesk.com/helpdesk/tickets/11");
        assertThat(c.channel()).isEqualTo("WEB_FORM");
    }

    @Test
    void aBodyWithoutItsTicketNamesWhatIsMissing() {
        assertThatThrownBy(() -> ZammadTicket.map(TicketJson.parse("{\"article\": {}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("ticket"));
        assertThatThrownBy(() -> FreshdeskTicket.map(TicketJson.parse("{\"freshdesk_webhook\": {}}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("freshdesk_webhook.ticket_id"));
        assertThatThrownBy(() -> ZendeskTicket.map(TicketJson.parse("{\"ticket_id\": \"../7\"}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("ticket_id"));
        assertThatThrownBy(() -> TicketJson.parse("{\"ticket\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("body"));
    }

    @Test
    void channelsFromEachSystemsVocabulary() {
        assertThat(ZammadTicket.channel("email")).isEqualTo("EMAIL");
        assertThat(ZammadTicket.channel("twitter status")).isEqualTo("SOCIAL_MEDIA");
        assertThat(ZammadTicket.channel("web")).isEqualTo("WEB_FORM");
        assertThat(ZendeskTicket.channel("Phone call (incoming)")).isEqualTo("PHONE");
        assertThat(ZendeskTicket.channel("voice")).isEqualTo("PHONE");
        assertThat(ZendeskTicket.channel("Chat")).isEqualTo("CHAT");
        assertThat(FreshdeskTicket.channel("Email")).isEqualTo("EMAIL");
        assertThat(FreshdeskTicket.channel("Portal")).isEqualTo("WEB_FORM");
        assertThat(FreshdeskTicket.channel("Walk-in")).isEqualTo("IN_PERSON");
    }
}
