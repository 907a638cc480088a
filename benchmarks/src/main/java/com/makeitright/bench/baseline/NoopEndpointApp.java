package com.makeitright.bench.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Baseline (a): the framework's ceiling. A WebFlux app on intake's stack that reads the POST body and answers
 * {@code 202} without looking at it. Started by the bench as its own JVM with the services' JVM settings.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class NoopEndpointApp {

    public static void main(String[] args) {
        SpringApplication.run(NoopEndpointApp.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/api/complaints", request -> request.bodyToFlux(DataBuffer.class)
                        .map(DataBufferUtils::release).then(ServerResponse.accepted().build()))
                .add(Health.route())
                .build();
    }
}
