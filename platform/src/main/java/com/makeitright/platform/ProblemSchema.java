package com.makeitright.platform;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.List;

/**
 * The RFC 9457 problem details {@link ProblemDetailsAdvice} writes, as an OpenAPI schema (no Java-side
 * "properties" wrapper): one home for every service's API document; a service adds the members only it sends.
 */
public final class ProblemSchema {

    private ProblemSchema() {
    }

    public static ObjectSchema problem() {
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
