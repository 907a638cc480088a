package com.makeitright.cli;

import com.makeitright.cli.stack.GroupStatus;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.ProcessStatus;
import com.makeitright.cli.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, description = {"A table of the stack's processes (every"
        + " instance of every service: pid, port, health, uptime, resident memory), and every consumer group's state,"
        + " lag and members (client id, host, partitions).",
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
            out.print(lagTable(stack.consumerGroups()));
        } catch (StackException brokerDown) {
            out.println("Consumer lag: " + brokerDown.getMessage());
        }
        out.flush();
        return allUp ? 0 : ComplaintsCommand.NOT_RUNNING;
    }

    static String processTable(List<ProcessStatus> rows) {
        StringBuilder table = new StringBuilder();
        // as wide as the longest name (followup-2), no wider: one instance each keeps today's layout
        int nameWidth = Math.max("PROCESS".length() + 2, rows.stream().mapToInt(r -> r.instance().name().length())
                .max().orElse(0));
        String format = "%-" + nameWidth + "s %8s %6s  %-9s %9s %8s%n";
        table.append(String.format(Locale.ROOT, format, "PROCESS", "PID", "PORT", "HEALTH", "UPTIME", "RSS"));
        long totalRss = 0;
        for (ProcessStatus row : rows) {
            totalRss += row.residentBytes().orElse(0);
            table.append(String.format(Locale.ROOT, format, row.instance().name(),
                    row.pid().isPresent() ? String.valueOf(row.pid().getAsLong()) : "-", row.port(), row.health(),
                    row.uptime().map(StatusCommand::uptime).orElse("-"),
                    row.residentBytes().isPresent() ? megabytes(row.residentBytes().getAsLong()) : "-"));
        }
        table.append(String.format(Locale.ROOT, format, "total", "", "", "", "", megabytes(totalRss)));
        return table.toString();
    }

    /** Each group's row, then one indented line per member: which client holds how many partitions, from where. */
    static String lagTable(List<GroupStatus> groups) {
        if (groups.isEmpty()) {
            return "No consumer groups yet.\n";
        }
        StringBuilder table = new StringBuilder();
        String format = "%-28s %-12s %10s %8s %8s%n";
        table.append(String.format(Locale.ROOT, format, "CONSUMER GROUP", "STATE", "PARTITIONS", "LAG", "MEMBERS"));
        for (GroupStatus status : groups) {
            var group = status.lag();
            table.append(String.format(Locale.ROOT, format, group.group(), group.state(), group.partitions(),
                    group.lag(), status.members().size()));
            for (GroupStatus.Member member : status.members()) {
                table.append(String.format(Locale.ROOT, "    %s  %s  %d partition%s%n", member.clientId(),
                        member.host(), member.partitions(), member.partitions() == 1 ? "" : "s"));
            }
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
