package com.makeitright.cli.dlt;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a dead-letter topic as a table a person can read in a terminal. */
public final class DeadLetterReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int KEY_WIDTH = 36;
    private static final int REASON_WIDTH = 80;

    private DeadLetterReport() {
    }

    /**
     * One heading line with the count, then the last {@code limit} records (0: all), oldest first per partition.
     * {@code REPLAYED} shows where a record's copy went when {@code dlt replay} already sent it back.
     */
    public static void print(PrintWriter out, String topic, List<DeadLetter> letters, Map<String, ReplayEntry> replays,
                             int limit) {
        long replayedCount = letters.stream().filter(letter -> replays.containsKey(letter.replayKey())).count();
        out.printf("%s: %d record%s, %d replayed%n", topic, letters.size(), letters.size() == 1 ? "" : "s", replayedCount);
        if (letters.isEmpty()) {
            out.println();
            return;
        }
        List<DeadLetter> shown = limit > 0 && letters.size() > limit
                ? letters.subList(letters.size() - limit, letters.size()) : letters;
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"ID", "DEAD-LETTERED (UTC)", "ORIGINAL", "KEY", "REASON", "REPLAYED TO"});
        for (DeadLetter letter : shown) {
            ReplayEntry replay = replays.get(letter.replayKey());
            rows.add(new String[]{letter.id(), WHEN.format(letter.deadLetteredAt()), letter.original(),
                    cut(String.valueOf(letter.key()), KEY_WIDTH), cut(letter.reason(), REASON_WIDTH),
                    replay == null ? "-" : replay.replayedTo()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        if (shown.size() < letters.size()) {
            out.printf("  ... %d older not shown (--limit 0 shows all)%n", letters.size() - shown.size());
        }
        out.println();
    }

    /** One line per cell: a multi-line exception message would break the table. */
    static String cut(String text, int width) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }
}
