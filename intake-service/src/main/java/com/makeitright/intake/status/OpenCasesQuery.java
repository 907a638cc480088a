package com.makeitright.intake.status;

/** The body of {@code POST /internal/open-cases}: in the body, not the path, so no access log holds the id. */
record OpenCasesQuery(String customerId) {
}
