package com.makeitright.triage;

import com.makeitright.events.Channel;
import com.makeitright.events.CustomerTier;
import com.makeitright.triage.acknowledge.AcknowledgeDeadlines;
import com.makeitright.triage.acknowledge.Complaint;
import com.makeitright.triage.acknowledge.Triage;
import com.makeitright.triage.acknowledge.TriageDecision;
import com.makeitright.triage.classify.Classification;
import com.makeitright.triage.classify.ComplaintText;
import com.makeitright.triage.classify.History;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./complaints triage FILE.jsonl}: runs triage offline (no Kafka, no Spring) over lines of the labeled
 * examples' format {@code {"id", "expect"?, "complaint"}}. Prints one JSON line per complaint on stdout and,
 * when lines carry {@code expect}, confusion matrices and accuracy per field on stderr. Exit status 0, or 2
 * when the input cannot be read (the message names the line).
 */
public final class OfflineTriage {

    static final int UNREADABLE = 2;

    private OfflineTriage() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: OfflineTriage FILE.jsonl  (lines of {\"id\", \"expect\"?, \"complaint\"})");
            return UNREADABLE;
        }
        Path file = Path.of(args[0]);
        JsonMapper json = JsonMapper.builder().build();
        Triage triage = new Triage(AcknowledgeDeadlines.DEFAULTS, Clock.systemUTC());
        Evaluation evaluation = new Evaluation();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Labeled labeled;
                try {
                    labeled = parse(json, line);
                } catch (JacksonException | IllegalArgumentException e) {
                    err.println(file + ": line " + number + " is not a complaint line: " + firstLine(e.getMessage()));
                    return UNREADABLE;
                }
                TriageDecision decision = triage.decide(new Complaint(labeled.id(), 1, labeled.text(), History.NONE, null));
                out.println(json.writeValueAsString(output(labeled.id(), decision)));
                if (labeled.expectedCause() != null || labeled.expectedAnger() != null) {
                    evaluation.add(labeled, decision.classification());
                }
            }
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
        out.flush();
        if (evaluation.size() > 0) {
            err.print(evaluation.report());
        }
        return 0;
    }

    record Labeled(String id, String expectedCause, String expectedAnger, ComplaintText text) {
    }

    static Labeled parse(JsonMapper json, String line) {
        JsonNode node = json.readTree(line);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String id = node.path("id").asString(null);
        JsonNode c = node.get("complaint");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("missing \"id\"");
        }
        if (c == null || !c.isObject()) {
            throw new IllegalArgumentException("missing \"complaint\" object (id " + id + ")");
        }
        String description = c.path("description").asString(null);
        if (description == null) {
            throw new IllegalArgumentException("complaint " + id + " has no \"description\"");
        }
        Channel channel = enumOf(Channel.class, c.path("channel").asString("OTHER"), "channel", id);
        CustomerTier tier = enumOf(CustomerTier.class, c.path("customer").path("tier").asString("STANDARD"), "tier", id);
        BigDecimal amount = c.path("order").path("amount").isNumber() ? c.path("order").path("amount").decimalValue() : null;
        ComplaintText text = new ComplaintText(c.path("subject").asString(""), description,
                c.path("desiredOutcome").asString(null), channel, tier, amount, LocalDate.now(ZoneOffset.UTC));
        JsonNode expect = node.path("expect");
        return new Labeled(id, expect.path("cause").asString(null), expect.path("anger").asString(null), text);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, String id) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("complaint " + id + " has an unknown " + field + " \"" + value + "\"");
        }
    }

    static Map<String, Object> output(String id, TriageDecision decision) {
        Classification c = decision.classification();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("cause", c.cause().name());
        line.put("causeConfidence", c.causeConfidence());
        line.put("anger", c.anger().name());
        line.put("angerConfidence", c.angerConfidence());
        line.put("priority", decision.priority().name());
        List<Map<String, Object>> signals = new ArrayList<>();
        c.signals().forEach(s -> {
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("signal", s.signal());
            signal.put("evidence", s.evidence());
            signal.put("weight", s.weight());
            signal.put("indicates", s.indicates());
            signals.add(signal);
        });
        line.put("signals", signals);
        line.put("reviewNeeded", decision.reviewNeeded());
        line.put("reviewReasons", decision.reviewReasons());
        line.put("suspectedRootCause", c.rootCause().name());
        return line;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
