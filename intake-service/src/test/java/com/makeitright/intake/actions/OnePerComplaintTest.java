package com.makeitright.intake.actions;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** One request per complaint at a time, and a cancelled request neither lets the next one in early nor blocks it. */
class OnePerComplaintTest {

    private final OnePerComplaint queue = new OnePerComplaint();

    @Test
    void theNextRequestWaitsForTheWorkOfACancelledOneThenRuns() throws Exception {
        CompletableFuture<String> firstPublication = new CompletableFuture<>();
        AtomicBoolean secondStarted = new AtomicBoolean();

        Disposable first = queue.run("c-1", () -> Mono.fromFuture(firstPublication, true)).subscribe();
        first.dispose(); // the client disconnected
        Mono<String> second = queue.run("c-1", () -> Mono.fromSupplier(() -> {
            secondStarted.set(true);
            return "second";
        }));
        CompletableFuture<String> secondResult = second.toFuture();

        assertThat(secondStarted).isFalse();
        firstPublication.complete("first");
        assertThat(secondResult.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(secondStarted).isTrue();
        assertThat(queue.running()).isZero();
    }

    @Test
    void aFailedRequestLetsTheNextOneRun() {
        queue.run("c-2", () -> Mono.error(new IllegalStateException("refused"))).onErrorResume(e -> Mono.empty())
                .block(Duration.ofSeconds(30));

        assertThat(queue.run("c-2", () -> Mono.just("next")).block(Duration.ofSeconds(30))).isEqualTo("next");
        assertThat(queue.running()).isZero();
    }
}
