package com.makeitright.bench;

import com.makeitright.bench.report.Figure;
import com.makeitright.bench.triage.TriageClasspath;
import com.makeitright.bench.triage.TriageJmh;
import com.makeitright.cli.stack.Component;

import java.nio.file.Path;
import java.util.List;

/** Section 4: triage's decision per complaint with JMH, one thread, against tokenising the same text. */
final class TriageSection implements Section {

    @Override
    public String name() {
        return "triage";
    }

    @Override
    public String title() {
        return "Triage alone (JMH)";
    }

    @Override
    public String baselineWhy() {
        return "splitting the same complaint texts into lower-case words, in the same JMH run: the least any text"
                + " classifier does with a complaint. One thread, so the figures are per core. Runs after the stack"
                + " stopped, with the services' JVM settings.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        BenchStack stack = context.stack();
        Path work = stack.config().runDir().resolve("triage-classpath");
        context.say("extracting triage-service's classes and running JMH (%d × %d ms per benchmark) ...",
                context.options().jmhIterations(), context.options().jmhIteration().toMillis());
        TriageClasspath.extract(Component.TRIAGE.jar(stack.config().projectDir()), work);
        TriageJmh.Scores scores = TriageJmh.run(work, stack.config().serviceJavaOpts(),
                context.options().jmhIterations(), context.options().jmhIteration(),
                stack.config().logsDir().resolve("bench-jmh.log"));
        return List.of(Figure.rate("classifications/s per core", scores.classifyPerSecond(), "/s",
                "tokenising the same text", scores.tokenisePerSecond()));
    }
}
