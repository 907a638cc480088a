package com.makeitright.cli.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The processes of the local stack, in start order: the broker, the SMTP server that keeps what it receives (GreenMail
 * standalone, its own JVM), and the Spring Boot services (the four of the contract and the follow-up worker).
 */
public enum Component {

    KAFKA("kafka", null, 9092, "KAFKA_PORT"),
    MAIL("mail", null, 2525, "SMTP_PORT"),
    INTAKE("intake", "intake-service", 8080, "INTAKE_PORT"),
    TRIAGE("triage", "triage-service", 8081, "TRIAGE_PORT"),
    REMEDY("remedy", "remedy-service", 8082, "REMEDY_PORT"),
    FOLLOWUP("followup", "followup-service", 8083, "FOLLOWUP_PORT"),
    WORKER("worker", "followup-worker", 8084, "WORKER_PORT");

    /** The services started from their Spring Boot jars, in the order they are started. */
    public static final List<Component> SERVICES = List.of(INTAKE, TRIAGE, REMEDY, FOLLOWUP, WORKER);

    private final String shortName;
    private final String module;
    private final int defaultPort;
    private final String portVariable;

    Component(String shortName, String module, int defaultPort, String portVariable) {
        this.shortName = shortName;
        this.module = module;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }

    /** {@code intake}, {@code kafka}: the name commands accept and files are named after. */
    public String shortName() {
        return shortName;
    }

    /** The Maven module of a service ({@code intake-service}); the broker and the mail server have none. */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    public boolean isService() {
        return module != null;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable that sets this component's port. */
    public String portVariable() {
        return portVariable;
    }

    /** The service's executable jar, e.g. {@code intake-service/target/intake-service.jar}. */
    public Path jar(Path projectDir) {
        if (module == null) {
            throw new IllegalStateException(shortName + " is not a service: it has no jar of its own module");
        }
        return projectDir.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** Accepts the short name ({@code intake}) or the module name ({@code intake-service}), any case. */
    public static Component parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Component component : values()) {
            if (component.shortName.equals(wanted) || wanted.equals(component.module)
                    || ("kafka".equals(component.shortName) && "broker".equals(wanted))
                    || ("mail".equals(component.shortName) && ("smtp".equals(wanted) || "greenmail".equals(wanted)))) {
                return component;
            }
        }
        throw new IllegalArgumentException("Unknown process '" + name + "'. Valid: "
                + Arrays.stream(values()).map(Component::shortName).collect(Collectors.joining(", ")));
    }
}
