package com.makeitright.cli.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances as real processes (a shell standing in for each service's JVM, found through its pid file as a later CLI
 * call finds it): {@code status} lists every configured instance, and {@code down} stops every running instance,
 * also one an earlier {@code up --instances 3} left beyond today's count.
 */
class InstancesIT {

    @TempDir
    Path project;

    private LocalStack stack;

    @AfterEach
    void stopAll() {
        if (stack != null) {
            stack.stopAll();
        }
    }

    @Test
    void statusShowsEveryInstanceAndDownStopsThemAll() {
        StackConfig config = StackConfig.builder(project).instances(2).port(Component.INTAKE, Ports.freePort())
                .port(Component.WORKER, Ports.freePort()).build();
        stack = new LocalStack(config, Map.of());
        Instance intake2 = new Instance(Component.INTAKE, 2);
        Instance worker3 = new Instance(Component.WORKER, 3);
        long intakePid = sleeper(intake2);
        long workerPid = sleeper(worker3);

        ProcessStatus intake2Status = new LocalStack(config, Map.of()).status().stream()
                .filter(row -> row.instance().equals(intake2)).findFirst().orElseThrow();
        assertThat(new LocalStack(config, Map.of()).status()).extracting(row -> row.instance().name())
                .contains("intake", "intake-2", "worker", "worker-2").doesNotContain("worker-3");
        assertThat(intake2Status.pid()).hasValue(intakePid);
        assertThat(intake2Status.port()).isEqualTo(config.port(Component.INTAKE) + Instance.PORT_STEP);
        assertThat(intake2Status.health()).as("runs, nothing answers on its port").isEqualTo(ProcessStatus.Health.NO_ANSWER);
        assertThat(new LocalStack(config, Map.of()).process(worker3).pid()).hasValue(workerPid);

        List<Instance> stopped = new LocalStack(config, Map.of()).stopAll();

        assertThat(stopped).containsExactly(intake2, worker3);
        assertThat(ProcessHandle.of(intakePid).filter(ProcessInfo::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(workerPid).filter(ProcessInfo::isAlive)).isEmpty();
        assertThat(config.logFile(intake2)).content().contains("instance intake-2");
    }

    private long sleeper(Instance instance) {
        return stack.process(instance).start(List.of("sh", "-c", "echo instance $NAME; exec sleep 60"),
                Map.of("NAME", instance.name()), project).pid();
    }
}
