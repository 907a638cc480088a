package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.StackConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stack lives and which ports it uses. Each flag overrides its environment variable, which
 * overrides what the last {@code up} saved, which overrides the default.
 */
final class StackOptions {

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "Pid files, logs, broker data and service state (env COMPLAINTS_RUN_DIR; default .run/)")
    Path runDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Broker port (env KAFKA_PORT; default 9092)")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT",
            description = "Broker's KRaft controller port (env KAFKA_CONTROLLER_PORT; default 9093)")
    Integer controllerPort;

    @Option(names = "--intake-port", paramLabel = "PORT", description = "(env INTAKE_PORT; default 8080)")
    Integer intakePort;

    @Option(names = "--triage-port", paramLabel = "PORT", description = "(env TRIAGE_PORT; default 8081)")
    Integer triagePort;

    @Option(names = "--remedy-port", paramLabel = "PORT", description = "(env REMEDY_PORT; default 8082)")
    Integer remedyPort;

    @Option(names = "--followup-port", paramLabel = "PORT", description = "(env FOLLOWUP_PORT; default 8083)")
    Integer followupPort;

    @Option(names = "--worker-port", paramLabel = "PORT",
            description = "The follow-up worker (env WORKER_PORT; default 8084)")
    Integer workerPort;

    @Option(names = "--smtp-port", paramLabel = "PORT",
            description = "The local mail server's SMTP port (env SMTP_PORT; default 2525)")
    Integer smtpPort;

    @Option(names = "--mail-api-port", paramLabel = "PORT",
            description = "The local mail server's REST API (env MAIL_API_PORT; default 8025)")
    Integer mailApiPort;

    @Option(names = "--instances", paramLabel = "N",
            description = "Instances of each service, one consumer group per service; instance n listens on the first"
                    + " one's port + 100 × (n - 1) (env COMPLAINTS_INSTANCES; default 1, at most 9)")
    Integer instances;

    @Option(names = "--brokers", paramLabel = "N",
            description = "Kafka nodes: 1, or 3 for a KRaft cluster (kafka, kafka-2, kafka-3 on the first one's ports"
                    + " + 100 × (n - 1)) with replication factor 3 and min.insync.replicas 2 for every topic"
                    + " (env COMPLAINTS_BROKERS; default 1)")
    Integer brokers;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            description = "Use this Kafka instead of starting one (env KAFKA_BOOTSTRAP_SERVERS)")
    String bootstrapServers;

    StackConfig config() {
        return config(System.getenv());
    }

    StackConfig config(Map<String, String> env) {
        StackConfig.Builder builder = StackConfig.fromEnvironment(ComplaintsCommand.projectDir(), env);
        if (runDir != null) {
            builder = StackConfig.fromEnvironment(ComplaintsCommand.projectDir(),
                    with(env, StackConfig.RUN_DIR_VARIABLE, runDir.toAbsolutePath().toString()));
        }
        port(builder, Component.KAFKA, kafkaPort);
        port(builder, Component.INTAKE, intakePort);
        port(builder, Component.TRIAGE, triagePort);
        port(builder, Component.REMEDY, remedyPort);
        port(builder, Component.FOLLOWUP, followupPort);
        port(builder, Component.WORKER, workerPort);
        port(builder, Component.MAIL, smtpPort);
        if (mailApiPort != null) {
            builder.mailApiPort(mailApiPort);
        }
        if (controllerPort != null) {
            builder.controllerPort(controllerPort);
        }
        if (bootstrapServers != null) {
            builder.externalBootstrap(bootstrapServers);
        }
        if (instances != null) {
            builder.instances(instances);
        }
        if (brokers != null) {
            builder.brokers(brokers);
        }
        return builder.build();
    }

    LocalStack stack() {
        return new LocalStack(config());
    }

    private static void port(StackConfig.Builder builder, Component component, Integer port) {
        if (port != null) {
            builder.port(component, port);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(env);
        copy.put(name, value);
        return copy;
    }
}
