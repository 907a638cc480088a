package com.makeitright.cli;

import com.makeitright.cli.stack.Instance;
import com.makeitright.cli.stack.LocalStack;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What the commands that act on one process of the stack ({@code kill}, {@code start}, {@code restart}) share. */
abstract class ProcessCommands implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Parameters(index = "0", paramLabel = "SERVICE", converter = InstanceConverter.class,
            description = "intake, triage, remedy, followup, worker, mail or kafka: a service's first instance;"
                    + " intake-2 ... its others (up --instances N); kafka-2, kafka-3 the nodes of up --brokers 3")
    Instance process;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The stack, and {@link #process} checked against how many instances it runs. */
    LocalStack stack() {
        LocalStack stack = options.stack();
        stack.config().check(process);
        return stack;
    }

    /** Parses SERVICE arguments ({@code intake}, {@code intake-service}, {@code intake-2}, {@code kafka}). */
    static final class InstanceConverter implements CommandLine.ITypeConverter<Instance> {
        @Override
        public Instance convert(String value) {
            try {
                return Instance.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
