package com.makeitright.cli;

import picocli.CommandLine.Command;

@Command(name = "kill", mixinStandardHelpOptions = true, description = "SIGKILLs one process (no shutdown, for fault drills): intake, triage, remedy, worker, mail,"
        + " followup or kafka"
        + " (a service's first instance; intake-2 ... its others). Bring it back with 'start'.")
final class KillCommand extends ProcessCommands {

    @Override
    public Integer call() {
        var stack = stack();
        var pid = stack.process(process).pid();
        if (!stack.kill(process)) {
            err().println(process.name() + " is not running.");
            return ComplaintsCommand.FAILED;
        }
        out().println("Killed " + process.name() + " (pid " + pid.orElse(-1) + ", SIGKILL).");
        return 0;
    }
}
