package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.GroupStatus;
import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.ProcessStatus;
import com.makeitright.contract.ConsumerLag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @Test
    void everyInstanceIsARowAndEveryGroupListsItsMembers() {
        String processes = StatusCommand.processTable(List.of(
                new ProcessStatus(Instance.first(Component.INTAKE), OptionalLong.of(101), 8080, ProcessStatus.Health.UP,
                        Optional.of(Duration.ofSeconds(75)), OptionalLong.of(200L << 20)),
                new ProcessStatus(new Instance(Component.FOLLOWUP, 2), OptionalLong.empty(), 8183,
                        ProcessStatus.Health.STOPPED, Optional.empty(), OptionalLong.empty())));
        String groups = StatusCommand.lagTable(List.of(new GroupStatus(
                new ConsumerLag.GroupLag("intake-service", "STABLE", 27, 3), List.of(
                        new GroupStatus.Member("intake-service-a1-StreamThread-1-consumer", "/127.0.0.1", 14),
                        new GroupStatus.Member("intake-service-b2-StreamThread-1-consumer", "/127.0.0.1", 1)))));

        assertThat(processes.lines()).containsExactly(
                "PROCESS         PID   PORT  HEALTH       UPTIME      RSS",
                "intake          101   8080  UP            1m15s   200 MB",
                "followup-2        -   8183  STOPPED           -        -",
                "total                                             200 MB");
        assertThat(groups.lines()).containsExactly(
                "CONSUMER GROUP               STATE        PARTITIONS      LAG  MEMBERS",
                "intake-service               STABLE               27        3        2",
                "    intake-service-a1-StreamThread-1-consumer  /127.0.0.1  14 partitions",
                "    intake-service-b2-StreamThread-1-consumer  /127.0.0.1  1 partition");
    }
}
