package com.makeitright.cli;

import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine.Command;

@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stops one process of the stack gracefully"
        + " (SIGTERM; SIGKILL after a grace period): intake, triage, remedy, followup, worker, mail or kafka."
        + " Its data stays (the mail server's messages do not: it keeps them in memory). Bring it back with 'start'.")
final class StopCommand extends ProcessCommands {

    @Override
    public Integer call() {
        LocalStack stack = options.stack();
        var pid = stack.process(component).pid();
        if (!stack.stop(component)) {
            err().println(component.shortName() + " is not running.");
            return ComplaintsCommand.FAILED;
        }
        out().println("Stopped " + component.shortName() + " (pid " + pid.orElse(-1) + ").");
        return 0;
    }
}
