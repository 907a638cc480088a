package com.makeitright.cli;

import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "down", mixinStandardHelpOptions = true, description = "Stops the services, then the mail server and Kafka. Data stays unless --wipe (the mail server keeps its messages in memory only).")
final class DownCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Option(names = "--wipe", description = "Also delete the run directory: broker data, service state, logs")
    boolean wipe;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalStack stack = options.stack();
        List<Instance> stopped = stack.stopAll();
        out.println(stopped.isEmpty() ? "Nothing was running."
                : "Stopped " + String.join(", ", stopped.stream().map(Instance::name).toList()) + ".");
        if (wipe) {
            stack.wipe();
            out.println("Deleted " + stack.config().runDir() + ".");
        }
        return 0;
    }
}
