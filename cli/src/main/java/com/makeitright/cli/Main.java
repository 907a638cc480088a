package com.makeitright.cli;

import picocli.CommandLine;

/** {@code ./complaints}: runs the command line and exits with its status. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ComplaintsCommand.commandLine().execute(args));
    }
}
