package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "start", mixinStandardHelpOptions = true, description = "Starts one process of the stack (if it is not running) and waits until it is"
        + " healthy.")
final class StartCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Parameters(index = "0", paramLabel = "SERVICE", converter = ProcessCommands.ComponentConverter.class)
    Component component;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LocalStack stack = options.stack();
        boolean wasRunning = stack.process(component).running().isPresent();
        long begin = System.nanoTime();
        stack.start(component);
        spec.commandLine().getOut().printf("%s %s (pid %d), healthy after %d s.%n", component.shortName(),
                wasRunning ? "was already running" : "started",
                stack.process(component).pid().orElse(-1), (System.nanoTime() - begin) / 1_000_000_000L);
        return 0;
    }
}
