package com.makeitright.followup.insights;

import com.makeitright.followup.prevention.PreventionQueries;
import com.makeitright.followup.schedule.FollowUpQueries;
import com.makeitright.platform.instances.Instances;
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
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

/**
 * docs/openapi/followup.yaml is what followup serves at /v3/api-docs.yaml. The queries are stand-ins: generating the
 * document never calls them. Regenerate: {@value #REGENERATE}.
 */
@WebFluxTest(InsightsController.class)
@Import({ProblemDetailsAdvice.class, InsightsControllerTest.FixedClock.class, InsightsApiDocs.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebFluxConfiguration.class})
class OpenApiContractTest {

    static final String REGENERATE = "./mvnw -pl followup-service test -Dtest=OpenApiContractTest -Dopenapi.write=true";

    @Autowired
    WebTestClient http;
    @MockitoBean
    FollowUpQueries followUps;
    @MockitoBean
    PreventionQueries prevention;
    @MockitoBean
    Instances instances;

    @Test
    void theCommittedContractIsWhatFollowupServes() {
        // springdoc builds the document on the first request: slow on a busy machine, so more than the default 5 s
        String served = http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        CommittedContract.assertMatches(served, CommittedContract.inRepository("docs/openapi/followup.yaml"), REGENERATE);
    }
}
