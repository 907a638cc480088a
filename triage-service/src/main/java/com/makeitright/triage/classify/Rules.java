package com.makeitright.triage.classify;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;
import com.makeitright.triage.classify.Rule.Guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static com.makeitright.events.Cause.MISPLACED_HOSTILITY;
import static com.makeitright.events.Cause.MISUNDERSTANDING;
import static com.makeitright.events.Cause.OUR_ERROR;
import static com.makeitright.events.Cause.SUSPECTED_ABUSE;
import static com.makeitright.events.Cause.UNREASONABLE;

/**
 * Triage's hand-written rules: the lexicon of phrase rules and cue lists, read and compiled at start-up from the
 * readable files under {@value #DIRECTORY} (each rule with a comment saying why; see their heads for the format),
 * and the few hand-set numbers that go with them.
 *
 * <p>The rules find the evidence; they do not decide alone. How much each signal counts for each cause and anger
 * level is learned from the corpus and kept in {@code model-weights.tsv} (see {@link TriageModel},
 * {@code ModelTrainer} and the module README). The hand-set weights still matter in three ways: their sum per
 * cause is the "rules' vote", one input of the model; anger's {@link #ANGER_THRESHOLD} rules likewise give the
 * rules' anger vote; and the history weights ({@link #HISTORY_NEVER_ARRIVED} …) are used as they are, because the
 * corpus has no history to learn from. A phrase rule fires at most once per complaint. After changing a rule,
 * retrain (one command, README).
 */
final class Rules {

    static final String DIRECTORY = "/triage/lexicon/";

    /** A complaint most often reports a real fault; with no other evidence we take the customer's side. */
    static final Map<Cause, Double> CAUSE_PRIOR = Map.of(
            OUR_ERROR, 0.45, MISUNDERSTANDING, 0.15, MISPLACED_HOSTILITY, 0.0, UNREASONABLE, 0.0,
            SUSPECTED_ABUSE, 0.0);

    /** Total weight at which an anger level is reached (levels are checked from HOSTILE down). */
    static final double ANGER_THRESHOLD = 1.0;
    /** UPSET needs less: a single measured word of disappointment is enough. */
    static final double UPSET_THRESHOLD = 0.5;

    /** Signals from the customer's history, not their words; the corpus has none, so their weights are hand-set. */
    static final Set<String> HISTORY_SIGNALS = Set.of("history-never-arrived", "history-refunds",
            "long-time-customer-first-complaint");

    /** Abuse aimed at us: with one of these a complaint is never read as less than ANGRY. */
    static final Set<String> ABUSE_SIGNALS = Set.of("insult", "name-calling", "contempt", "profanity", "insulting-adjective",
            "reported-abuse");
    /** Threats aimed at us (coming down, ruin, public shaming, lawyers and regulators). With abuse, the only way to
     *  HOSTILE; and, like abuse, never read as less than ANGRY, so the scale stays ordinal. */
    static final Set<String> THREAT_SIGNALS = Set.of("threat", "public-threat", "legal-threat", "reported-threat");
    /** Raised voice in writing (capitals, "!!", outrage, swearing), biting sarcasm, or disappointment in the customer's
     *  own words, or an agent's note of the customer's anger: with one of these a complaint is never CALM (in the corpus, disappointment is CALM in under 3%). */
    static final Set<String> NEVER_CALM_SIGNALS = Set.of("exclamation-run", "shouting", "outrage-words", "swearing", "sarcasm",
            "disappointment", "reported-anger");

    /** Signals summing to at least this learned weight support the chosen cause (contradiction check). */
    static final double SUPPORTING_WEIGHT = 0.3;
    /** Another cause whose signals sum to this much is a real rival, whatever the model chose: ask a person. */
    static final double RIVAL_SUPPORT = 1.5;

    /** Three earlier never-arrived claims in a year outweigh one claim's polite wording (issue #6). */
    static final double HISTORY_NEVER_ARRIVED = 2.5;
    /** Many refunds in a year add a little suspicion, never enough on their own. */
    static final double HISTORY_REFUNDS = 0.5;
    /** A long-standing customer's first complaint in a year gets the benefit of the doubt. */
    static final double LOYAL_FIRST_COMPLAINT = -0.8;

    /** Someone telling us about a bad day, or apologising for their tone, is upset even in calm words. */
    static final double BAD_DAY_MOOD = 0.5;

    // ---------------------------------------------------------------------------------------------------
    // The lexicon, as loaded

