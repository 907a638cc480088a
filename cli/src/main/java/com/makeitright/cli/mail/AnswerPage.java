package com.makeitright.cli.mail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Follows an answer link as a customer's browser does: {@code GET} the page intake serves for it, then submit its
 * form ({@code POST}, form-encoded) with the page's hidden fields (the token, the currency) and what the customer
 * filled in (a comment, a counter-proposal). Nothing but the page's own form is used, so what is tested or simulated
 * is the path a person takes.
 */
public final class AnswerPage {

    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    /**
     * What happened: {@code pageStatus} of the {@code GET} (200 when the link was good), {@code answerStatus} of the
     * {@code POST} (200 when the answer was recorded; 0 when there was no form to submit), and the last page's HTML.
     */
    public record Result(int pageStatus, int answerStatus, String body) {
        public boolean recorded() {
            return pageStatus == 200 && answerStatus == 200;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    public AnswerPage(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Opens {@code url} and, when it shows a form, submits it with {@code fields} over the hidden ones. */
    public Result follow(String url, Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            return new Result(page.statusCode(), 0, page.body());
        }
        Map<String, String> form = new LinkedHashMap<>(hiddenFields(page.body()));
        form.putAll(fields);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url).resolve(
                        htmlUnescape(action.group(1)))).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        return new Result(page.statusCode(), answer.statusCode(), answer.body());
    }

    /** The hidden inputs of a page's form, their values unescaped. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(hidden.group(1), htmlUnescape(hidden.group(2)));
        }
        return fields;
    }

    /** The escapes platform's {@code Placeholders} writes (and only those): {@code &amp;} last. */
    static String htmlUnescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
