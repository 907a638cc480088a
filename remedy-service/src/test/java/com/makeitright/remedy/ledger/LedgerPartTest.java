package com.makeitright.remedy.ledger;

import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintResolved;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.makeitright.events.CostCategory.GOODS_AT_COST;
import static com.makeitright.events.CostCategory.REFUND;
import static com.makeitright.events.RemedyKind.REFUND_PRORATED;
import static com.makeitright.events.RemedyKind.REPLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' parts add up to the ledger one instance holding every resolution would book. */
class LedgerPartTest {

    @Test
    void thePartsOfTwoInstancesAddUpToTheWholeLedger() {
        // the same day, kind, cause and currency on both instances: one day total each, summed
        List<ComplaintResolved> onOne = List.of(
                Resolutions.delivered("c-1", "2026-01-05T10:00:00Z", REPLACEMENT, Cause.OUR_ERROR, "USD",
                        GOODS_AT_COST, "19.60"),
                Resolutions.delivered("c-3", "2026-01-07T09:00:00Z", REFUND_PRORATED, Cause.OUR_ERROR, "EUR",
                        REFUND, "45.00"));
        List<ComplaintResolved> onOther = List.of(
                Resolutions.delivered("c-2", "2026-01-05T11:00:00Z", REPLACEMENT, Cause.OUR_ERROR, "USD",
                        GOODS_AT_COST, "10.40"),
                Resolutions.delivered("c-4", "2026-02-01T09:00:00Z", REFUND_PRORATED, Cause.MISUNDERSTANDING, "USD",
                        REFUND, "5.00"));
        LocalDate from = LocalDate.parse("2026-01-01");
        LocalDate to = LocalDate.parse("2026-01-31");

        Ledger merged = LedgerPart.merge(List.of(Resolutions.source(onOne).part(from, to),
                Resolutions.source(onOther).part(from, to)), from, to);

        Ledger whole = Ledger.of(java.util.stream.Stream.concat(onOne.stream(), onOther.stream()).toList(),
                ZoneOffset.UTC, from, to);
        assertThat(merged).isEqualTo(whole);
        assertThat(merged.entries()).extracting(Ledger.Entry::complaintId).containsExactly("c-1", "c-2", "c-3");
        assertThat(merged.totals().byKind()).filteredOn(k -> k.currency().equals("USD")).singleElement()
                .satisfies(k -> {
                    assertThat(k.entries()).isEqualTo(2);
                    assertThat(k.total()).isEqualByComparingTo("30.00");
                });
        assertThat(merged.entriesComplete()).isTrue();
    }
}
