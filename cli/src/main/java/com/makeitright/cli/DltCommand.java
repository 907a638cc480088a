package com.makeitright.cli;

import com.makeitright.cli.dlt.DeadLetter;
import com.makeitright.cli.dlt.DeadLetterReplay;
import com.makeitright.cli.dlt.DeadLetterReport;
import com.makeitright.cli.dlt.DeadLetterTopics;
import com.makeitright.cli.dlt.ReplayEntry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "dlt", mixinStandardHelpOptions = true,
        description = "Shows what landed on the dead-letter topics (<topic>.DLT) and sends chosen records back.",
        subcommands = {DltCommand.ListCommand.class, DltCommand.ReplayCommand.class})
final class DltCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {
            "Per dead-letter topic (or the one given): how many records, and for each its id (partition@offset), when"
                    + " it was dead-lettered, its original topic-partition@offset, key, reason and whether it was"
                    + " replayed.",
            "TOPIC is a contract topic (received, complaints.received) or a dead-letter topic (triage-service.DLT)."})
    static final class ListCommand implements Callable<Integer> {

        @Mixin
        StackOptions stack;

        @Parameters(index = "0", arity = "0..1", paramLabel = "TOPIC")
        String topic;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
                description = "Show the last N records per topic (default ${DEFAULT-VALUE}; 0 for all)")
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DeadLetterTopics topics = new DeadLetterTopics(stack.config().bootstrapServers());
            List<String> names;
            if (topic == null) {
                names = topics.names();
            } else {
                String name = DeadLetterTopics.resolve(topic);
                names = List.of(topics.existing(name).orElseThrow(() -> new IllegalArgumentException(
                        "No topic " + name + " on " + stack.config().bootstrapServers())));
            }
            Map<String, ReplayEntry> replays = topics.replays();
            PrintWriter out = spec.commandLine().getOut();
            if (names.isEmpty()) {
                out.println("No dead-letter topics on " + stack.config().bootstrapServers() + ".");
            }
            for (String name : names) {
                DeadLetterReport.print(out, name, topics.read(name), replays, limit);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = {
            "Sends chosen dead letters back to the topic they came from (original key, value and headers), exactly"
                    + " once: a record already replayed is skipped, and said so.",
            "Choose with --id (the id `dlt list` shows, partition@offset, or the event id; repeatable) or --all."})
    static final class ReplayCommand implements Callable<Integer> {

        @Mixin
        StackOptions stack;

        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @CommandLine.ArgGroup(multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--id", paramLabel = "EVENT_OR_OFFSET", required = true,
                    description = "partition@offset in the dead-letter topic, or the event id")
            List<String> ids;

            @Option(names = "--all", required = true, description = "Every record of the dead-letter topic")
            boolean all;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String deadLetterTopic = DeadLetterTopics.resolve(topic);
            List<DeadLetterReplay.Outcome> outcomes = new DeadLetterReplay(stack.config().bootstrapServers(),
                    Clock.systemUTC()).replay(deadLetterTopic, choice.all ? List.of() : choice.ids);
            PrintWriter out = spec.commandLine().getOut();
            int replayed = 0;
            int notFound = 0;
            int notReplayable = 0;
            for (DeadLetterReplay.Outcome outcome : outcomes) {
                DeadLetter letter = outcome.deadLetter();
                switch (outcome.status()) {
                    case REPLAYED -> {
                        replayed++;
                        out.printf("replayed          %s  key %s  -> %s%n", letter.id(), letter.key(),
                                outcome.entry().replayedTo());
                    }
                    case ALREADY_REPLAYED -> out.printf("already replayed  %s  key %s  -> %s at %s (nothing sent)%n",
                            letter.id(), letter.key(), outcome.entry().replayedTo(), outcome.entry().replayedAt());
                    case NOT_REPLAYABLE -> {
                        notReplayable++;
                        out.printf("not replayable    %s  key %s  (its value was too large to keep: %s)%n", letter.id(),
                                letter.key(), letter.reason());
                    }
                    case NOT_FOUND -> {
                        notFound++;
                        out.printf("not found         %s  (no record of %s has this id or event id)%n",
                                outcome.chosen(), deadLetterTopic);
                    }
                }
            }
            out.printf("%s: %d replayed, %d already replayed before, %d not found, %d not replayable.%n",
                    deadLetterTopic, replayed, outcomes.size() - replayed - notFound - notReplayable, notFound,
                    notReplayable);
            out.flush();
            return notFound + notReplayable > 0 ? ComplaintsCommand.FAILED : 0;
        }
    }
}
