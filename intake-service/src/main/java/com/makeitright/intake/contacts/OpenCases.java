package com.makeitright.intake.contacts;

import com.makeitright.events.ComplaintReceived;
import reactor.core.publisher.Mono;

import java.util.Optional;

/** Finds the open case of the same customer a new complaint is a repeat contact about ({@link ContactRule}). */
public interface OpenCases {

    Mono<Optional<OpenCaseMatch>> match(ComplaintReceived incoming);
}
