package com.makeitright.intake.contacts;

import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ContactMatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one rule that decides whether a new complaint is a repeat contact about one of the customer's open cases (the
 * customer id must be the same; the caller only offers that customer's cases): the same helpdesk ticket, else the same
 * order, else (when {@code subject-similarity} is on) a subject at least that similar to the subject of a case the
 * customer wrote about within {@code subject-window}. Among several, the strongest reason wins, then the most
 * similar subject, then the most recently contacted case.
 */
public final class ContactRule {

    /** Words kept of a subject: enough for any subject line, and a bound on what an open case stores. */
    public static final int MAX_WORDS = 32;
    private static final int MAX_WORD_LENGTH = 40;
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOPWORDS = stopwords();
    /** The reasons, strongest first. */
    private static final List<ContactMatch> STRENGTH = List.of(ContactMatch.SAME_TICKET, ContactMatch.SAME_ORDER,
            ContactMatch.SIMILAR_SUBJECT);

    private final double subjectSimilarity;
    private final long subjectWindowMillis;

    public ContactRule(RepeatContactProperties properties) {
        this.subjectSimilarity = properties.subjectSimilarity();
        this.subjectWindowMillis = properties.subjectWindow().toMillis();
    }

    private record Candidate(OpenCase open, ContactMatch by, double similarity) {
    }

    public Optional<OpenCaseMatch> match(ComplaintReceived incoming, List<OpenCase> open) {
        String customerId = OpenCase.customerId(incoming);
        if (customerId == null) {
            return Optional.empty();
        }
        OpenCase contact = OpenCase.of(incoming);
        return open.stream()
                .filter(candidate -> customerId.equals(candidate.customerId()))
                .filter(candidate -> !candidate.complaintId().equals(incoming.getComplaintId()))
                .map(candidate -> judge(contact, candidate))
                .filter(Objects::nonNull)
                .min(Comparator.comparingInt((Candidate c) -> STRENGTH.indexOf(c.by()))
                        .thenComparing(Candidate::similarity, Comparator.reverseOrder())
                        .thenComparing(c -> c.open().lastContactAt(), Comparator.reverseOrder()))
                .map(best -> new OpenCaseMatch(best.open().complaintId(), best.by()));
    }

    private Candidate judge(OpenCase contact, OpenCase open) {
        if (contact.externalTicketId() != null && contact.externalTicketId().equals(open.externalTicketId())
                && Objects.equals(contact.externalSystem(), open.externalSystem())) {
            return new Candidate(open, ContactMatch.SAME_TICKET, 1);
        }
        if (contact.orderId() != null && contact.orderId().equals(open.orderId())) {
            return new Candidate(open, ContactMatch.SAME_ORDER, 1);
        }
        if (subjectSimilarity > 0 && contact.lastContactAt() - open.lastContactAt() <= subjectWindowMillis) {
            double similarity = similarity(contact.subjectWords(), open.subjectWords());
            if (similarity >= subjectSimilarity) {
                return new Candidate(open, ContactMatch.SIMILAR_SUBJECT, similarity);
            }
        }
        return null;
    }

    /** Jaccard similarity of two word sets: shared words over all words; 0 when either is empty. */
    static double similarity(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long shared = a.stream().distinct().filter(b::contains).count();
        return (double) shared / union.size();
    }

    /**
     * A subject's signature: its distinct words, lower-cased, accents removed, without the stopwords of
     * {@code repeat-contacts/subject-stopwords.txt} and words of one letter, sorted, at most {@link #MAX_WORDS}.
     */
    public static List<String> words(String subject) {
        if (subject == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(subject, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        TreeSet<String> words = new TreeSet<>();
        for (String word : NOT_A_WORD.split(plain)) {
            if (word.length() > 1 && !STOPWORDS.contains(word)) {
                words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
            }
        }
        return words.stream().limit(MAX_WORDS).toList();
    }

    private static Set<String> stopwords() {
        try (InputStream in = ContactRule.class.getResourceAsStream("/repeat-contacts/subject-stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("repeat-contacts/subject-stopwords.txt is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
