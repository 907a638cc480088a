package com.makeitright.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Realistic {@code POST /api/complaints} bodies of about 700 bytes (docs/http-api.md), from the template and the
 * descriptions in this module's resources. Many customers: the customer id varies with the request number; one
 * hot customer: every body names the same customer (the shared "guest" id of a web form).
 */
public final class ComplaintBodies {

    public static final String HOT_CUSTOMER = "C-BENCH-GUEST";

    private final String template;
    private final List<String> descriptions;
    private final boolean hotCustomer;
    private final String runTag;

    private ComplaintBodies(boolean hotCustomer, String runTag) {
        this.template = resource("/complaint-body.json").strip();
        this.descriptions = texts();
        this.hotCustomer = hotCustomer;
        this.runTag = runTag;
    }

    /** A different customer per request (in a range of 100,000 ids). */
    public static ComplaintBodies manyCustomers(String runTag) {
        return new ComplaintBodies(false, runTag);
    }

    public static ComplaintBodies oneCustomer(String runTag) {
        return new ComplaintBodies(true, runTag);
    }

    /** The descriptions the bodies use: also the text the triage benchmark classifies. */
    public static List<String> texts() {
        return resource("/complaint-descriptions.txt").lines().map(String::strip).filter(line -> !line.isEmpty())
                .toList();
    }

    public byte[] body(long request) {
        String customer = hotCustomer ? HOT_CUSTOMER
                : String.format(Locale.ROOT, "C-BENCH-%05d", request % 100_000);
        return template.replace("{{customerId}}", customer)
                .replace("{{orderId}}", String.format(Locale.ROOT, "O-%s-%08d", runTag, request))
                .replace("{{description}}", descriptions.get((int) (request % descriptions.size())))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = ComplaintBodies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
