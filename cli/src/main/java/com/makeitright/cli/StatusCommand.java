package com.makeitright.cli;

import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.ProcessStatus;
import com.makeitright.cli.stack.StackException;
import com.makeitright.contract.ConsumerLag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, description = {"A table of the stack's processes (pid, port, health, uptime, resident memory)"
        + " and the consumer lag of every consumer group.",
        "Exit status 0 when everything is UP, 3 otherwise."})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = options.stack();
        List<ProcessStatus> rows = stack.status();
        out.print(processTable(rows));
        boolean allUp = rows.stream().allMatch(r -> r.health() == ProcessStatus.Health.UP);
        if (!stack.config().runsOwnBroker()) {
            out.println("(Kafka: external broker " + stack.bootstrapServers() + ")");
        }
        out.println();
        try {
            out.print(lagTable(stack.consumerLag()));
        } catch (StackException brokerDown) {
            out.println("Consumer lag: " + brokerDown.getMessage());
        }
        out.flush();
        return allUp ? 0 : ComplaintsCommand.NOT_RUNNING;
    }

    static String processTable(List<ProcessStatus> rows) {
        StringBuilder table = new StringBuilder();
        String format = "%-9s %8s %6s  %-9s %9s %8s%n";
        table.append(String.format(Locale.ROOT, format, "PROCESS", "PID", "PORT", "HEALTH", "UPTIME", "RSS"));
        long totalRss = 0;
        for (ProcessStatus row : rows) {
            totalRss += row.residentBytes().orElse(0);
            table.append(String.format(Locale.ROOT, format, row.component().shortName(),
                    row.pid().isPresent() ? String.valueOf(row.pid().getAsLong()) : "-", row.port(), row.health(),
                    row.uptime().map(StatusCommand::uptime).orElse("-"),
                    row.residentBytes().isPresent() ? megabytes(row.residentBytes().getAsLong()) : "-"));
        }
        table.append(String.format(Locale.ROOT, format, "total", "", "", "", "", megabytes(totalRss)));
        return table.toString();
    }

    static String lagTable(List<ConsumerLag.GroupLag> groups) {
        if (groups.isEmpty()) {
            return "No consumer groups yet.\n";
        }
        StringBuilder table = new StringBuilder();
        String format = "%-28s %-12s %10s %8s%n";
        table.append(String.format(Locale.ROOT, format, "CONSUMER GROUP", "STATE", "PARTITIONS", "LAG"));
        for (ConsumerLag.GroupLag group : groups) {
            table.append(String.format(Locale.ROOT, format, group.group(), group.state(), group.partitions(),
                    group.lag()));
        }
        return table.toString();
    }

    static String uptime(Duration uptime) {
        long seconds = uptime.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }
}
