package com.makeitright.cli.stack;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real operating-system process, found again through its pid file by a second instance (another CLI call). */
class ManagedProcessIT {

    @TempDir
    Path dir;

    private ManagedProcess process() {
        return new ManagedProcess("sleeper", dir.resolve("pids/sleeper.pid"), dir.resolve("logs/sleeper.log"));
    }

    @Test
    void startFindAgainKill() {
        ProcessHandle started = process().start(List.of("sh", "-c", "echo hello from $GREETING; exec sleep 60"),
                Map.of("GREETING", "env"), dir);

        ManagedProcess later = process();
        assertThat(later.running()).map(ProcessHandle::pid).contains(started.pid());
        assertThat(later.uptime()).isPresent();
        assertThat(later.residentBytes()).isPresent();
        assertThatThrownBy(() -> later.start(List.of("sleep", "1"), Map.of(), dir))
                .isInstanceOf(StackException.class).hasMessageContaining("already runs");
        // on a loaded machine the shell may not have printed yet: killing it first would lose the line
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> process().logTail(5).stream().anyMatch(line -> line.equals("hello from env")));

        assertThat(later.kill()).isTrue();

        assertThat(process().running()).isEmpty();
        assertThat(dir.resolve("pids/sleeper.pid")).doesNotExist();
        assertThat(process().kill()).isFalse();
    }

    @Test
    void stopAsksFirst() {
        process().start(List.of("sh", "-c", "trap 'echo bye; exit 0' TERM; echo ready; while true; do sleep 0.1; done"),
                Map.of(), dir);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> process().logTail(5).contains("ready"));

        assertThat(process().stop(Duration.ofSeconds(10))).isTrue();

        assertThat(process().running()).isEmpty();
        assertThat(process().logTail(5)).contains("bye");
    }

    @Test
    void aStalePidFileIsNotARunningProcess() throws Exception {
        Files.createDirectories(dir.resolve("pids"));
        Files.writeString(dir.resolve("pids/sleeper.pid"), "pid=" + ProcessHandle.current().pid()
                + "\nstarted=2001-01-01T00:00:00Z\n");

        assertThat(process().running()).isEmpty(); // our own pid, but started at another time: reused
    }

    @Test
    void failureExcerptSkipsStackFrames() throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.write(dir.resolve("logs/sleeper.log"), List.of("starting", "Caused by: boom", "\tat a.b.C(C.java:1)",
                "\t... 22 common frames omitted", "APPLICATION FAILED TO START"));

        assertThat(process().failureExcerpt(5)).containsExactly("starting", "Caused by: boom",
                "APPLICATION FAILED TO START");
    }
}
