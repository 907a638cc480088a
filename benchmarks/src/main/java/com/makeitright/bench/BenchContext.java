package com.makeitright.bench;

import java.io.PrintStream;
import java.util.Locale;

/** What every section works with: the options, the stack, where progress goes, the memory log. */
record BenchContext(BenchOptions options, BenchStack stack, MemoryLog memory, String runTag, PrintStream progress) {

    void say(String format, Object... args) {
        progress.println("  " + String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
