package com.makeitright.cli.mail;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link followed as a browser does, against a JDK HTTP server that serves intake's form (its markup: the hidden
 * token escaped as platform's {@code Placeholders} escapes it) and records what was posted.
 */
class AnswerPageTest {

    private HttpServer server;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private String page;
    private int pageStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/customer/answer", exchange -> {
            String body;
            int status;
            if ("POST".equals(exchange.getRequestMethod())) {
                posted.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                body = "<h1>Thank you, we have your answer</h1>";
                status = 200;
            } else {
                body = page;
                status = pageStatus;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/customer/answer?token=abc.def";
    }

    @Test
    void theFormIsSentWithItsHiddenFieldsUnescapedAndWhatTheCustomerFilledIn() throws Exception {
        page = """
                <form method="post" action="/customer/answer">
                  <input type="hidden" name="token" value="x&amp;y&quot;z">
                  <input type="hidden" name="currency" value="EUR">
                  <textarea name="comment"></textarea>
                </form>""";

        AnswerPage.Result result = new AnswerPage(Duration.ofSeconds(5)).follow(url(),
                Map.of("comment", "It skips on track 3 & 4"));

        assertThat(result.recorded()).isTrue();
        assertThat(result.body()).contains("Thank you");
        assertThat(posted).containsExactly("application/x-www-form-urlencoded "
                + "token=x%26y%22z&currency=EUR&comment=It+skips+on+track+3+%26+4");
    }

    @Test
    void aRefusedLinkIsReportedAndNothingIsPosted() throws Exception {
        page = "<h1>This question was already answered</h1>";
        pageStatus = 409;

        AnswerPage.Result result = new AnswerPage(Duration.ofSeconds(5)).follow(url(), Map.of("comment", "again"));

        assertThat(result.recorded()).isFalse();
        assertThat(result.pageStatus()).isEqualTo(409);
        assertThat(result.answerStatus()).isZero();
        assertThat(posted).isEmpty();
    }
}
