package com.makeitright.intake.web;

import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.WebPlatformAutoConfiguration;
import com.makeitright.testing.CommittedContract;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webflux.core.configuration.SpringDocWebFluxConfiguration;
import org.springdoc.webflux.ui.SwaggerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi/intake.yaml is what intake serves at /v3/api-docs.yaml: a change to a controller, a body or an annotation
 * that changes the contract fails here until the file is regenerated and reviewed with it. The context is the one
 * of IntakeFuzzTest (every controller and advice, intake's services, Kafka replaced by stubs) plus springdoc.
 * Regenerate: {@code ./mvnw -pl intake-service test -Dtest=OpenApiContractTest -Dopenapi.write=true}.
 */
@WebFluxTest
@ComponentScan(basePackages = "com.makeitright.intake", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(org.springframework.stereotype.Service.class))
@Import({WebPlatformAutoConfiguration.class, SliceStubs.class, ApiDocs.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebFluxConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
        SwaggerUiOAuthProperties.class})
class OpenApiContractTest {

    static final String REGENERATE = "./mvnw -pl intake-service test -Dtest=OpenApiContractTest -Dopenapi.write=true";

    @Autowired
    WebTestClient http;

    @Test
    void theCommittedContractIsWhatIntakeServes() {
        // springdoc builds the document on the first request: slow on a busy machine, so more than the default 5 s
        String served = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).contains("/api/complaints/{complaintId}/remedy-response").doesNotContain("/actuator");
        CommittedContract.assertMatches(served, CommittedContract.inRepository("docs/openapi/intake.yaml"), REGENERATE);
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
