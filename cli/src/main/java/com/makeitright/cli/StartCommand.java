package com.makeitright.cli;

import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine.Command;

@Command(name = "start", mixinStandardHelpOptions = true, description = "Starts one process of the stack (if it is not running) and waits until it is"
        + " healthy.")
final class StartCommand extends ProcessCommands {

    @Override
    public Integer call() {
        LocalStack stack = stack();
        boolean wasRunning = stack.process(process).running().isPresent();
        long begin = System.nanoTime();
        stack.start(process);
        out().printf("%s %s (pid %d), healthy after %d s.%n", process.name(),
                wasRunning ? "was already running" : "started",
                stack.process(process).pid().orElse(-1), (System.nanoTime() - begin) / 1_000_000_000L);
        return 0;
    }
}
