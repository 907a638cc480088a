package com.makeitright.remedy.ledger;

import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostCategory;
import com.makeitright.events.CostLine;
import com.makeitright.events.RemedyKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The compensation ledger for a period: one entry per fulfilled remedy (what it cost, in which bookkeeping
 * categories, why it was needed) and the totals a bookkeeper asks for, per remedy kind, cause, month and cost
 * category, each per currency. Exact decimals throughout; currencies are never added together.
 */
record Ledger(LocalDate from, LocalDate to, List<Entry> entries, Totals totals) {

    /** One fulfilled remedy. {@code costLines} keeps the category order of the resolution. */
    record Entry(LocalDate date, Instant resolvedAt, String complaintId, int round, String customerId,
                 ResolutionOutcome outcome, RemedyKind kind, Cause cause, RootCause rootCause, String currency,
                 List<Line> costLines, BigDecimal total) {

        BigDecimal amount(CostCategory category) {
            return costLines.stream().filter(l -> l.category() == category).map(Line::amount)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
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

    /**
     * The ledger of the resolutions dated within [from, to] (both inclusive, either open) in the bookkeeper's time
     * zone. Only resolutions with a delivered remedy count; a round that ended without agreement cost nothing.
     */
    static Ledger of(Collection<ComplaintResolved> resolutions, ZoneId zone, LocalDate from, LocalDate to) {
        List<Entry> entries = new ArrayList<>();
        for (ComplaintResolved r : resolutions) {
            if (r.getRemedy() == null) {
                continue;
            }
            LocalDate date = r.getOccurredAt().atZone(zone).toLocalDate();
            if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            for (CostLine line : r.getCostLines()) {
                lines.add(new Line(line.getCategory(), line.getAmount().getAmount()));
            }
            entries.add(new Entry(date, r.getOccurredAt(), r.getComplaintId(), r.getRound(), r.getCustomerId(),
                    r.getOutcome(), r.getRemedy().getKind(), r.getCause(), r.getRootCause(), r.getCost().getCurrency(),
                    List.copyOf(lines), r.getCost().getAmount()));
        }
        entries.sort(Comparator.comparing(Entry::resolvedAt).thenComparing(Entry::complaintId).thenComparing(Entry::round));
        return new Ledger(from, to, List.copyOf(entries), totals(entries));
    }

    private static Totals totals(List<Entry> entries) {
        List<CurrencyTotal> overall = group(entries, e -> e.currency(), (key, currency, sum) ->
                new CurrencyTotal(currency, sum.entries, sum.total));
        List<KindTotal> byKind = group(entries, e -> e.kind().name() + " " + e.currency(), (key, currency, sum) ->
                new KindTotal(RemedyKind.valueOf(key.substring(0, key.indexOf(' '))), currency, sum.entries, sum.total));
        List<CauseTotal> byCause = group(entries, e -> e.cause().name() + " " + e.currency(), (key, currency, sum) ->
                new CauseTotal(Cause.valueOf(key.substring(0, key.indexOf(' '))), currency, sum.entries, sum.total));
        List<MonthTotal> byMonth = group(entries, e -> YearMonth.from(e.date()) + " " + e.currency(), (key, currency, sum) ->
                new MonthTotal(YearMonth.parse(key.substring(0, key.indexOf(' '))), currency, sum.entries, sum.total));
        Map<String, Map<CostCategory, BigDecimal>> categories = new TreeMap<>();
        for (Entry e : entries) {
            Map<CostCategory, BigDecimal> perCurrency = categories.computeIfAbsent(e.currency(), c -> new EnumMap<>(CostCategory.class));
            for (Line line : e.costLines()) {
                perCurrency.merge(line.category(), line.amount(), BigDecimal::add);
            }
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
    private static <T> List<T> group(List<Entry> entries, Function<Entry, String> key, Row<T> row) {
        Map<String, Sum> sums = new TreeMap<>();
        Map<String, String> currencies = new TreeMap<>();
        for (Entry e : entries) {
            String k = key.apply(e);
            Sum sum = sums.computeIfAbsent(k, x -> new Sum());
            sum.entries++;
            sum.total = sum.total.add(e.total());
            currencies.put(k, e.currency());
        }
        List<T> rows = new ArrayList<>();
        sums.forEach((k, sum) -> rows.add(row.make(k, currencies.get(k), sum)));
        return List.copyOf(rows);
    }

    // ------------------------------------------------------------------------------------------------ CSV

    static final List<CostCategory> CSV_CATEGORIES = List.of(CostCategory.values());

    /** One header row, then one line per entry; money as plain decimals, one column per cost category. */
    String csv() {
        StringBuilder out = new StringBuilder();
        out.append("date,resolvedAt,complaintId,round,customerId,outcome,kind,cause,rootCause,currency");
        for (CostCategory category : CSV_CATEGORIES) {
            out.append(',').append(category.name().toLowerCase(java.util.Locale.ROOT));
        }
        out.append(",total\r\n");
        for (Entry e : entries) {
            out.append(e.date()).append(',').append(e.resolvedAt()).append(',').append(text(e.complaintId())).append(',')
                    .append(e.round()).append(',').append(text(e.customerId())).append(',').append(e.outcome()).append(',')
                    .append(e.kind()).append(',').append(e.cause()).append(',').append(e.rootCause()).append(',')
                    .append(e.currency());
            for (CostCategory category : CSV_CATEGORIES) {
                out.append(',').append(e.amount(category).toPlainString());
            }
            out.append(',').append(e.total().toPlainString()).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading formula character is defused so a spreadsheet shows the id as text. */
    private static String text(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
