package com.makeitright.cli;

import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.Instance;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintsCommandTest {

    private final StringWriter err = new StringWriter();

    private CommandLine.ParseResult parse(String... args) {
        return ComplaintsCommand.commandLine().parseArgs(args);
    }

    private static <T> T command(CommandLine.ParseResult result) {
        return result.subcommand().commandSpec().commandLine().getCommand();
    }

    @Test
    void upDetachedWithPortsFromFlags() {
        UpCommand up = command(parse("up", "-d", "--intake-port", "9180", "--kafka-port", "9192", "--run-dir", "/tmp/x"));

        assertThat(up.detach).isTrue();
        assertThat(up.options.intakePort).isEqualTo(9180);
        assertThat(up.options.kafkaPort).isEqualTo(9192);
        assertThat(up.options.runDir).hasToString("/tmp/x");
    }

    @Test
    void simulateOptionsWithDefaults() {
        SimulateCommand simulate = command(parse("simulate", "--count", "5"));

        assertThat(simulate.count).isEqualTo(5);
        assertThat(simulate.rate).isEqualTo(10.0);
        assertThat(simulate.seed).isEqualTo(42L);
        assertThat(simulate.timeout).isEqualTo(Duration.ofMinutes(3));
        assertThat(simulate.json).isFalse();
    }

    @Test
    void simulateOptionsGiven() {
        SimulateCommand simulate = command(parse("simulate", "-n", "50", "--rate", "2.5", "--seed", "7", "--json",
                "--timeout", "90s", "--intake-url", "http://localhost:9999"));

        assertThat(simulate.count).isEqualTo(50);
        assertThat(simulate.rate).isEqualTo(2.5);
        assertThat(simulate.seed).isEqualTo(7L);
        assertThat(simulate.json).isTrue();
        assertThat(simulate.timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(simulate.intakeUrl).hasToString("http://localhost:9999");
    }

    @Test
    void durationsInIsoOrShortForm() {
        SimulateCommand.DurationConverter converter = new SimulateCommand.DurationConverter();

        assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void simulateWithoutCountIsAUsageError() {
        int status = run("simulate");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--count");
    }

    @Test
    void processArgumentsAcceptShortAndModuleNames() {
        KillCommand kill = command(parse("kill", "triage-service"));
        StartCommand start = command(parse("start", "KAFKA"));
        LogsCommand logs = command(parse("logs", "intake", "-f", "-n", "20"));

        assertThat(kill.process).isEqualTo(Instance.first(Component.TRIAGE));
        assertThat(start.process).isEqualTo(Instance.first(Component.KAFKA));
        assertThat(logs.process).isEqualTo(Instance.first(Component.INTAKE));
        assertThat(logs.follow).isTrue();
        assertThat(logs.lines).isEqualTo(20);
    }

    @Test
    void processArgumentsNameAnInstanceAndUpTakesHowMany() {
        KillCommand kill = command(parse("kill", "intake-2"));
        RestartCommand restart = command(parse("restart", "followup-worker-3"));
        LogsCommand logs = command(parse("logs", "remedy-1"));
        UpCommand up = command(parse("up", "-d", "--instances", "2"));

        assertThat(kill.process).isEqualTo(new Instance(Component.INTAKE, 2));
        assertThat(restart.process).isEqualTo(new Instance(Component.WORKER, 3));
        assertThat(logs.process).isEqualTo(Instance.first(Component.REMEDY));
        assertThat(up.options.instances).isEqualTo(2);
        assertThat(run("kill", "mail-2")).isEqualTo(2);
        assertThat(err.toString()).contains("mail runs once");
        assertThat(run("kill", "kafka-4")).isEqualTo(2);
        assertThat(err.toString()).contains("Kafka runs as at most 3 nodes");
    }

    @Test
    void unknownServiceIsRefusedWithTheValidNames() {
        int status = run("kill", "billing");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown process 'billing'").contains("intake, triage, remedy, followup");
    }

    @Test
    void tailTakesTopicAndFromBeginning() {
        TailCommand tail = command(parse("tail", "received", "--from-beginning", "--max", "3"));

        assertThat(tail.topic).isEqualTo("received");
        assertThat(tail.fromBeginning).isTrue();
        assertThat(tail.max).isEqualTo(3);
    }

    @Test
    void dltReplayTakesIdsOrAllButNotNeither() {
        CommandLine.ParseResult replay = parse("dlt", "replay", "received", "--id", "1@0", "--id", "e-1");
        DltCommand.ReplayCommand command = replay.subcommand().subcommand().commandSpec().commandLine().getCommand();

        assertThat(command.topic).isEqualTo("received");
        assertThat(command.choice.ids).containsExactly("1@0", "e-1");
        assertThat(run("dlt", "replay", "received")).isEqualTo(2);
        assertThat(err.toString()).contains("--id").contains("--all");
        assertThat(run("dlt", "replay", "received", "--all", "--id", "1@0")).isEqualTo(2);
    }

    @Test
    void downWipe() {
        DownCommand down = command(parse("down", "--wipe"));

        assertThat(down.wipe).isTrue();
    }

    @Test
    void everyCommandTheReadmeShowsExists() {
        assertThat(ComplaintsCommand.commandLine().getSubcommands().keySet()).containsAll(List.of("up", "down",
                "status", "logs", "kill", "start", "stop", "restart", "simulate", "tail", "triage", "bench", "dlt",
                "mail"));
    }

    @Test
    void theWorkerAndTheMailServerAreProcessesLikeTheOthers() {
        StopCommand stop = command(parse("stop", "worker"));
        StartCommand start = command(parse("start", "mail", "--smtp-port", "12525", "--mail-api-port", "18025"));
        LogsCommand logs = command(parse("logs", "followup-worker"));
        UpCommand up = command(parse("up", "--worker-port", "18084"));

        assertThat(stop.process).isEqualTo(Instance.first(Component.WORKER));
        assertThat(start.process).isEqualTo(Instance.first(Component.MAIL));
        assertThat(start.options.smtpPort).isEqualTo(12525);
        assertThat(start.options.mailApiPort).isEqualTo(18025);
        assertThat(logs.process).isEqualTo(Instance.first(Component.WORKER));
        assertThat(up.options.workerPort).isEqualTo(18084);
    }

    @Test
    void mailTakesFiltersAndJson() {
        MailCommand mail = command(parse("mail", "--to", "dana@customers.test", "--complaint", "c-1", "--json"));

        assertThat(mail.to).isEqualTo("dana@customers.test");
        assertThat(mail.complaint).isEqualTo("c-1");
        assertThat(mail.json).isTrue();
        assertThat(mail.lines).isEqualTo(3);
        assertThat(run("mail", "--lines", "-1")).isEqualTo(2);
    }

    private int run(String... args) {
        CommandLine commandLine = ComplaintsCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }
}
