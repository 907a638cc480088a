package com.makeitright.intake.publishing;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendAttemptTest {

    private final SendAttempt attempt = new SendAttempt();

    @Test
    void aSendGoingOnWhenItsWaitIsCutOffEndsWithTheBrokersAnswer() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        attempt.send(() -> answer);

        attempt.cutOff();
        assertThat(attempt.ended()).isNotDone();
        answer.complete("acknowledged");

        assertThat(attempt.ended()).isDone();
    }

    @Test
    void aWaitCutOffBeforeTheSendStartedEndsItAndTheSendNeverStarts() {
        AtomicBoolean sent = new AtomicBoolean();

        attempt.cutOff();

        assertThat(attempt.ended()).isDone();
        assertThatThrownBy(() -> attempt.send(() -> {
            sent.set(true);
            return new CompletableFuture<>();
        })).isInstanceOf(CancellationException.class);
        assertThat(sent).isFalse();
    }

    @Test
    void aWriteThatFailsEnds() {
        assertThatThrownBy(() -> attempt.run(() -> {
            throw new IllegalStateException("the commit failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(attempt.ended()).isDone();
    }
}
