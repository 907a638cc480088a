package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "kill", mixinStandardHelpOptions = true, description = "SIGKILLs one process (no shutdown, for fault drills): intake, triage, remedy,"
        + " followup or kafka. Bring it back with 'start'.")
final class KillCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Parameters(index = "0", paramLabel = "SERVICE", converter = ProcessCommands.ComponentConverter.class)
    Component component;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var pid = options.stack().process(component).pid();
        if (!options.stack().kill(component)) {
            spec.commandLine().getErr().println(component.shortName() + " is not running.");
            return ComplaintsCommand.FAILED;
        }
        spec.commandLine().getOut().println("Killed " + component.shortName() + " (pid " + pid.orElse(-1) + ", SIGKILL).");
        return 0;
    }
}
