package com.makeitright.bench.baseline;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /actuator/health}, so the stack's health probe can wait for a baseline app as for a service. */
final class Health {

    private Health() {
    }

    static RouterFunction<ServerResponse> route() {
        return RouterFunctions.route().GET("/actuator/health", request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":\"UP\"}")).build();
    }
}
