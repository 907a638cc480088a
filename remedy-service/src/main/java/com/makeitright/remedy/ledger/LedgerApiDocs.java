package com.makeitright.remedy.ledger;

import com.makeitright.platform.ProblemSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The frame of remedy's OpenAPI document; a relative server so the generated file does not depend on the host. */
@Configuration(proxyBeanMethods = false)
class LedgerApiDocs {

    @Bean
    OpenAPI remedyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Make It Right: remedy-service").version("1")
                        .description("The compensation ledger. See docs/http-api.md."))
                .servers(List.of(new Server().url("/").description("this remedy instance")))
                .components(new Components().addSchemas("Problem", ProblemSchema.problem()));
    }
}
