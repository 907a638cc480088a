package com.makeitright.intake.contacts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * When a new complaint is a repeat contact about a case that is still open ({@code makeitright.intake.repeat-contacts.*},
 * environment {@code INTAKE_REPEAT_CONTACTS_*}); the rule is {@link ContactRule}.
 *
 * @param subjectSimilarity          a subject at least this similar (Jaccard of the subjects' word sets, 0–1) to an open
 *                                   case's of the same customer merges into it; 0 turns the subject rule off (the
 *                                   default: a wrong merge hides a complaint, a missed one only opens a second case)
 * @param subjectWindow              a similar subject merges only into a case the customer last wrote about at most
 *                                   this long ago
 * @param maxOpenCasesPerCustomer    open cases remembered per customer (and stream partition); the least recently
 *                                   contacted one is forgotten first
 * @param maxIdle                    an open case with no contact for this long is forgotten (it no longer attracts
 *                                   repeat contacts: a new complaint opens a new case)
 */
@Validated
@ConfigurationProperties("makeitright.intake.repeat-contacts")
public record RepeatContactProperties(
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0") double subjectSimilarity,
        @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("7d") Duration subjectWindow,
        @Min(1) @Max(1_000) @DefaultValue("20") int maxOpenCasesPerCustomer,
        @NotNull @DurationMin(seconds = 1) @DurationUnit(ChronoUnit.MILLIS) @DefaultValue("90d") Duration maxIdle) {
}
