package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import picocli.CommandLine;

/** Parses SERVICE arguments ({@code intake}, {@code intake-service}, {@code kafka}). */
final class ProcessCommands {

    private ProcessCommands() {
    }

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
