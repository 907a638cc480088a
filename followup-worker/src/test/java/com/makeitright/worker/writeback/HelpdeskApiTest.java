package com.makeitright.worker.writeback;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each vendor's request for one note: method, URL, auth and body as its API documents them; settings checked. */
class HelpdeskApiTest {

    static final HelpdeskNote NOTE = new HelpdeskNote(null, "42", "c-1", 1, "e-1", HelpdeskNote.Kind.OFFER,
            "We refund <all> & more.\nRef e-1", Instant.parse("2026-12-06T04:30:00Z"));

    static String body(HttpRequest request) {
        List<ByteBuffer> parts = new ArrayList<>();
        request.bodyPublisher().orElseThrow().subscribe(new Flow.Subscriber<>() {
            public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
            public void onNext(ByteBuffer item) { parts.add(item); }
            public void onError(Throwable t) { throw new IllegalStateException(t); }
            public void onComplete() { }
        });
        StringBuilder out = new StringBuilder();
        parts.forEach(part -> out.append(StandardCharsets.UTF_8.decode(part)));
        return out.toString();
    }

    static JsonNode json(HttpRequest request) {
        return JsonMapper.builder().build().readTree(body(request));
    }

    static HelpdeskNote on(String system) {
        return NOTE.on(new HelpdeskTicket(system, "42", NOTE.at(), List.of()));
    }

    @Test
    void zammadPostsAnInternalPlainTextNoteArticleWithItsToken() {
        HttpRequest request = new ZammadApi(new WritebackProperties.Zammad("https://zammad.test/", "tok"))
                .request(on("zammad"), Duration.ofSeconds(3));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().toString()).isEqualTo("https://zammad.test/api/v1/ticket_articles");
        assertThat(request.headers().firstValue("Authorization")).contains("Token token=tok");
        assertThat(request.headers().firstValue("X-MakeItRight-Delivery")).contains("zammad:e-1");
        assertThat(request.timeout()).contains(Duration.ofSeconds(3));
        JsonNode article = json(request);
        assertThat(article.get("ticket_id").isNumber()).isTrue();
        assertThat(article.get("ticket_id").asLong()).isEqualTo(42);
        assertThat(article.get("body").asString()).isEqualTo(NOTE.text());
        assertThat(article.get("content_type").asString()).isEqualTo("text/plain");
        assertThat(article.get("type").asString()).isEqualTo("note");
        assertThat(article.get("internal").asBoolean()).isTrue();
    }

    @Test
    void zendeskUpdatesTheTicketWithAPrivateCommentAsTheAgentWithAnApiToken() {
        HttpRequest request = new ZendeskApi(new WritebackProperties.Zendesk("https://shop.zendesk.test",
                "agent@shop.test", "tok")).request(on("zendesk"), Duration.ofSeconds(3));
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.uri().toString()).isEqualTo("https://shop.zendesk.test/api/v2/tickets/42.json");
        assertThat(request.headers().firstValue("Authorization")).contains("Basic " + Base64.getEncoder()
                .encodeToString("agent@shop.test/token:tok".getBytes(StandardCharsets.UTF_8)));
        JsonNode comment = json(request).at("/ticket/comment");
        assertThat(comment.get("body").asString()).isEqualTo(NOTE.text());
        assertThat(comment.get("public").asBoolean(true)).isFalse();
    }

    @Test
    void freshdeskPostsAPrivateHtmlNoteWithTheApiKey() {
        HttpRequest request = new FreshdeskApi(new WritebackProperties.Freshdesk("https://shop.freshdesk.test",
                "key")).request(on("freshdesk"), Duration.ofSeconds(3));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().toString()).isEqualTo("https://shop.freshdesk.test/api/v2/tickets/42/notes");
        assertThat(request.headers().firstValue("Authorization")).contains("Basic " + Base64.getEncoder()
                .encodeToString("key:X".getBytes(StandardCharsets.UTF_8)));
        JsonNode note = json(request);
        assertThat(note.get("body").asString()).isEqualTo("We refund &lt;all&gt; &amp; more.<br>\nRef e-1");
        assertThat(note.get("private").asBoolean()).isTrue();
    }

    @Test
    void onlyPlainTicketIdsGoIntoAPath() {
        assertThat(HelpdeskApi.TICKET_ID.matcher("81").matches()).isTrue();
        assertThat(HelpdeskApi.TICKET_ID.matcher("../users/1").matches()).isFalse();
        assertThat(HelpdeskApi.TICKET_ID.matcher("7?x=1").matches()).isFalse();
    }

    @Test
    void aHelpdeskIsEnabledByItsBaseUrlAndThenNeedsItsCredentialWhichIsNeverPrinted() {
        WritebackProperties.Zammad none = new WritebackProperties.Zammad(null, null);
        WritebackProperties.Zendesk noZendesk = new WritebackProperties.Zendesk("", "", "");
        WritebackProperties.Freshdesk noFreshdesk = new WritebackProperties.Freshdesk(null, null);
        assertThat(new WritebackProperties(none, noZendesk, noFreshdesk, null).enabled()).isEmpty();

        WritebackProperties.Zendesk zendesk = new WritebackProperties.Zendesk("https://z.test", "a@b.test", "secret-tok");
        assertThat(new WritebackProperties(none, zendesk, noFreshdesk, null).enabled())
                .singleElement().extracting(HelpdeskApi::system).isEqualTo("zendesk");
        assertThat(zendesk.toString()).doesNotContain("secret-tok");

        assertThatThrownBy(() -> new WritebackProperties(new WritebackProperties.Zammad("https://z.test", ""),
                noZendesk, new WritebackProperties.Freshdesk(null, "orphan-key"), null))
                .hasMessageContaining("makeitright.writeback.zammad: base-url is set but its credential is not")
                .hasMessageContaining("makeitright.writeback.freshdesk: a credential without base-url")
                .hasMessageNotContaining("orphan-key");
    }
}
