package com.makeitright.followup.insights;

import com.makeitright.platform.ProblemSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
                        .description("The ops dashboard's data, read from the state stores of every followup instance."
                                + " See docs/http-api.md."))
                .servers(List.of(new Server().url("/").description("this followup instance")))
                .components(new Components().addSchemas("Problem", ProblemSchema.problem()));
    }
}
