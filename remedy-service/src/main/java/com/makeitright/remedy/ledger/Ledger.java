package com.makeitright.remedy.ledger;

import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostCategory;
import com.makeitright.events.CostLine;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The compensation ledger for a period: the totals a bookkeeper asks for, per remedy kind, cause, month and cost
 * category, each per currency, summed from {@link DayTotal}s (so a report costs O(days × kinds × causes ×
 * currencies), never O(complaints)), and the most recent entries of the period (one per fulfilled remedy: what
 * it cost, in which bookkeeping categories, why it was needed). Exact decimals throughout; currencies are never
 * added together.
 *
 * @param entriesComplete whether {@code entries} lists every entry the totals count; false when the period
 *                        reaches further back than the bounded recent-entries view remembers
 */
record Ledger(LocalDate from, LocalDate to, List<Entry> entries, Totals totals, boolean entriesComplete) {

    /** One fulfilled remedy. {@code costLines} keeps the category order of the resolution. */
    record Entry(LocalDate date, Instant resolvedAt, String complaintId, int round, String customerId,
                 ResolutionOutcome outcome, RemedyKind kind, Cause cause, RootCause rootCause, String currency,
                 List<Line> costLines, BigDecimal total) {

        Entry {
            costLines = List.copyOf(costLines);
        }

        BigDecimal amount(CostCategory category) {
            return costLines.stream().filter(l -> l.category() == category).map(Line::amount)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        /**
         * The entry a resolution books, dated in the bookkeeper's time zone, or null when it booked nothing (no
         * remedy was delivered). A resolution whose cost lines do not add up to its cost in its one currency is
         * refused: counting it would make the totals wrong for good.
         */
        static Entry of(ComplaintResolved r, ZoneId zone) {
            if (r.getRemedy() == null) {
                return null;
            }
            String currency = r.getCost().getCurrency();
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            List<Line> lines = new ArrayList<>();
            for (CostLine line : r.getCostLines()) {
                if (!currency.equals(line.getAmount().getCurrency())) {
                    throw new IllegalArgumentException("resolution " + r.getEventId() + " of " + r.getComplaintId()
                            + " has a " + line.getCategory() + " line in " + line.getAmount().getCurrency()
                            + " but its cost is in " + currency);
                }
                lines.add(new Line(line.getCategory(), line.getAmount().getAmount()));
                sum = sum.add(line.getAmount().getAmount());
            }
            if (sum.compareTo(r.getCost().getAmount()) != 0) {
                throw new IllegalArgumentException("resolution " + r.getEventId() + " of " + r.getComplaintId()
                        + ": cost lines add up to " + sum.toPlainString() + ", the cost is "
                        + r.getCost().getAmount().toPlainString());
            }
            return new Entry(r.getOccurredAt().atZone(zone).toLocalDate(), r.getOccurredAt(), r.getComplaintId(),
                    r.getRound(), r.getCustomerId(), r.getOutcome(), r.getRemedy().getKind(), r.getCause(),
                    r.getRootCause(), currency, lines, r.getCost().getAmount());
        }
    }

    record Line(CostCategory category, BigDecimal amount) {
    }

    record Totals(List<CurrencyTotal> overall, List<KindTotal> byKind, List<CauseTotal> byCause,
                  List<MonthTotal> byMonth, List<CategoryTotal> byCategory) {
    }

    record CurrencyTotal(String currency, int entries, BigDecimal total) {
    }

    record KindTotal(RemedyKind kind, String currency, int entries, BigDecimal total) {
    }

    record CauseTotal(Cause cause, String currency, int entries, BigDecimal total) {
    }

    record MonthTotal(YearMonth month, String currency, int entries, BigDecimal total) {
    }

    record CategoryTotal(CostCategory category, String currency, BigDecimal total) {
    }

    static final Comparator<Entry> CHRONOLOGICAL = Comparator.comparing(Entry::resolvedAt)
            .thenComparing(Entry::complaintId).thenComparing(Entry::round);

    /**
     * The ledger of [from, to] (both inclusive, either open) from the day totals and the remembered entries;
     * either may hold more than the period, what lies outside it is left out.
     */
    static Ledger of(Collection<DayTotal> days, Collection<Entry> recent, LocalDate from, LocalDate to) {
        List<DayTotal> inPeriod = days.stream().filter(d -> within(d.date(), from, to)).toList();
        List<Entry> entries = recent.stream().filter(e -> within(e.date(), from, to)).sorted(CHRONOLOGICAL).toList();
        Totals totals = totals(inPeriod);
        int counted = totals.overall().stream().mapToInt(CurrencyTotal::entries).sum();
        return new Ledger(from, to, entries, totals, entries.size() >= counted);
    }

    /**
     * The ledger of a set of resolutions, as the stream would book them (each complaint round once): for tests
     * and for reasoning about the fold, not for serving, which never holds every resolution.
     */
    static Ledger of(Collection<ComplaintResolved> resolutions, ZoneId zone, LocalDate from, LocalDate to) {
        Map<String, DayTotal> days = new TreeMap<>();
        Map<String, Entry> entries = new TreeMap<>();
        for (ComplaintResolved r : resolutions) {
            Entry entry = Entry.of(r, zone);
            if (entry == null || entries.putIfAbsent(entry.complaintId() + "#" + entry.round(), entry) != null) {
                continue;
            }
            days.merge(DayTotal.key(entry), DayTotal.of(entry), DayTotal::plus);
        }
        return of(days.values(), entries.values(), from, to);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    private static Totals totals(List<DayTotal> days) {
        List<CurrencyTotal> overall = group(days, d -> d.currency(), (key, currency, sum) ->
                new CurrencyTotal(currency, sum.entries, sum.total));
        List<KindTotal> byKind = group(days, d -> d.kind().name() + " " + d.currency(), (key, currency, sum) ->
                new KindTotal(RemedyKind.valueOf(key.substring(0, key.indexOf(' '))), currency, sum.entries, sum.total));
        List<CauseTotal> byCause = group(days, d -> d.cause().name() + " " + d.currency(), (key, currency, sum) ->
                new CauseTotal(Cause.valueOf(key.substring(0, key.indexOf(' '))), currency, sum.entries, sum.total));
        List<MonthTotal> byMonth = group(days, d -> YearMonth.from(d.date()) + " " + d.currency(), (key, currency, sum) ->
                new MonthTotal(YearMonth.parse(key.substring(0, key.indexOf(' '))), currency, sum.entries, sum.total));
        Map<String, Map<CostCategory, BigDecimal>> categories = new TreeMap<>();
        for (DayTotal d : days) {
            Map<CostCategory, BigDecimal> perCurrency = categories.computeIfAbsent(d.currency(), c -> new EnumMap<>(CostCategory.class));
            d.categories().forEach((category, amount) -> perCurrency.merge(category, amount, BigDecimal::add));
        }
        List<CategoryTotal> byCategory = new ArrayList<>();
        categories.forEach((currency, sums) -> sums.forEach((category, total) ->
                byCategory.add(new CategoryTotal(category, currency, total))));
        return new Totals(overall, byKind, byCause, byMonth, List.copyOf(byCategory));
    }

    private static final class Sum {
        int entries;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
    }

    private interface Row<T> {
        T make(String key, String currency, Sum sum);
    }

    /** Sums per key, where the key ends with the currency; ordered by key so the report reads the same every time. */
    private static <T> List<T> group(List<DayTotal> days, Function<DayTotal, String> key, Row<T> row) {
        Map<String, Sum> sums = new TreeMap<>();
        Map<String, String> currencies = new TreeMap<>();
        for (DayTotal d : days) {
            String k = key.apply(d);
            Sum sum = sums.computeIfAbsent(k, x -> new Sum());
            sum.entries += d.entries();
            sum.total = sum.total.add(d.total());
            currencies.put(k, d.currency());
        }
        List<T> rows = new ArrayList<>();
        sums.forEach((k, sum) -> rows.add(row.make(k, currencies.get(k), sum)));
        return List.copyOf(rows);
    }

    // ------------------------------------------------------------------------------------------------ CSV

    static final List<CostCategory> CSV_CATEGORIES = List.of(CostCategory.values());

    /** A leading character a spreadsheet would read as the start of a formula. */
    private static final String FORMULA_START = "=+-@\t\r";

    /**
     * One header row, then one line per listed entry; money as plain decimals, one column per cost category.
     * Commons CSV quotes (RFC 4180); a leading formula character in free text is defused so a spreadsheet shows
     * the id as text.
     */
    String csv() {
        List<String> header = new ArrayList<>(List.of("date", "resolvedAt", "complaintId", "round", "customerId",
                "outcome", "kind", "cause", "rootCause", "currency"));
        CSV_CATEGORIES.forEach(category -> header.add(category.name().toLowerCase(Locale.ROOT)));
        header.add("total");
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (Entry e : entries) {
                List<Object> row = new ArrayList<>(List.of(e.date(), e.resolvedAt(), text(e.complaintId()), e.round(),
                        text(e.customerId()), e.outcome(), e.kind(), e.cause(), String.valueOf(e.rootCause()),
                        e.currency()));
                CSV_CATEGORIES.forEach(category -> row.add(e.amount(category).toPlainString()));
                row.add(e.total().toPlainString());
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static String text(String value) {
        return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
