package com.makeitright.intake.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person wrote: when it has any characters, at least one is visible. {@code @NotBlank} lets
 * {@code "\u0000\u0007"} through (control characters are not whitespace to Java), and such a description would be
 * triaged as if it said something. Null and the empty string are absent: allowed unless {@link #required()}.
 * A required field carries this instead of {@code @NotBlank}, so it reports one problem, not two.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = VisibleText.Rule.class)
public @interface VisibleText {

    String message() default "must not be blank: it has only whitespace or control characters";

    /** Absent (null or empty) is a problem too ("must not be blank"). */
    boolean required() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, the one place that says what counts as visible. */
    final class Rule implements ConstraintValidator<VisibleText, CharSequence> {

        private boolean required;

        @Override
        public void initialize(VisibleText annotation) {
            required = annotation.required();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                if (required) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("must not be blank").addConstraintViolation();
                }
                return !required;
            }
            return hasVisible(value);
        }

        /** True when some code point is neither whitespace, a control character nor an invisible format mark. */
        public static boolean hasVisible(CharSequence value) {
            return value.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                    && !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.UNASSIGNED && Character.getType(c) != Character.SURROGATE);
        }
    }
}