    /** Phrase rules tried on every complaint, in file order ({@code cause.lexicon}). */
    final List<Rule> causeRules;
    /** Phrase rules for anger ({@code anger.lexicon}). */
    final List<Rule> angerRules;
    /** Phrases that point at a root cause ({@code root-cause.lexicon}). */
    final List<Rule> rootCauseRules;
    /** The cues of the computed signals ({@code cues.lexicon}). */
    final Rule neverArrived;
    final Pattern repeat;
    final Pattern polite;
    final Pattern event;
    final Pattern used;
    final Pattern returnForRefund;
    final Pattern money;
    final Pattern demandContext;
    final Pattern safetyOrLegal;
    final Pattern counted;
    final Pattern missingOrCold;
    final Pattern recently;
    final Pattern refund;
    final Pattern friendlyEnd;
    final Pattern defectAfterUse;
    final Set<String> notShouting;
    final Set<String> english;
    private final Map<Pattern, Phrases> phrasesOfPatterns;

    private Rules(Lexicon lexicon) {
        causeRules = lexicon.rules("cause.lexicon", "cause:");
        angerRules = lexicon.rules("anger.lexicon", "anger:");
        rootCauseRules = lexicon.rules("root-cause.lexicon", "root:");
        neverArrived = lexicon.rule("cues.lexicon", "never-arrived");
        repeat = lexicon.pattern("repeat");
        polite = lexicon.pattern("polite");
        event = lexicon.pattern("event");
        used = lexicon.pattern("used");
        returnForRefund = lexicon.pattern("return-for-refund");
        money = lexicon.pattern("money");
        demandContext = lexicon.pattern("demand-context");
        safetyOrLegal = lexicon.pattern("safety-or-legal");
        counted = lexicon.pattern("counted");
        missingOrCold = lexicon.pattern("missing-or-cold");
        recently = lexicon.pattern("recently");
        refund = lexicon.pattern("refund");
        friendlyEnd = lexicon.pattern("friendly-end");
        defectAfterUse = lexicon.pattern("defect-after-use");
        notShouting = lexicon.set("not-shouting");
        english = lexicon.set("english");
        phrasesOfPatterns = Map.copyOf(lexicon.phrasesOfPatterns);
    }

    /**
     * One of the cue patterns above with its lines indexed for word starts, for {@link Text#matches(Phrases, int)}
     * (the same matches as {@link Text#matches(Pattern, int)}, found faster).
     */
    Phrases phrases(Pattern cue) {
        Phrases phrases = phrasesOfPatterns.get(cue);
        if (phrases == null || phrases.pattern() != cue) {
            throw new IllegalArgumentException("not a cue pattern of this lexicon: " + cue);
        }
        return phrases;
    }

    /** The lexicon shipped with the service, read and compiled once. */
    static Rules standard() {
        return Standard.RULES;
    }

    private static final class Standard {
        static final Rules RULES = load(DIRECTORY);
    }

    /** The lexicon files, in the order they are read: each may use the word families of words.lexicon. */
    static final List<String> FILES = List.of("words.lexicon", "cause.lexicon", "anger.lexicon", "root-cause.lexicon",
            "cues.lexicon");

