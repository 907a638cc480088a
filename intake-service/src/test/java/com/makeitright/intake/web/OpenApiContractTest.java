package com.makeitright.intake.web;

import com.makeitright.intake.testing.SliceStubs;
import com.makeitright.platform.WebPlatformAutoConfiguration;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.yaml is what intake serves at /v3/api-docs.yaml: a change to a controller, a body or an annotation
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

    static final Path COMMITTED = Path.of(System.getProperty("basedir", ".")).resolve("../docs/openapi.yaml")
            .normalize();
    static final String REGENERATE = "./mvnw -pl intake-service test -Dtest=OpenApiContractTest -Dopenapi.write=true";

    @Autowired
    WebTestClient http;

    @Test
    void theCommittedContractIsWhatIntakeServes() throws IOException {
        String served = http.get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).contains("/api/complaints/{complaintId}/remedy-response").doesNotContain("/actuator");

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertThat(served)
                .as("%s differs from what intake serves at /v3/api-docs.yaml: run `%s` to regenerate it,"
                        + " then review the diff", COMMITTED, REGENERATE)
                .isEqualTo(committed);
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
