package com.makeitright.intake.web;

import com.makeitright.intake.common.Refusal;
import com.makeitright.platform.ProblemSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;

/**
 * The frame of intake's OpenAPI document: title, a relative server (the generated file must not depend on the host
 * that served it) and the RFC 9457 problem every error answer carries. The operations are described on the
 * controllers; the constants below keep their problem answers' wording in one place.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM = "#/components/schemas/Problem";

    public static final String BAD_REQUEST = "Invalid or malformed request: `errors` names each bad field. Nothing was"
            + " published.";
    public static final String UNKNOWN = "Unknown complaint. Nothing was published.";
    public static final String CONFLICT = "Not possible in the complaint's current state (`reason` says which rule"
            + " refused it). Nothing was published.";
    public static final String UNAVAILABLE = "Not published (the broker did not acknowledge in time), the status"
            + " view is not ready, or the request is still being taken in after `answer-wait` (10 s: with an"
            + " Idempotency-Key its work goes on, without one nothing was published); `Retry-After` says when to"
            + " retry, with the same Idempotency-Key.";

    public static final String BAD_REQUEST_EXAMPLE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "Invalid request: customer.email must be a valid e-mail address",
             "instance": "/api/complaints",
             "errors": [{"field": "customer.email", "message": "must be a valid e-mail address"}]}""";

    @Bean
    OpenAPI intakeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Make It Right: intake-service").version("1")
                        .description("The HTTP front door: complaints in, the customer's, supervisor's, agent's and"
                                + " follow-up worker's answers, and each complaint's status view. Every write is"
                                + " answered 202 once Kafka acknowledged its event; every error is"
                                + " application/problem+json and publishes nothing. See docs/http-api.md.")
                        .license(new License().name("see the repository")))
                .servers(List.of(new Server().url("/").description("this intake instance")))
                .components(new Components().addSchemas("Problem", problem()));
    }

    private static Schema<?> problem() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().description("the field's JSON path"));
        fieldError.addProperty("message", new StringSchema().description("what it needs"));
        ObjectSchema problem = ProblemSchema.problem();
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("400 only: each bad field"));
        StringSchema reason = new StringSchema();
        reason.setEnum(Arrays.stream(Refusal.Reason.values()).map(Enum::name).toList());
        problem.addProperty("reason", reason.description("409 only: the rule that refused the request"));
        return problem;
    }
}
