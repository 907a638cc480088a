package com.makeitright.remedy.ledger;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/** How the ledger dates its entries. */
@Validated
@ConfigurationProperties("remedy.ledger")
public class LedgerProperties {

    /** The bookkeeper's time zone: an entry's date (and month) is the resolution's local date there. */
    @NotNull
    private ZoneId timeZone = ZoneId.of("UTC");

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(ZoneId timeZone) {
        this.timeZone = timeZone;
    }
}
