package com.makeitright.followup.insights;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The frame of followup's OpenAPI document; a relative server so the generated file does not depend on the host. */
@Configuration(proxyBeanMethods = false)
class InsightsApiDocs {

    @Bean
    OpenAPI followupOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Make It Right: followup-service").version("1")
                        .description("The ops dashboard's data, read from followup's state stores (single instance)."
                                + " See docs/http-api.md."))
                .servers(List.of(new Server().url("/").description("this followup instance")))
                .components(new Components().addSchemas("Problem", problem()));
    }

    /** RFC 9457 problem details, as ProblemDetailsAdvice writes them (no Java-side "properties" wrapper). */
    static Schema<?> problem() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").example("about:blank"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("what went wrong, for people"));
        problem.addProperty("instance", new StringSchema().format("uri").description("the request's path"));
        problem.required(List.of("title", "status"));
        return problem;
    }
}
