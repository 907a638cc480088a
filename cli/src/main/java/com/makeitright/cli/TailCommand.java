package com.makeitright.cli;

import com.makeitright.cli.tail.TopicNames;
import com.makeitright.cli.tail.TopicTail;
import com.makeitright.contract.Topic;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "tail", mixinStandardHelpOptions = true, description = {"Prints each event of a topic as one JSON line, decoded from Avro, until Ctrl-C.",
        "TOPIC is the full name (complaints.received) or the short one (received)."})
final class TailCommand implements Callable<Integer> {

    @Mixin
    StackOptions stack;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest event instead of new ones only")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", defaultValue = "0", description = "Stop after N events (0: never)")
    long max;

    @Option(names = "--idle", paramLabel = "DURATION", converter = SimulateCommand.DurationConverter.class,
            description = "Stop when nothing new arrived for this long (e.g. 5s)")
    Duration idle;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Topic<?> resolved = TopicNames.resolve(topic);
        String bootstrap = stack.config().bootstrapServers();
        try {
            new TopicTail(bootstrap, resolved, fromBeginning).run(System.out, System.err, max, idle);
        } catch (KafkaException unreachable) {
            throw new IllegalStateException("Kafka at " + bootstrap + " does not answer (is the stack up?): "
                    + unreachable.getMessage(), unreachable);
        }
        return 0;
    }
}
