package com.makeitright.worker.writeback;

import com.makeitright.worker.outbound.DeliverySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Write-back to the helpdesks complaints came from ({@code makeitright.writeback.*}), validated at start-up. A helpdesk
 * is written to only when its base URL is set, and then its credential must be too. Documented in
 * docs/follow-up-worker.md.
 *
 * @param zammad    Zammad: base URL and API token ({@code Authorization: Token token=...})
 * @param zendesk   Zendesk: base URL, the agent's e-mail and an API token (Basic {@code email/token:TOKEN})
 * @param freshdesk Freshdesk: base URL and API key (Basic {@code APIKEY:X})
 * @param delivery  retries and timeouts of one note, the same for every helpdesk
 */
@Validated
@ConfigurationProperties("makeitright.writeback")
record WritebackProperties(
        @NotNull @DefaultValue Zammad zammad,
        @NotNull @DefaultValue Zendesk zendesk,
        @NotNull @DefaultValue Freshdesk freshdesk,
        @NotNull @Valid @DefaultValue DeliverySettings delivery) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s?#]+");

    WritebackProperties {
        List<String> problems = new ArrayList<>();
        check(problems, "zammad", zammad.baseUrl(), zammad.token());
        check(problems, "zendesk", zendesk.baseUrl(), zendesk.email(), zendesk.token());
        check(problems, "freshdesk", freshdesk.baseUrl(), freshdesk.apiKey());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Never prints a credential: only which one is missing. */
    private static void check(List<String> problems, String helpdesk, String baseUrl, String... credentials) {
        boolean anyCredential = false;
        boolean allCredentials = true;
        for (String credential : credentials) {
            anyCredential |= set(credential);
            allCredentials &= set(credential);
        }
        if (!set(baseUrl)) {
            if (anyCredential) {
                problems.add("makeitright.writeback." + helpdesk + ": a credential without base-url");
            }
            return;
        }
        if (!URL.matcher(baseUrl).matches()) {
            problems.add("makeitright.writeback." + helpdesk + ".base-url: must be an http(s) URL without query");
        }
        if (!allCredentials) {
            problems.add("makeitright.writeback." + helpdesk + ": base-url is set but its credential is not");
        }
    }

    static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** The helpdesks to write to: those with a base URL. */
    List<HelpdeskApi> enabled() {
        List<HelpdeskApi> apis = new ArrayList<>();
        if (set(zammad.baseUrl())) {
            apis.add(new ZammadApi(zammad));
        }
        if (set(zendesk.baseUrl())) {
            apis.add(new ZendeskApi(zendesk));
        }
        if (set(freshdesk.baseUrl())) {
            apis.add(new FreshdeskApi(freshdesk));
        }
        return apis;
    }

    /**
     * @param baseUrl e.g. {@code https://helpdesk.example.com}; empty: no write-back to Zammad
     * @param token   an API token with {@code ticket.agent} permission
     */
    record Zammad(String baseUrl, String token) {
        @Override
        public String toString() { // never the token in a log or an error message
            return "Zammad[baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * @param baseUrl e.g. {@code https://example.zendesk.com}; empty: no write-back to Zendesk
     * @param email   the agent the notes are posted as
     * @param token   that agent's API token
     */
    record Zendesk(String baseUrl, String email, String token) {
        @Override
        public String toString() {
            return "Zendesk[baseUrl=" + baseUrl + ", email=" + email + "]";
        }
    }

    /**
     * @param baseUrl e.g. {@code https://example.freshdesk.com}; empty: no write-back to Freshdesk
     * @param apiKey  an agent's API key
     */
    record Freshdesk(String baseUrl, String apiKey) {
        @Override
        public String toString() {
            return "Freshdesk[baseUrl=" + baseUrl + "]";
        }
    }
}
