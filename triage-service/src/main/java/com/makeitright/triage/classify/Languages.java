package com.makeitright.triage.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which language a complaint is written in, from the stop words of each language ({@value #RESOURCE}): the language
 * whose common short words the text uses most, or the script when most letters are not Latin. Small and data-driven:
 * a language is added by adding its line to the file.
 */
final class Languages {

    static final String RESOURCE = "/triage/languages/stopwords.tsv";
    static final Language ENGLISH = new Language("en", "English");
    /** Fewer stop words than this tell nothing: the text stays English. */
    static final int MIN_HITS = 2;

    /** A language by its ISO 639-1 code (or {@code und-<Script>} when only the script is known) and its name. */
    record Language(String code, String name) {
        boolean english() {
            return code.equals(ENGLISH.code());
        }
    }

    private final List<Language> languages;
    /** For each word, the indexes of the languages that have it. */
    private final Map<String, int[]> index;

    private Languages(List<Language> languages, Map<String, int[]> index) {
        this.languages = languages;
        this.index = index;
    }

    static Languages standard() {
        return Standard.LANGUAGES;
    }

    private static final class Standard {
        static final Languages LANGUAGES = load();
    }

    static Languages load() {
        try (InputStream in = Languages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("triage stop words " + RESOURCE + " are missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read triage stop words " + RESOURCE, e);
        }
    }

    static Languages parse(String text) {
        List<Language> languages = new ArrayList<>();
        Map<String, Set<Integer>> words = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 3 || cells[2].isBlank()) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": expected <code> TAB <name> TAB <words>");
            }
            int at = languages.size();
            languages.add(new Language(cells[0].trim(), cells[1].trim()));
            for (String word : cells[2].trim().split(" +")) {
                words.computeIfAbsent(word, w -> new HashSet<>()).add(at);
            }
        }
        if (languages.isEmpty() || !languages.get(0).equals(ENGLISH)) {
            throw new IllegalStateException(RESOURCE + ": the first language must be English (en)");
        }
        Map<String, int[]> index = new HashMap<>();
        words.forEach((w, in) -> index.put(w, in.stream().mapToInt(Integer::intValue).toArray()));
        return new Languages(List.copyOf(languages), index);
    }

    /** The language of a text: another language only when it has more of its stop words than English does. */
    Language detect(Text text) {
        Language script = script(text.original);
        if (script != null) {
            return script;
        }
        int[] hits = new int[languages.size()];
        for (String word : text.words()) {
            int[] in = index.get(word);
            if (in != null) {
                for (int i : in) {
                    hits[i]++;
                }
            }
        }
        int best = 0;
        for (int i = 1; i < hits.length; i++) {
            if (hits[i] > hits[best]) {
                best = i;
            }
        }
        return best != 0 && hits[best] >= MIN_HITS ? languages.get(best) : ENGLISH;
    }

    /** The script, when most letters are not Latin (Cyrillic, Greek, Arabic, Han, ...): the language is then not English. */
    private static Language script(String original) {
        int letters = 0;
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        for (int i = 0; i < original.length(); ) {
            int c = original.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
                // Below U+0250 every letter is Latin: the script lookup is only paid for the others.
                Character.UnicodeScript s = c < 0x250 ? Character.UnicodeScript.LATIN : Character.UnicodeScript.of(c);
                if (s != Character.UnicodeScript.LATIN) {
                    scripts.merge(s, 1, Integer::sum);
                }
            }
        }
        int other = scripts.values().stream().mapToInt(Integer::intValue).sum();
        if (letters == 0 || other < letters * 0.3) {
            return null;
        }
        Character.UnicodeScript main = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String name = main.name().charAt(0) + main.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return new Language("und-" + name, "a language in " + name + " script");
    }
}
