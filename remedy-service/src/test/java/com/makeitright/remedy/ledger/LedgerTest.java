package com.makeitright.remedy.ledger;

import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.CostCategory;
import com.makeitright.events.RemedyKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static com.makeitright.events.CostCategory.GIFT;
import static com.makeitright.events.CostCategory.GOODS_AT_COST;
import static com.makeitright.events.CostCategory.REFUND;
import static com.makeitright.events.RemedyKind.REFUND_PRORATED;
import static com.makeitright.events.RemedyKind.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    final List<ComplaintResolved> resolutions = List.of(
            Resolutions.delivered("c-1", "2026-01-05T10:00:00Z", REPLACEMENT, Cause.OUR_ERROR, "USD",
                    GOODS_AT_COST, "19.60", GIFT, "5.00"),
            Resolutions.delivered("c-2", "2026-01-31T23:59:59Z", REFUND_PRORATED, Cause.OUR_ERROR, "USD", REFUND, "33.33"),
            Resolutions.delivered("c-3", "2026-02-01T00:00:00Z", REPLACEMENT, Cause.SUSPECTED_ABUSE, "USD",
                    GOODS_AT_COST, "0.01"),
            Resolutions.delivered("c-4", "2026-02-14T09:00:00Z", RemedyKind.STORE_CREDIT, Cause.MISUNDERSTANDING, "EUR",
                    CostCategory.STORE_CREDIT, "10.10"),
            Resolutions.noAgreement("c-5", "2026-01-20T12:00:00Z"));

    @Test
    void totalsPerKindCauseMonthAndCategoryAddUpToTheCentPerCurrency() {
        Ledger ledger = Ledger.of(resolutions, UTC, null, null);

        assertThat(ledger.entries()).extracting(Ledger.Entry::complaintId).containsExactly("c-1", "c-2", "c-3", "c-4");
        assertThat(ledger.totals().overall()).containsExactly(
                new Ledger.CurrencyTotal("EUR", 1, bd("10.10")), new Ledger.CurrencyTotal("USD", 3, bd("57.94")));
        assertThat(ledger.totals().byKind()).containsExactly(
                new Ledger.KindTotal(REFUND_PRORATED, "USD", 1, bd("33.33")),
                new Ledger.KindTotal(REPLACEMENT, "USD", 2, bd("24.61")),
                new Ledger.KindTotal(RemedyKind.STORE_CREDIT, "EUR", 1, bd("10.10")));
        assertThat(ledger.totals().byCause()).containsExactly(
                new Ledger.CauseTotal(Cause.MISUNDERSTANDING, "EUR", 1, bd("10.10")),
                new Ledger.CauseTotal(Cause.OUR_ERROR, "USD", 2, bd("57.93")),
                new Ledger.CauseTotal(Cause.SUSPECTED_ABUSE, "USD", 1, bd("0.01")));
        assertThat(ledger.totals().byMonth()).containsExactly(
                new Ledger.MonthTotal(YearMonth.of(2026, 1), "USD", 2, bd("57.93")),
                new Ledger.MonthTotal(YearMonth.of(2026, 2), "EUR", 1, bd("10.10")),
                new Ledger.MonthTotal(YearMonth.of(2026, 2), "USD", 1, bd("0.01")));
        assertThat(ledger.totals().byCategory()).extracting(t -> t.category() + " " + t.currency() + " " + t.total())
                .containsExactly("STORE_CREDIT EUR 10.10", "REFUND USD 33.33", "GOODS_AT_COST USD 19.61", "GIFT USD 5.00");
    }

    @Test
    void thePeriodIsInclusiveInTheBookkeepersTimeZone() {
        assertThat(Ledger.of(resolutions, UTC, LocalDate.parse("2026-01-31"), LocalDate.parse("2026-02-01")).entries())
                .extracting(Ledger.Entry::complaintId).containsExactly("c-2", "c-3");
        // 23:59:59 UTC on Jan 31 is already Feb 1 in Berlin
        assertThat(Ledger.of(resolutions, ZoneId.of("Europe/Berlin"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01"))
                .entries()).extracting(Ledger.Entry::complaintId).containsExactly("c-2", "c-3");
        assertThat(Ledger.of(resolutions, UTC, LocalDate.parse("2026-03-01"), null).entries()).isEmpty();
    }

    @Test
    void csvHasAHeaderAndOneLinePerEntryWithPlainDecimalsPerCategory() {
        String csv = Ledger.of(resolutions, UTC, null, LocalDate.parse("2026-01-31")).csv();

        assertThat(csv.split("\r\n")).containsExactly(
                "date,resolvedAt,complaintId,round,customerId,outcome,kind,cause,rootCause,currency,"
                        + "refund,goods_at_cost,service_at_cost,store_credit,discount,gift,mediation,total",
                "2026-01-05,2026-01-05T10:00:00Z,c-1,1,C-c-1,REMEDY_DELIVERED,REPLACEMENT,OUR_ERROR,PACKING_ERROR,USD,"
                        + "0.00,19.60,0.00,0.00,0.00,5.00,0.00,24.60",
                "2026-01-31,2026-01-31T23:59:59Z,c-2,1,C-c-2,REMEDY_DELIVERED,REFUND_PRORATED,OUR_ERROR,PACKING_ERROR,USD,"
                        + "33.33,0.00,0.00,0.00,0.00,0.00,0.00,33.33");
    }

    @Test
    void csvQuotesTextAndDefusesSpreadsheetFormulas() {
        ComplaintResolved odd = Resolutions.builder("c,\"9\"", "2026-01-05T10:00:00Z", REPLACEMENT, Cause.OUR_ERROR,
                "USD", GOODS_AT_COST, "1.00").setCustomerId("=HYPERLINK(1)").build();

        String line = Ledger.of(List.of(odd), UTC, null, null).csv().split("\r\n")[1];

        assertThat(line).startsWith("2026-01-05,2026-01-05T10:00:00Z,\"c,\"\"9\"\"\",1,'=HYPERLINK(1),");
    }

    static java.math.BigDecimal bd(String value) {
        return new java.math.BigDecimal(value);
    }
}
