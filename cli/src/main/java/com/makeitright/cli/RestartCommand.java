package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "restart", mixinStandardHelpOptions = true, description = "Stops one process gracefully (SIGTERM), starts it again and waits until it"
        + " is healthy.")
final class RestartCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Parameters(index = "0", paramLabel = "SERVICE", converter = ProcessCommands.ComponentConverter.class)
    Component component;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LocalStack stack = options.stack();
        long begin = System.nanoTime();
        stack.restart(component);
        spec.commandLine().getOut().printf("%s restarted (pid %d), healthy after %d s.%n", component.shortName(),
                stack.process(component).pid().orElse(-1), (System.nanoTime() - begin) / 1_000_000_000L);
        return 0;
    }
}
