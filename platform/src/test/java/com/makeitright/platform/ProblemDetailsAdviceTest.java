package com.makeitright.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice on a bare WebFlux handler (no Spring Boot context, no broker): every error leaves as
 * {@code application/problem+json}, and an invalid body names each bad field.
 */
class ProblemDetailsAdviceTest {

    record Order(@NotBlank String sku, @Positive int quantity) {
    }

    @RestController
    static class Orders {
        @PostMapping("/orders")
        Order accept(@Valid @RequestBody Order order) {
            return order;
        }
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http = WebTestClient.bindToController(new Orders())
            .controllerAdvice(new ProblemDetailsAdvice())
            .configureClient().responseTimeout(Duration.ofMinutes(1)) // a loaded machine's first request is slow
            .build();

    @Test
    @SuppressWarnings("unchecked")
    void anInvalidBodyNamesEveryBadFieldForPeopleAndForPrograms() {
        Map<String, Object> problem = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sku\":\" \",\"quantity\":0}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(problem).containsEntry("title", "Invalid request").containsEntry("status", 400)
                .containsEntry("detail", "Invalid request: quantity must be greater than 0; sku must not be blank");
        assertThat((List<Object>) problem.get("errors")).containsExactlyInAnyOrder(
                Map.of("field", "sku", "message", "must not be blank"),
                Map.of("field", "quantity", "message", "must be greater than 0"));
    }

    @Test
    void malformedJsonIsAProblemWithTheParsersFirstLine() {
        Map<String, Object> problem = http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sku\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(problem).containsEntry("title", "Malformed request").containsEntry("status", 400);
        assertThat((String) problem.get("detail")).startsWith("Malformed request: ").doesNotContain("\n");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndWhatItNeedsButNoClass() {
        assertThat(malformed("{\"sku\": {\"a\": 1}, \"quantity\": 1}"))
                .isEqualTo("Malformed request: field 'sku' must be text");
        assertThat(malformed("{\"sku\": \"CD\", \"quantity\": \"many\"}"))
                .isEqualTo("Malformed request: field 'quantity' must be a whole number");
        assertThat(malformed("[{\"sku\": \"CD\"}]")).startsWith("Malformed request: ")
                .doesNotContain("com.makeitright", "$", "Exception");
    }

    private String malformed(String body) {
        return (String) http.post().uri("/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody().get("detail");
    }

    @Test
    void otherErrorsAreProblemsToo() {
        http.post().uri("/orders").contentType(MediaType.TEXT_PLAIN).bodyValue("an order")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(415);
    }
}
