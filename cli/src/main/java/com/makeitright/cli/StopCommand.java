package com.makeitright.cli;

import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops one process of the stack gracefully"
        + " (SIGTERM; SIGKILL after a grace period): intake, triage, remedy, followup, worker, mail or kafka."
        + " Its data stays (the mail server's messages do not: it keeps them in memory). Bring it back with 'start'.")
final class StopCommand extends ProcessCommands {

    @Override
    public Integer call() {
        LocalStack stack = stack();
        var pid = stack.process(process).pid();
        if (!stack.stop(process)) {
            err().println(process.name() + " is not running.");
            return ComplaintsCommand.FAILED;
        }
        out().println("Stopped " + process.name() + " (pid " + pid.orElse(-1) + ").");
        return 0;
    }
}
