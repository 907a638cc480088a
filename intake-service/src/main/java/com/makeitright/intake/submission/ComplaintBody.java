package com.makeitright.intake.submission;

import com.makeitright.intake.common.VisibleText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/complaints} (docs/http-api.md). Enums and dates are text here so that a wrong
 * value is reported as a bad field rather than as unreadable JSON; {@link ComplaintRules} checks the rest.
 */
record ComplaintBody(
        @NotNull @Valid Customer customer,
        @NotBlank String channel,
        @VisibleText(required = true) @Size(max = 200) String subject,
        @VisibleText(required = true) @Size(max = 5000) String description,
        @Valid Order order,
        @VisibleText @Size(max = 500) String desiredOutcome) {

    record Customer(
            @VisibleText(required = true) @Size(max = 64) String id,
            @VisibleText(required = true) @Size(max = 200) String name,
            @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid e-mail address") @Size(max = 320) String email,
            @Size(max = 50) String phone,
            String tier,
            String since) {
    }

    record Order(
            @VisibleText(required = true) @Size(max = 64) String id,
            @Size(max = 64) String sku,
            BigDecimal amount,
            String currency,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal completedFraction) {
    }
}
