package com.makeitright.triage.classify;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.RootCause;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import static com.makeitright.events.Cause.SUSPECTED_ABUSE;
import static com.makeitright.events.Cause.UNREASONABLE;

/**
 * Reads a complaint and decides cause, anger and root cause. The hand-written {@link Rules} find the evidence
 * (signals quoting the customer's words); a small learned linear model ({@link TriageModel}, weights in one
 * readable file) weighs the signals, cue families and words to decide the cause and the anger level; ordinal
 * guards keep the anger level within one step of what the signals allow. It also says why a human should look
 * when it is unsure. Pure, thread-safe, no I/O after start-up: well under a millisecond per complaint.
 */
public final class Classifier {

    /** Below this cause probability triage asks for human review instead of guessing. */
    static final double LOW_CONFIDENCE = 0.40;
    /** Fewer words than this in the description are too little to go on. */
    static final int MIN_WORDS = 6;
    /** However sure the model is, two or three words never give more than this confidence in a cause. */
    static final double SHORT_TEXT_MAX_CONFIDENCE = 0.35;
    /** A second cause at least this likely relative to the first, each with its own evidence, is a contradiction. */
    static final double CONTRADICTION_RATIO = 0.5;

    private final TriageModel model;
    private final Rules rules;
    /** Divides the cause scores before the softmax, so that causeConfidence means what it says (calibration). */
    private final double causeTemperature;

    /** The shipped model, calibration and lexicon, read and compiled once (a broken lexicon fails here, at start-up). */
    public Classifier() {
        this(TriageModel.standard(), Rules.standard(), TriageModel.causeTemperature());
    }

    Classifier(TriageModel model) {
        this(model, Rules.standard(), 1.0);
    }

    Classifier(TriageModel model, Rules rules, double causeTemperature) {
        this.model = model;
        this.rules = rules;
        this.causeTemperature = causeTemperature;
    }

