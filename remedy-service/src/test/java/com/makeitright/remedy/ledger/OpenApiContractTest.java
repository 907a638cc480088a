package com.makeitright.remedy.ledger;

import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.testing.CommittedContract;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webflux.core.configuration.SpringDocWebFluxConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * docs/openapi/remedy.yaml is what remedy serves at /v3/api-docs.yaml (the slice of LedgerControllerTest plus
 * springdoc). Regenerate: {@value #REGENERATE}.
 */
@WebFluxTest(LedgerController.class)
@Import({ProblemDetailsAdvice.class, LedgerControllerTest.Fixed.class, LedgerApiDocs.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebFluxConfiguration.class})
class OpenApiContractTest {

    static final String REGENERATE = "./mvnw -pl remedy-service test -Dtest=OpenApiContractTest -Dopenapi.write=true";

    @Autowired
    WebTestClient http;

    @Test
    void theCommittedContractIsWhatRemedyServes() {
        // springdoc builds the document on the first request: slow on a busy machine, so more than the default 5 s
        String served = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        CommittedContract.assertMatches(served, CommittedContract.inRepository("docs/openapi/remedy.yaml"), REGENERATE);
    }
}
