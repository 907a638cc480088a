package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What the commands that act on one process of the stack ({@code kill}, {@code start}, {@code restart}) share. */
abstract class ProcessCommands implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Parameters(index = "0", paramLabel = "SERVICE", converter = ComponentConverter.class,
            description = "intake, triage, remedy, followup, worker, mail or kafka")
    Component component;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Parses SERVICE arguments ({@code intake}, {@code intake-service}, {@code kafka}). */
    static final class ComponentConverter implements CommandLine.ITypeConverter<Component> {
        @Override
        public Component convert(String value) {
            try {
                return Component.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