    /** The scores divided by the temperature (above 1 softens overconfident probabilities). */
    static double[] tempered(double[] scores, double temperature) {
        double[] t = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            t[i] = scores[i] / temperature;
        }
        return t;
    }

    /** What the rules found in one complaint: the texts and the evidence, before anything is decided. */
    record Reading(Text full, Text spoken, Text description, List<Evidence> causeEvidence,
                   List<Evidence> angerEvidence) {
    }

    public Classification classify(ComplaintText complaint, History history) {
        return decide(read(rules, complaint, history == null ? History.NONE : history), complaint);
    }

    /**
     * The verdict on what {@link #read} found in {@code complaint} with this classifier's lexicon. Apart from
     * {@link #classify} only the tests call it: they read the corpus once and decide with many models (reading is
     * most of a classification's time).
     */
    Classification decide(Reading reading, ComplaintText complaint) {
        List<String> features = features(reading);
        List<Evidence> causeEvidence = reading.causeEvidence();
        List<Evidence> angerEvidence = reading.angerEvidence();

        TriageModel.Head causeHead = model.head("cause");
        double[] scores = causeHead.scores(features);
        int abuse = causeHead.classes().indexOf(SUSPECTED_ABUSE.name());
        for (Evidence e : causeEvidence) {
            if (Rules.HISTORY_SIGNALS.contains(e.signal())) {
                // The corpus has no history, so these few weights are hand-set: they shift the abuse score.
                scores[abuse] += e.weight();
            }
        }
        double[] p = TriageModel.probabilities(tempered(scores, causeTemperature));
        int[] order = ranked(p);
        Cause cause = Cause.valueOf(causeHead.classes().get(order[0]));
        Cause runnerUp = Cause.valueOf(causeHead.classes().get(order[1]));
        double causeConfidence = p[order[0]];

        AngerVerdict angerVerdict = anger(features, angerEvidence);
        Anger anger = angerVerdict.level();
        double angerConfidence = angerVerdict.confidence();

        List<Evidence> shown = new ArrayList<>(causeEvidence.size());
        for (Evidence e : causeEvidence) {
            shown.add(learnedWeight(causeHead, e));
        }

        List<String> review = new ArrayList<>();
        int words = reading.description().words().size();
        if (words < MIN_WORDS) {
            review.add("Very short complaint (" + words + " word" + (words == 1 ? "" : "s")
                    + "): too little to go on, a person should read it before anyone acts.");
            causeConfidence = Math.min(causeConfidence * 0.5, SHORT_TEXT_MAX_CONFIDENCE);
            angerConfidence *= 0.6;
        }
        Languages.Language language = Languages.standard().detect(reading.description());
        if (!language.english()) {
            review.add("Written in " + language.name() + " (" + language.code() + "): a person who reads it should answer;"
                    + " triage's English rules could not read it and drafted no cause-specific apology.");
            causeConfidence *= 0.4;
            angerConfidence *= 0.4;
        } else if (!looksEnglish(reading.description(), rules)) {
            review.add("The complaint does not seem to be in English, so the wording could not be read reliably.");
            causeConfidence *= 0.4;
            angerConfidence *= 0.4;
        }
        // Contradiction is judged on what the rules found, with their hand-set weights: the learned model puts most of
        // its weight on words, so its signal weights understate how much evidence each side has.
        Cause rival = strongestRival(causeEvidence, cause);
        if (rival != null && support(causeEvidence, cause) >= Rules.SUPPORTING_WEIGHT) {
            review.add("Contradictory signals: " + describe(cause, causeEvidence) + " but also " + describe(rival, causeEvidence) + ".");
        } else if (p[order[1]] >= CONTRADICTION_RATIO * p[order[0]] && support(causeEvidence, cause) >= Rules.SUPPORTING_WEIGHT
                && support(causeEvidence, runnerUp) >= Rules.SUPPORTING_WEIGHT) {
            review.add("Contradictory signals: " + describe(cause, causeEvidence) + " but also " + describe(runnerUp, causeEvidence) + ".");
        }
        if (causeConfidence < LOW_CONFIDENCE && review.isEmpty()) {
            review.add(String.format(Locale.ROOT, "Low confidence in the cause (%.0f%%): the complaint gives little"
                    + " evidence either way.", causeConfidence * 100));
        }

        List<Evidence> signals = new ArrayList<>(shown.size() + angerEvidence.size());
        signals.addAll(shown);
        signals.addAll(angerEvidence);
        // The runner-up keeps its ratio to the winner when the winner's confidence was lowered above.
        double runnerUpConfidence = p[order[1]] * causeConfidence / p[order[0]];
        return new Classification(cause, round(causeConfidence), anger, round(angerConfidence), List.copyOf(signals),
                rootCause(rules, reading.full(), cause, shown), List.copyOf(review),
                keyPhrase(reading.description(), complaint.subject(), cause, shown, angerEvidence),
                runnerUp, round(runnerUpConfidence), language.code());
    }

    /** Runs every rule over the complaint: the evidence the model weighs and the agent sees. */
    static Reading read(Rules rules, ComplaintText complaint, History known) {
        String spokenText = complaint.subject() + "\n" + complaint.description();
        Text spoken = new Text(spokenText);
        Text full = new Text(complaint.desiredOutcome() == null ? spokenText
                : spokenText + "\n" + complaint.desiredOutcome());
        Text description = new Text(complaint.description());

        List<Evidence> causeEvidence = new ArrayList<>();
        for (Rule rule : rules.causeRules) {
            add(causeEvidence, rule.firstMatch(full));
        }
        causeEvidence.addAll(computedCauseSignals(rules, full, complaint, known));

        List<Evidence> angerEvidence = new ArrayList<>();
        for (Rule rule : rules.angerRules) {
            add(angerEvidence, rule.firstMatch(spoken));
        }
        angerEvidence.addAll(computedAngerSignals(rules, spoken));
        Evidence badDay = first(causeEvidence, "bad-day", "apologises-for-tone", "bad-mood-named");
        if (badDay != null) {
            angerEvidence.add(new Evidence("bad-day-mood", badDay.evidence(), Rules.BAD_DAY_MOOD, "anger:" + Anger.UPSET));
        }
        if (angerEvidence.stream().anyMatch(e -> e.signal().equals("sarcasm"))) {
            // "Thanks a lot" in a sarcastic complaint is not courtesy.
            angerEvidence.removeIf(e -> e.signal().equals("polite"));
        }
        boolean loud = angerEvidence.stream().filter(e -> !e.indicates().equals("anger:" + Anger.UPSET))
                .mapToDouble(Evidence::weight).sum() >= Rules.ANGER_THRESHOLD;
        causeEvidence.addAll(combinedCauseSignals(causeEvidence, loud));
        return new Reading(full, spoken, description, causeEvidence, angerEvidence);
    }

    /**
     * The model's inputs, sorted: every signal that fired ({@code sig:}), the hand rules' own cause vote
     * ({@code rules:}), a few counts ({@code x:}), and the words and word pairs of the complaint ({@code w:},
     * {@code b:}; quoted words, someone else's, as {@code q:}). History signals are left out: the corpus has none, they are added by hand.
     */
    static List<String> features(Reading reading) {
        java.util.TreeSet<String> features = new java.util.TreeSet<>();
        for (Evidence e : reading.causeEvidence()) {
            if (!Rules.HISTORY_SIGNALS.contains(e.signal())) {
                features.add("sig:" + e.signal());
            }
        }
        for (Evidence e : reading.angerEvidence()) {
            features.add("sig:" + e.signal());
        }
        boolean anyCauseSignal = reading.causeEvidence().stream()
                .anyMatch(e -> e.indicates().startsWith("cause:") && !Rules.HISTORY_SIGNALS.contains(e.signal()));
        // With no cause signal at all the rules' vote is only their prior; say so instead of voting OUR_ERROR.
        features.add(anyCauseSignal ? "rules:" + ruleVote(reading.causeEvidence()) : "rules:no-cause-signal");
        features.add("rules:" + ruleBasedAnger(reading.angerEvidence()));
        String original = reading.spoken().original;
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            exclamations += c == '!' && !reading.spoken().quotedAt(i) ? 1 : 0;
            questions += c == '?' ? 1 : 0;
        }
        features.add("x:exclamations=" + Math.min(exclamations, 3));
        features.add("x:questions=" + Math.min(questions, 2));
        // Quoted words belong to whoever said them: they are features of their own (q:), not the customer's words.
        List<String> words = reading.full().speakerWords();
        String previous = "^";
        for (String word : words) {
            if (word.charAt(0) == '"') {
                features.add("q:" + word.substring(1));
                previous = "\"";
                continue;
            }
            features.add("w:" + word);
            features.add("b:" + previous + "_" + word);
            previous = word;
        }
        return List.copyOf(features);
    }

    /** The cause the hand-set rule weights alone would pick (the classifier before the model): one input among many. */
    static Cause ruleVote(List<Evidence> causeEvidence) {
        Map<Cause, Double> scores = new EnumMap<>(Cause.class);
        Rules.CAUSE_PRIOR.forEach(scores::put);
        for (Evidence e : causeEvidence) {
            if (e.indicates().startsWith("cause:") && !Rules.HISTORY_SIGNALS.contains(e.signal())) {
                scores.merge(Cause.valueOf(e.indicates().substring("cause:".length())), e.weight(), Double::sum);
            }
        }
        return scores.entrySet().stream().max(Map.Entry.<Cause, Double>comparingByValue()
                .thenComparing(en -> -en.getKey().ordinal())).orElseThrow().getKey();
    }

    /** An anger level with how sure triage is of it. */
    record AngerVerdict(Anger level, double confidence) {
    }

    /**
     * Anger from the model, kept on the ordinal scale by guards: HOSTILE needs abuse or a threat aimed at us,
     * abuse or any threat is never read as less than ANGRY, and shouting, swearing, "!!", sarcasm or disappointment is never CALM.
     */
    AngerVerdict anger(List<String> features, List<Evidence> angerEvidence) {
        TriageModel.Head head = model.head("anger");
        double[] p = TriageModel.probabilities(head.scores(features));
        Anger lowest = Anger.CALM;
        Anger highest = Anger.HOSTILE;
        boolean abuse = angerEvidence.stream().anyMatch(e -> Rules.ABUSE_SIGNALS.contains(e.signal()));
        boolean threat = angerEvidence.stream().anyMatch(e -> Rules.THREAT_SIGNALS.contains(e.signal()));
        boolean notCalm = angerEvidence.stream().anyMatch(e -> Rules.NEVER_CALM_SIGNALS.contains(e.signal()));
        if (!abuse && !threat) {
            highest = Anger.ANGRY;
        } else {
            // Abuse or a threat aimed at us is never read as calm or merely upset.
            lowest = Anger.ANGRY;
        }
        if (lowest == Anger.CALM && notCalm) {
            lowest = Anger.UPSET;
        }
        int best = -1;
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            Anger level = Anger.valueOf(head.classes().get(i));
            if (level.ordinal() >= lowest.ordinal() && level.ordinal() <= highest.ordinal()) {
                total += p[i];
                if (best < 0 || p[i] > p[best]) {
                    best = i;
                }
            }
        }
        return new AngerVerdict(Anger.valueOf(head.classes().get(best)), clamp(p[best] / total, 0.3, 0.99));
    }

    private static int[] ranked(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a]));
        int[] order = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = idx[i];
        }
        return order;
    }

    /** The signal as evidence with the weight the model gives it for the cause it points to. */
    private static Evidence learnedWeight(TriageModel.Head head, Evidence e) {
        if (Rules.HISTORY_SIGNALS.contains(e.signal()) || !e.indicates().startsWith("cause:")) {
            return e;
        }
        double w = head.weight("sig:" + e.signal(), e.indicates().substring("cause:".length()));
        return new Evidence(e.signal(), e.evidence(), round(w), e.indicates());
    }

    /** The summed (hand-set) weight of the signals pointing to this cause. */
    private static double support(List<Evidence> evidence, Cause cause) {
        return evidence.stream().filter(e -> e.indicates().equals("cause:" + cause) && e.weight() > 0)
                .mapToDouble(Evidence::weight).sum();
    }

    /** Another cause whose own signals are strong ({@link Rules#RIVAL_SUPPORT}) although the model chose otherwise. */
    private static Cause strongestRival(List<Evidence> evidence, Cause chosen) {
        Cause rival = null;
        double best = Rules.RIVAL_SUPPORT;
        for (Cause other : Cause.values()) {
            double s = support(evidence, other);
            if (other != chosen && s >= best) {
                rival = other;
                best = s;
            }
        }
        return rival;
    }

    // ---------------------------------------------------------------------------------------------------

    /** Signals that look at more than one phrase, or at the customer's history. */
    private static List<Evidence> computedCauseSignals(Rules rules, Text text, ComplaintText complaint, History history) {
        List<Evidence> found = new ArrayList<>();
        Evidence neverArrived = rules.neverArrived.firstMatch(text);
        add(found, neverArrived);
        List<int[]> repeats = text.matches(rules.phrases(rules.repeat), 1);
        boolean repeated = !repeats.isEmpty();
        int repeatAt = repeated ? repeats.get(0)[0] : 0;
        // A fourth "never arrived" in a year is a pattern, not bad luck (issue #6).
        if (neverArrived != null && repeated) {
            found.add(new Evidence("repeated-never-arrived", text.sentenceAt(repeatAt), 1.3,
                    "cause:" + SUSPECTED_ABUSE));
        } else if (repeated && missingOrColdAgain(rules, text)) {
            // The same "missing item" claim order after order reads like a routine, not an accident.
            boolean counted = !text.matches(rules.phrases(rules.counted), 1).isEmpty();
            found.add(new Evidence("repeated-missing-claim", text.sentenceAt(repeatAt), counted ? 1.2 : 0.7,
                    "cause:" + SUSPECTED_ABUSE));
        }
        Evidence worn = wornThenReturned(rules, text);
        add(found, worn);

        if (neverArrived != null && history.neverArrived() >= 3) {
            found.add(new Evidence("history-never-arrived", history.neverArrived()
                    + " earlier never-arrived claims in the last 12 months", Rules.HISTORY_NEVER_ARRIVED, "cause:" + SUSPECTED_ABUSE));
        }
        if (history.refunds() >= 3) {
            found.add(new Evidence("history-refunds", history.refunds() + " refunds in the last 12 months",
                    Rules.HISTORY_REFUNDS, "cause:" + SUSPECTED_ABUSE));
        }
        // A long-standing customer's first complaint in a year deserves the benefit of the doubt.
        if (history.complaints() == 0 && history.customerSince() != null && complaint.receivedOn() != null
                && Period.between(history.customerSince(), complaint.receivedOn()).getYears() >= 3) {
            found.add(new Evidence("long-time-customer-first-complaint", "customer since " + history.customerSince(),
                    Rules.LOYAL_FIRST_COMPLAINT, "cause:" + SUSPECTED_ABUSE));
        }

        List<int[]> urgent = text.matches(rules.phrases(rules.safetyOrLegal), 1);
        if (!urgent.isEmpty()) {
            // Health, safety and legal threats are answered first, whatever the cause turns out to be.
            found.add(new Evidence("safety-or-legal", text.sentenceAt(urgent.get(0)[0]), 1.0, "priority:P1_URGENT"));
        }

        BigDecimal asked = rules.demandedAmounts(text.lower).stream().max(Comparator.naturalOrder()).orElse(null);
        if (asked != null) {
            BigDecimal paid = complaint.orderAmount();
            boolean outOfProportion = paid != null && paid.signum() > 0
                    ? asked.compareTo(paid.multiply(BigDecimal.valueOf(20))) >= 0 && asked.compareTo(BigDecimal.valueOf(100)) >= 0
                    : asked.compareTo(BigDecimal.valueOf(2000)) >= 0;
            if (outOfProportion) {
                found.add(new Evidence("disproportionate-demand", "asks for " + asked.toPlainString()
                        + (paid != null ? " on an order of " + paid.toPlainString() : ""), 1.2, "cause:" + UNREASONABLE));
            }
        }
        return found;
    }

    /** Signals that only mean something together. */
    private static List<Evidence> combinedCauseSignals(List<Evidence> found, boolean loud) {
        List<Evidence> combined = new ArrayList<>();
        Evidence unaware = first(found, "belief-mismatch", "did-not-know", "nobody-told-me");
        Evidence policy = first(found, "policy-topic");
        if (unaware != null && policy != null) {
            // Not knowing about a fee, term or limit is the very shape of a misunderstood policy.
            combined.add(new Evidence("unaware-of-policy", unaware.evidence() + " … " + policy.evidence(), 0.6,
                    "cause:" + Cause.MISUNDERSTANDING));
        }
        Evidence trivial = first(found, "trivial-trigger");
        Evidence elsewhere = first(found, "bad-day", "last-straw");
        if (loud && trivial != null && elsewhere != null) {
            // Loud anger at a small thing, right after other troubles: the anger is out of proportion to us.
            combined.add(new Evidence("anger-out-of-proportion", trivial.evidence(), 0.6,
                    "cause:" + Cause.MISPLACED_HOSTILITY));
        }
        return combined;
    }

    private static Evidence first(List<Evidence> found, String... signals) {
        for (String signal : signals) {
            for (Evidence e : found) {
                if (e.signal().equals(signal)) {
                    return e;
                }
            }
        }
        return null;
    }

    private static boolean missingOrColdAgain(Rules rules, Text text) {
        return !text.matches(rules.phrases(rules.missingOrCold), 1).isEmpty() && !text.matches(rules.phrases(rules.recently), 1).isEmpty()
                && !text.matches(rules.phrases(rules.refund), 1).isEmpty();
    }

    private static final java.util.regex.Pattern NON_WORD = Rules.p("[^\\p{L}0-9']+");
    private static final java.util.regex.Pattern TRAILING_PUNCTUATION = Rules.p("[!?.]+$");
    private static final java.util.regex.Pattern SPACES = Rules.p("\\s+");
    private static final java.util.regex.Pattern LEADING_GREETING = java.util.regex.Pattern.compile(
            "^(hello|hi|hey|dear (team|sir|madam|sirs|all)|good (morning|afternoon|evening)|greetings)\\b[^,.!]{0,20}[,.!]\\s*",
            java.util.regex.Pattern.CASE_INSENSITIVE);


    /** An item bought for an event, used at it, and now returned as faulty for the money (wardrobing). */
    private static Evidence wornThenReturned(Rules rules, Text text) {
        List<int[]> events = text.matches(rules.phrases(rules.event), 5);
        if (events.isEmpty() || text.matches(rules.phrases(rules.returnForRefund), 1).isEmpty()
                || text.matches(rules.phrases(rules.defectAfterUse), 1).isEmpty() || text.lower.contains("never arrived")) {
            return null;
        }
        for (int[] event : events) {
            String sentence = text.sentenceAt(event[0]).toLowerCase(Locale.ROOT);
            String after = text.lower.substring(event[0]);
            if (rules.used.matcher(sentence).find() && rules.returnForRefund.matcher(after).find()
                    && rules.defectAfterUse.matcher(after).find()) {
                return new Evidence("worn-then-returned", text.sentenceAt(event[0]), 1.5, "cause:" + SUSPECTED_ABUSE);
            }
        }
        return null;
    }

    private static List<Evidence> computedAngerSignals(Rules rules, Text text) {
        List<Evidence> found = new ArrayList<>();
        String original = text.original;
        // Single exclamation marks (not runs, not "Thanks!"): raised voice, weaker than a run.
        int single = 0;
        for (int i = 0; i < original.length(); i++) {
            // An exclamation mark inside quoted words ('Yay! It's on its way!') is someone else's voice, not theirs.
            if (original.charAt(i) == '!' && !text.quotedAt(i)) {
                boolean run = (i > 0 && (original.charAt(i - 1) == '!' || original.charAt(i - 1) == '?'))
                        || (i + 1 < original.length() && (original.charAt(i + 1) == '!' || original.charAt(i + 1) == '?'));
                String before = text.lower.substring(Math.max(0, i - 12), i);
                boolean friendly = rules.friendlyEnd.matcher(before).find();
                if (!run && !friendly) {
                    single++;
                }
            }
        }
        if (single > 0) {
            found.add(new Evidence("exclamation", single + " exclamation mark" + (single > 1 ? "s" : ""),
                    single >= 2 ? 1.0 : 0.6, "anger:" + Anger.ANGRY));
        }
        // Words in capitals are shouting; a whole sentence in capitals is shouting loudly.
        List<String> capitals = new ArrayList<>();
        int letters = 0;
        int upper = 0;
        for (String word : NON_WORD.split(original)) {
            if (word.length() >= 3 && word.chars().anyMatch(Character::isLetter)
                    && word.equals(word.toUpperCase(Locale.ROOT)) && !rules.notShouting.contains(word)
                    && word.chars().filter(Character::isLetter).count() >= 3) {
                capitals.add(word);
            }
            for (char c : word.toCharArray()) {
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
            }
        }
        if (letters > 20 && upper > letters * 0.7) {
            found.add(new Evidence("shouting", String.join(" ", capitals.subList(0, Math.min(6, capitals.size()))),
                    1.4, "anger:" + Anger.ANGRY));
        } else if (capitals.size() >= 3) {
            found.add(new Evidence("shouting", String.join(" ", capitals.subList(0, Math.min(6, capitals.size()))),
                    1.0, "anger:" + Anger.ANGRY));
        } else if (!capitals.isEmpty()) {
            found.add(new Evidence("capitals", String.join(" ", capitals), 0.5, "anger:" + Anger.ANGRY));
        }
        // Courtesy softens a lone exclamation mark; it does not cancel outrage.
        List<int[]> polite = text.matches(rules.phrases(rules.polite), 2);
        int courtesies = polite.size();
        String firstCourtesy = courtesies == 0 ? null : text.slice(polite.get(0)[0], polite.get(0)[1]);
        if (courtesies > 0) {
            found.add(new Evidence("polite", firstCourtesy, courtesies >= 2 ? -0.5 : -0.3, "anger:" + Anger.CALM));
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------------

    private static RootCause rootCause(Rules rules, Text text, Cause cause, List<Evidence> causeEvidence) {
        Map<RootCause, Double> scores = new EnumMap<>(RootCause.class);
        for (Rule rule : rules.rootCauseRules) {
            int hits = text.matches(rule.phrases(), 3).size();
            if (hits > 0) {
                scores.merge(RootCause.valueOf(rule.indicates().substring("root:".length())), rule.weight() * hits, Double::sum);
            }
        }
        boolean has = causeEvidence.stream().anyMatch(e -> e.signal().equals("blames-the-uncontrollable"));
        switch (cause) {
            // A misunderstood policy is the policy's wording to fix, unless a salesperson promised it.
            case MISUNDERSTANDING -> scores.merge(RootCause.UNCLEAR_POLICY, 3.5, Double::sum);
            // Weather, luck and taste are nothing of ours to fix.
            case UNREASONABLE -> {
                if (has) {
                    scores.merge(RootCause.EXTERNAL, 2.0, Double::sum);
                }
            }
            // A "never arrived" claim is about delivery; a worn item is about the product claimed faulty.
            case SUSPECTED_ABUSE -> {
                if (causeEvidence.stream().anyMatch(e -> e.signal().contains("never-arrived"))) {
                    scores.merge(RootCause.DELIVERY, 2.0, Double::sum);
                } else {
                    scores.merge(RootCause.PRODUCT_QUALITY, 2.0, Double::sum);
                }
            }
            default -> {
            }
        }
        if (cause == Cause.OUR_ERROR || cause == Cause.MISPLACED_HOSTILITY) {
            scores.remove(RootCause.EXTERNAL);
        }
        if (cause == Cause.OUR_ERROR && causeEvidence.stream().anyMatch(e -> e.signal().equals("wrong-item")
                || e.signal().equals("missing-part"))) {
            scores.merge(RootCause.PACKING_ERROR, 1.0, Double::sum);
        }
        return scores.entrySet().stream().filter(e -> e.getValue() > 0)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(RootCause.OTHER);
    }

    /** The customer's own sentence that best names the problem; never one with an insult or a threat. */
    private static String keyPhrase(Text description, String subject, Cause cause, List<Evidence> causeEvidence,
                                    List<Evidence> angerEvidence) {
        List<String> sentences = description.sentences();
        String best = null;
        double bestScore = 0;
        for (String sentence : sentences) {
            String lower = sentence.toLowerCase(Locale.ROOT);
            boolean abusive = angerEvidence.stream().anyMatch(e -> e.indicates().equals("anger:HOSTILE")
                    && !e.evidence().isBlank() && lower.contains(e.evidence().toLowerCase(Locale.ROOT)));
            if (abusive || sentence.length() < 8) {
                continue;
            }
            double score = 0;
            for (Evidence e : causeEvidence) {
                if (!e.evidence().isBlank() && lower.contains(e.evidence().toLowerCase(Locale.ROOT))) {
                    score += e.indicates().equals("cause:" + cause) ? e.weight() : e.weight() * 0.3;
                }
            }
            if (best == null || score > bestScore) {
                best = sentence;
                bestScore = score;
            }
        }
        String phrase = best == null ? subject : best;
        phrase = SPACES.matcher(TRAILING_PUNCTUATION.matcher(phrase).replaceAll("")).replaceAll(" ").trim();
        // "Hello, my order arrived broken" is quoted back as "my order arrived broken": a greeting is not the problem.
        String withoutGreeting = LEADING_GREETING.matcher(phrase).replaceFirst("");
        if (withoutGreeting.length() >= 8) {
            phrase = withoutGreeting;
        }
        if (phrase.length() > 160) {
            int cut = phrase.lastIndexOf(' ', 157);
            phrase = phrase.substring(0, cut > 60 ? cut : 157) + "…";
        }
        return phrase;
    }

    private static boolean looksEnglish(Text text, Rules rules) {
        List<String> words = text.words();
        if (words.size() < 3) {
            return true; // too short to tell; the short-text reason covers it
        }
        long english = words.stream().filter(rules.english::contains).count();
        long letters = text.original.chars().filter(Character::isLetter).count();
        long latin = text.original.chars().filter(c -> c < 0x250 && Character.isLetter(c)).count();
        return english >= Math.max(1, words.size() * 0.12) && latin >= letters * 0.7;
    }

    private static String describe(Cause cause, List<Evidence> evidence) {
        List<String> words = evidence.stream().filter(e -> e.indicates().equals("cause:" + cause) && e.weight() > 0)
                .sorted(Comparator.comparingDouble(Evidence::weight).reversed()).limit(2)
                .map(e -> "\"" + e.evidence() + "\"").toList();
        return cause + (words.isEmpty() ? "" : " (" + String.join(", ", words) + ")");
    }

    /** The hand-set anger rules alone (the classifier before the model), kept to compare against. */
    static Anger ruleBasedAnger(List<Evidence> angerEvidence) {
        Map<Anger, Double> levels = new EnumMap<>(Anger.class);
        for (Evidence e : angerEvidence) {
            levels.merge(Anger.valueOf(e.indicates().substring("anger:".length())), e.weight(), Double::sum);
        }
        double hostile = levels.getOrDefault(Anger.HOSTILE, 0.0);
        double angry = levels.getOrDefault(Anger.ANGRY, 0.0) + levels.getOrDefault(Anger.CALM, 0.0);
        double upset = levels.getOrDefault(Anger.UPSET, 0.0);
        if (hostile >= Rules.ANGER_THRESHOLD) {
            return Anger.HOSTILE;
        } else if (angry + hostile / 2 >= Rules.ANGER_THRESHOLD) {
            return Anger.ANGRY;
        } else if (upset >= Rules.UPSET_THRESHOLD || angry >= Rules.UPSET_THRESHOLD) {
            return Anger.UPSET;
        }
        return Anger.CALM;
    }

    private static void add(List<Evidence> list, Evidence evidence) {
        if (evidence != null) {
            list.add(evidence);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