    /** Reads and compiles the lexicon files of a resource directory (see {@link #compile}). */
    static Rules load(String directory) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : FILES) {
            String resource = directory + file;
            try (InputStream in = Rules.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("triage lexicon " + resource + " is missing from the classpath");
                }
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read triage lexicon " + resource, e);
            }
        }
        return compile(directory, texts);
    }

    /**
     * Compiles the lexicon from the text of each of its {@link #FILES}. Any mistake (an unknown keyword, target, guard
     * or word family, a bad regular expression, an empty or missing entry) fails with a message naming the file and
     * the line.
     */
    static Rules compile(String directory, Map<String, String> texts) {
        Lexicon lexicon = new Lexicon(directory);
        for (String file : FILES) {
            lexicon.read(directory + file, file, texts.getOrDefault(file, ""));
        }
        return new Rules(lexicon);
    }

    /** Amounts the customer asks for, in their text or their desired outcome. */
    List<BigDecimal> demandedAmounts(String text) {
        List<BigDecimal> amounts = new ArrayList<>();
        Matcher m = money.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 50);
            int to = Math.min(text.length(), m.end() + 40);
            String around = text.substring(from, to);
            String number = m.group(1).replace(",", "");
            boolean year = number.length() == 4 && (number.startsWith("19") || number.startsWith("20"));
            if (!year && demandContext.matcher(around).find()) {
                amounts.add(new BigDecimal(number));
            }
        }
        return amounts;
    }

    static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    /**
     * The same alternation ("idiots?|imbeciles?|morons?") regrouped by first letter ("i(?:diots?|mbeciles?)|m(?:orons?)"),
     * so a word start tries a couple of branches instead of a hundred: the word families stay readable and cost
     * little per complaint.
     */
    static String byFirstLetter(List<String> branches) {
        Map<Character, List<String>> byLetter = new TreeMap<>();
        List<String> others = new ArrayList<>();
        for (String branch : branches) {
            boolean plainFirst = branch.length() > 1 && Character.isLetter(branch.charAt(0)) && "?*+{".indexOf(branch.charAt(1)) < 0;
            if (plainFirst) {
                byLetter.computeIfAbsent(branch.charAt(0), k -> new ArrayList<>()).add(branch.substring(1));
            } else {
                others.add(branch);
            }
        }
        StringBuilder out = new StringBuilder("(?:");
        byLetter.forEach((letter, rests) -> out.append(letter).append("(?:").append(String.join("|", rests)).append(")|"));
        others.forEach(o -> out.append(o).append('|'));
        out.setLength(out.length() - 1);
        return out.append(')').toString();
    }

    /** The entries of the lexicon files as they are read: word families, rules per file, patterns and sets by name. */
    private static final class Lexicon {

        private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9-]*)}");
        private static final Pattern HEADER = Pattern.compile("(rule|pattern|words|fragment|set)\\s+(\\S+)(?:\\s+(.*))?");

        private final Map<String, String> families = new HashMap<>();
        private final Map<String, List<Rule>> rulesByFile = new HashMap<>();
        private final Map<String, Pattern> patterns = new HashMap<>();
        /** Each pattern's lines indexed for word starts, by the pattern itself. */
        private final Map<Pattern, Phrases> phrasesOfPatterns = new java.util.IdentityHashMap<>();
        private final Map<String, Set<String>> sets = new HashMap<>();
        private final Set<String> names = new LinkedHashSet<>();
        private final String directory;

        Lexicon(String directory) {
            this.directory = directory;
        }

        /** One entry being read: its header line and its pattern lines. */
        private record Entry(String resource, int line, String kind, String name, String rest, List<String> lines,
                             List<Integer> lineNumbers) {

            IllegalStateException error(String message) {
                return new IllegalStateException(resource + ":" + line + ": " + kind + " '" + name + "': " + message);
            }
        }

        void read(String resource, String file, String text) {
            List<Rule> rules = rulesByFile.computeIfAbsent(file, f -> new ArrayList<>());
            Entry entry = null;
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String raw = lines[i].replace("\r", "");
                String line = raw.trim();
                int number = i + 1;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (Character.isWhitespace(raw.charAt(0))) {
                    if (entry == null) {
                        throw new IllegalStateException(resource + ":" + number + ": a pattern line before any entry"
                                + " (start an entry with rule, pattern, words, fragment or set)");
                    }
                    entry.lines().add(line);
                    entry.lineNumbers().add(number);
                    continue;
                }
                finish(entry, rules);
                Matcher header = HEADER.matcher(line);
                if (!header.matches()) {
                    throw new IllegalStateException(resource + ":" + number + ": expected an entry (rule, pattern, words,"
                            + " fragment or set followed by a name) or an indented pattern line, found: " + line);
                }
                entry = new Entry(resource, number, header.group(1), header.group(2),
                        header.group(3) == null ? "" : header.group(3).trim(), new ArrayList<>(), new ArrayList<>());
                if (!names.add(entry.name())) {
                    throw entry.error("defined twice");
                }
            }
            finish(entry, rules);
        }

        private void finish(Entry entry, List<Rule> rules) {
            if (entry == null) {
                return;
            }
            if (entry.lines().isEmpty()) {
                throw entry.error("has no lines under it");
            }
            switch (entry.kind()) {
                case "words" -> families.put(entry.name(), byFirstLetter(expanded(entry)));
                case "fragment" -> families.put(entry.name(), String.join("|", expanded(entry)));
                case "set" -> sets.put(entry.name(), Set.copyOf(entry.lines()));
                case "pattern" -> {
                    Phrases phrases = phrases(entry);
                    patterns.put(entry.name(), phrases.pattern());
                    phrasesOfPatterns.put(phrases.pattern(), phrases);
                }
                case "rule" -> rules.add(rule(entry));
                default -> throw entry.error("unknown kind of entry");
            }
            if (!entry.rest().isEmpty() && !entry.kind().equals("rule")) {
                throw entry.error("takes only a name, found: " + entry.rest());
            }
        }

        /** The entry's lines with every {family} replaced by its alternation; each line must compile on its own. */
        private List<String> expanded(Entry entry) {
            List<String> out = new ArrayList<>(entry.lines().size());
            for (int i = 0; i < entry.lines().size(); i++) {
                int number = entry.lineNumbers().get(i);
                Matcher reference = REFERENCE.matcher(entry.lines().get(i));
                StringBuilder line = new StringBuilder();
                while (reference.find()) {
                    String family = families.get(reference.group(1));
                    if (family == null) {
                        throw new IllegalStateException(entry.resource() + ":" + number + ": unknown word family {"
                                + reference.group(1) + "} (families are defined in words.lexicon, before they are used)");
                    }
                    reference.appendReplacement(line, Matcher.quoteReplacement(family));
                }
                reference.appendTail(line);
                String regex = line.toString();
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(entry.resource() + ":" + number + ": bad regular expression in "
                            + entry.kind() + " '" + entry.name() + "': " + e.getDescription() + " near index " + e.getIndex()
                            + " of: " + entry.lines().get(i), e);
                }
                out.add(regex);
            }
            return out;
        }

        /** The entry's lines as one alternation, indexed by first character for word starts ({@link Phrases}). */
        private Phrases phrases(Entry entry) {
            try {
                return Phrases.of(expanded(entry));
            } catch (PatternSyntaxException e) {
                throw entry.error("its lines do not compile together: " + e.getDescription());
            }
        }

        /** {@code rule <signal> <cause:X|anger:X|root:X> <weight> [<guard>]} */
        private Rule rule(Entry entry) {
            String[] parts = entry.rest().split("\\s+");
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
                throw entry.error("expected: rule <signal> <points-to> <weight> [<guard>], found: rule "
                        + entry.name() + " " + entry.rest());
            }
            String indicates = parts[0];
            checkTarget(entry, indicates);
            double weight;
            try {
                weight = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw entry.error("weight is not a number: " + parts[1]);
            }
            Guard guard = Guard.ANY;
            if (parts.length == 3) {
                try {
                    guard = Guard.valueOf(parts[2].toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw entry.error("unknown guard " + parts[2]
                            + " (not-negated, own-words, own-not-negated, narrated, or none for any match)");
                }
            }
            return new Rule(entry.name(), indicates, weight, guard, phrases(entry));
        }

        private static void checkTarget(Entry entry, String indicates) {
            int colon = indicates.indexOf(':');
            String kind = colon < 0 ? indicates : indicates.substring(0, colon);
            String value = colon < 0 ? "" : indicates.substring(colon + 1);
            Class<? extends Enum<?>> type = switch (kind) {
                case "cause" -> Cause.class;
                case "anger" -> Anger.class;
                case "root" -> RootCause.class;
                default -> throw entry.error("points to " + indicates + "; expected cause:<Cause>, anger:<Anger> or root:<RootCause>");
            };
            List<String> known = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            if (!known.contains(value)) {
                throw entry.error("points to unknown " + kind + " '" + value + "' (one of " + known + ")");
            }
        }

        List<Rule> rules(String file, String prefix) {
            List<Rule> rules = rulesByFile.getOrDefault(file, List.of());
            for (Rule rule : rules) {
                if (!rule.indicates().startsWith(prefix)) {
                    throw new IllegalStateException(directory + file + ": rule '" + rule.signal() + "' points to "
                            + rule.indicates() + "; every rule of " + file + " points to " + prefix + "<...>");
                }
            }
            if (rules.isEmpty()) {
                throw new IllegalStateException(directory + file + " has no rules");
            }
            return List.copyOf(rules);
        }

        Rule rule(String file, String signal) {
            return rulesByFile.getOrDefault(file, List.of()).stream().filter(r -> r.signal().equals(signal)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(directory + file + " has no rule '" + signal + "'"));
        }

        Pattern pattern(String name) {
            Pattern pattern = patterns.get(name);
            if (pattern == null) {
                throw new IllegalStateException(directory + "cues.lexicon has no pattern '" + name + "'");
            }
            return pattern;
        }

        Set<String> set(String name) {
            Set<String> set = sets.get(name);
            if (set == null) {
                throw new IllegalStateException(directory + "cues.lexicon has no set '" + name + "'");
            }
            return set;
        }
    }
}
