package com.makeitright.cli;

import picocli.CommandLine.Command;

@Command(name = "kill", mixinStandardHelpOptions = true, description = "SIGKILLs one process (no shutdown, for fault drills): intake, triage, remedy, worker, mail,"
        + " followup or kafka. Bring it back with 'start'.")
final class KillCommand extends ProcessCommands {

    @Override
    public Integer call() {
        var pid = options.stack().process(component).pid();
        if (!options.stack().kill(component)) {
            err().println(component.shortName() + " is not running.");
            return ComplaintsCommand.FAILED;
        }
        out().println("Killed " + component.shortName() + " (pid " + pid.orElse(-1) + ", SIGKILL).");
        return 0;
    }
}
