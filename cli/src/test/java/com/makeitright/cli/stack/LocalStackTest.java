package com.makeitright.cli.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackTest {

    @TempDir
    Path project;

    private StackConfig.Builder freePorts() {
        StackConfig.Builder builder = StackConfig.builder(project).runDir(project.resolve(".run"))
                .controllerPort(Ports.freePort()).mailApiPort(Ports.freePort());
        for (Component component : Component.values()) {
            builder.port(component, Ports.freePort());
        }
        return builder;
    }

    private void serviceJars() throws IOException {
        for (Component service : Component.SERVICES) {
            Files.createDirectories(service.jar(project).getParent());
            Files.writeString(service.jar(project), "not really a jar");
        }
        Path mailServer = freePorts().build().mailServerJar();
        Files.createDirectories(mailServer.getParent());
        Files.writeString(mailServer, "not really a jar either");
    }

    @Test
    void refusesAndStartsNothingWhenAServicePortIsTaken() throws IOException {
        serviceJars();
        try (ServerSocket taken = new ServerSocket(0)) {
            StackConfig config = freePorts().port(Component.REMEDY, taken.getLocalPort()).build();
            List<String> progress = new ArrayList<>();

            assertThatThrownBy(() -> new LocalStack(config).up(progress::add))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("Not starting anything")
                    .hasMessageContaining("port " + taken.getLocalPort() + " (remedy) is already in use")
                    .hasMessageContaining("--remedy-port or REMEDY_PORT");
            assertThat(progress).isEmpty();
            assertThat(config.runDir()).doesNotExist();
            for (Component component : Component.values()) {
                assertThat(new LocalStack(config).process(component).running()).isEmpty();
            }
        }
    }

    @Test
    void reportsEveryTakenPortAtOnceIncludingTheControllers() throws IOException {
        serviceJars();
        try (ServerSocket kafka = new ServerSocket(0); ServerSocket controller = new ServerSocket(0);
             ServerSocket intake = new ServerSocket(0)) {
            StackConfig config = freePorts().port(Component.KAFKA, kafka.getLocalPort())
                    .controllerPort(controller.getLocalPort()).port(Component.INTAKE, intake.getLocalPort()).build();

            List<String> problems = new LocalStack(config).problemsBeforeStarting(config.components());

            assertThat(problems).hasSize(3);
            assertThat(String.join("\n", problems)).contains("(kafka)", "(kafka controller)", "(intake)",
                    "KAFKA_CONTROLLER_PORT");
        }
    }

    @Test
    void theMailServerAndTheWorkerArePartOfTheStackAndTheirPortsAreChecked() throws IOException {
        serviceJars();
        try (ServerSocket smtp = new ServerSocket(0); ServerSocket api = new ServerSocket(0);
             ServerSocket worker = new ServerSocket(0)) {
            StackConfig config = freePorts().port(Component.MAIL, smtp.getLocalPort()).mailApiPort(api.getLocalPort())
                    .port(Component.WORKER, worker.getLocalPort()).build();

            List<String> problems = new LocalStack(config).problemsBeforeStarting(config.components());

            assertThat(config.components()).containsSubsequence(Component.KAFKA, Component.MAIL, Component.INTAKE,
                    Component.WORKER);
            assertThat(String.join("\n", problems)).contains("(mail)", "--smtp-port or SMTP_PORT",
                    "(mail REST API)", "--mail-api-port or MAIL_API_PORT", "(worker)", "--worker-port or WORKER_PORT");
        }
    }

    @Test
    void refusesWhenTheMailServersJarIsMissing() throws IOException {
        serviceJars();
        StackConfig config = freePorts().build();
        Files.delete(config.mailServerJar());

        assertThat(new LocalStack(config).problemsBeforeStarting(config.components()))
                .containsExactly("mail: cli/target/greenmail/greenmail-standalone.jar is missing (build it:"
                        + " ./mvnw -q -B package -DskipTests)");
    }

    @Test
    void refusesWhenAServiceJarIsMissing() {
        StackConfig config = freePorts().build();

        assertThatThrownBy(() -> new LocalStack(config).up(line -> { }))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("intake-service/target/intake-service.jar is missing")
                .hasMessageContaining("./mvnw -q -B package -DskipTests");
        assertThat(config.runDir()).doesNotExist();
    }

    @Test
    void anExternalBrokerNeedsNoKafkaPorts() throws IOException {
        serviceJars();
        try (ServerSocket kafka = new ServerSocket(0)) {
            StackConfig config = freePorts().port(Component.KAFKA, kafka.getLocalPort())
                    .externalBootstrap("broker.example:9092").build();

            assertThat(config.components()).doesNotContain(Component.KAFKA);
            assertThat(new LocalStack(config).problemsBeforeStarting(config.components())).isEmpty();
        }
    }

    @Test
    void nothingToStopIsFine() {
        StackConfig config = freePorts().build();

        assertThat(new LocalStack(config).down()).isEmpty();
        assertThat(new LocalStack(config).status()).allMatch(s -> s.health() == ProcessStatus.Health.STOPPED);
    }

    @Test
    void awaitsEveryServiceAtOnceAndReportsEachWhenItIsReady() {
        CountDownLatch fastReported = new CountDownLatch(1);
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        // "slow" is first in the list but can only finish once "fast" was reported: waiting one after the other
        // would never get there.
        LocalStack.awaitAll(List.of("slow", "fast"), item -> {
            if (item.equals("slow")) {
                awaitQuietly(fastReported);
            }
        }, item -> {
            reported.add(item);
            if (item.equals("fast")) {
                fastReported.countDown();
            }
        });

        assertThat(reported).containsExactly("fast", "slow");
    }

    @Test
    void theFirstFailureEndsTheWaitWithoutWaitingForTheOthers() {
        CountDownLatch never = new CountDownLatch(1);
        List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> LocalStack.awaitAll(List.of("hangs", "ok", "dies"), item -> {
            switch (item) {
                case "hangs" -> awaitQuietly(never);
                case "dies" -> throw new StackException("dies exited before it became healthy");
                default -> { }
            }
        }, reported::add)).isInstanceOf(StackException.class).hasMessage("dies exited before it became healthy");
        assertThat(reported).doesNotContain("hangs", "dies");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("latch never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
