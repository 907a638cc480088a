package com.makeitright.cli;

import com.makeitright.cli.stack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** The top-level {@code complaints} command and its subcommands. */
@Command(name = "complaints", mixinStandardHelpOptions = true, version = "Make It Right 0.1.0",
        description = "Runs Make It Right on this machine (a real Kafka broker, the four services, the follow-up worker and a mail server as processes),"
                + " drives it with realistic complaints, and shows what flows through it.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, KillCommand.class,
                StartCommand.class, StopCommand.class, RestartCommand.class, SimulateCommand.class, TailCommand.class,
                TriageCommand.class, BenchCommand.class, DltCommand.class, DrillCommand.class, MailCommand.class,
                CommandLine.HelpCommand.class})
final class ComplaintsCommand implements Runnable {

    /** Exit status of a command that could not do what was asked (a refusal, a failure). */
    static final int FAILED = 1;
    /** Exit status when the stack is not (fully) running, for {@code status}. */
    static final int NOT_RUNNING = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ComplaintsCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof StackException || exception instanceof IllegalArgumentException
                    || exception instanceof IllegalStateException) {
                cmd.getErr().println(cmd.getColorScheme().errorText(exception.getMessage()));
                return FAILED;
            }
            throw exception;
        });
        return commandLine;
    }

    /** The repository root: where the jars and examples are ({@code complaints.home}, set by the script). */
    static Path projectDir() {
        return Path.of(System.getProperty("complaints.home", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }
}
