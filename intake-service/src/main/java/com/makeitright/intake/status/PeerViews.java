package com.makeitright.intake.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads a complaint's stored events from the intake instance that holds it ({@link PeerViewController}), as
 * length-prefixed stored entries, and a customer's open cases from each other instance's partitions. The caller's own bearer credential goes along; a request without one (a webhook,
 * a customer page) sends the configured peer key. A peer that no longer holds the complaint, is not ready or does
 * not answer in time fails the read as a rebalance does (retried, bounded, then 503).
 */
@Component
class PeerViews {

    static final String PATH = "/internal/status-view/";
    static final String OPEN_CASES_PATH = "/internal/open-cases";
    private static final Logger log = LoggerFactory.getLogger(PeerViews.class);

    private final ViewRoutingProperties routing;
    private final WebClient client = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    private final Counter forwarded;

    PeerViews(ViewRoutingProperties routing, MeterRegistry meters) {
        this.routing = routing;
        this.forwarded = Counter.builder("makeitright.intake.view.forwarded")
                .description("Status view reads answered by the intake instance that holds the complaint")
                .register(meters);
    }

    Mono<List<byte[]>> entries(HostInfo owner, String complaintId, Optional<String> credential) {
        return ask(owner, "complaint " + complaintId, credential, routing.timeout(),
                client.get().uri(uri(owner, PATH + complaintId))
                .accept(MediaType.APPLICATION_OCTET_STREAM), body -> body.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0]).map(PeerViews::split))
                .doOnSuccess(entries -> forwarded.increment());
    }

    /**
     * The open cases of a customer in the partitions {@code peer} holds ({@link PeerViewController#openCases}); no
     * answer within {@code wait} fails as a store that moves.
     */
    Mono<OpenCasesPart> openCases(HostInfo peer, String customerId, Optional<String> credential, Duration wait) {
        return ask(peer, "a customer's open cases", credential, wait, client.post().uri(uri(peer, OPEN_CASES_PATH))
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(new OpenCasesQuery(customerId)), body -> body.bodyToMono(OpenCasesPart.class));
    }

    private URI uri(HostInfo peer, String path) {
        return URI.create(routing.advertisedUrl().getScheme() + "://" + peer.host() + ":" + peer.port() + path);
    }

    /**
     * Sends the request with the caller's credential (or the peer key). A refusal (401/403) is a misconfiguration:
     * logged, and a 503 at once. Anything else not 2xx, or no answer within the timeout, is a store that moves
     * ({@link InvalidStateStoreException}): the caller asks again who holds what.
     * <p>
     * The wait is the HTTP client's response timeout, not a {@code timeout()} operator: that one cancels the exchange,
     * and a cancel while the response is being delivered (Spring Framework gh-37204) logged an error with its stack
     * trace ("Operator called default onErrorDropped": 142 in the scale-out drill's run M) and left the connection
     * unreleased. The operator stays as a backstop at twice the wait, for a body that stalls after its headers.
     */
    private <T> Mono<T> ask(HostInfo peer, String what, Optional<String> credential, Duration wait,
                            WebClient.RequestHeadersSpec<?> request,
                            Function<ClientResponse, Mono<T>> body) {
        String authorization = credential.orElseGet(() -> routing.peerKey() == null ? null
                : "Bearer " + routing.peerKey());
        return request
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .httpRequest(http -> http.<HttpClientRequest>getNativeRequest().responseTimeout(wait))
                .exchangeToMono(response -> {
                    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                    if (response.statusCode().is2xxSuccessful()) {
                        return body.apply(response);
                    }
                    if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
                        log.error("Intake at {} refused this instance's read of {} ({}): check "
                                + "makeitright.intake.routing.peer-key", peer, what, status);
                        return response.releaseBody().then(Mono.<T>error(new ViewUnavailable("The intake instance "
                                + "at " + peer + " refused the forwarded read of " + what + " (" + status + ")",
                                null)));
                    }
                    // 503: it is not ready, or no longer holds the partition; ask again who does
                    return response.releaseBody().then(Mono.<T>error(new InvalidStateStoreException("intake at "
                            + peer + " answered " + response.statusCode().value() + " for " + what)));
                })
                .timeout(wait.multipliedBy(2))
                .onErrorMap(e -> e instanceof WebClientRequestException || e instanceof TimeoutException,
                        e -> new InvalidStateStoreException("intake at " + peer + " did not answer: " + e));
    }

    /** The body of {@link PeerViewController}: each entry as a 4-byte length and its bytes. */
    static byte[] join(List<byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (byte[] entry : entries) {
                out.writeInt(entry.length);
                out.write(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<byte[]> split(byte[] body) {
        List<byte[]> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            while (in.available() > 0) {
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IllegalStateException("a peer's status view answer is cut short");
                }
                entries.add(in.readNBytes(length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
