package com.makeitright.intake.status;

import com.makeitright.contract.Topic;
import reactor.core.publisher.Mono;

/**
 * Waits until the status view has folded every record that one partition of a topic held when asked: afterwards
 * the view answers for that partition as the broker would. What a publication whose outcome is unknown (a timeout:
 * the broker may have appended the event without the acknowledgement arriving) needs before its retry may decide
 * whether to publish again.
 */
public interface ViewCatchUp {

    /**
     * Completes once the view's stream has committed past the partition's last stable offset as of this call; fails
     * with {@link ViewUnavailable} when it does not within {@code makeitright.intake.ready-wait}.
     *
     * @param recordKey the record key the event was published with (it names the partition)
     */
    Mono<Void> caughtUpWith(Topic<?> topic, String recordKey);
}
