package com.makeitright.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no {@code @ExceptionHandler} answers still leaves as problem+json, on a real WebFlux application context:
 * a bug is a 500 that tells the client nothing of the code's insides.
 */
class ProblemFallbackTest {

    @RestController
    static class Broken {
        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret state of com.makeitright.Internal");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import({Broken.class, ProblemDetailsAdvice.class})
    static class App {
        @Bean
        ProblemFallback problemFallback() {
            return new ProblemFallback();
        }
    }

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(App.class);
    private final WebTestClient http = WebTestClient.bindToApplicationContext(context).configureClient()
            .responseTimeout(Duration.ofMinutes(1)).build();

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void anUnexpectedErrorIsA500ProblemWithoutTheExceptionOrItsStackTrace() {
        String body = http.get().uri("/broken").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"status\":500", "\"instance\":\"/broken\"", "\"title\":\"Internal Server Error\"")
                .doesNotContain("IllegalStateException", "secret", "com.makeitright", "\tat ");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        http.get().uri("/nowhere").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }
}
