package com.makeitright.cli;

import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine.Command;

@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stops one process gracefully (SIGTERM), starts it again and waits until it"
        + " is healthy.")
final class RestartCommand extends ProcessCommands {

    @Override
    public Integer call() {
        LocalStack stack = stack();
        long begin = System.nanoTime();
        stack.restart(process);
        out().printf("%s restarted (pid %d), healthy after %d s.%n", process.name(),
                stack.process(process).pid().orElse(-1), (System.nanoTime() - begin) / 1_000_000_000L);
        return 0;
    }
}
