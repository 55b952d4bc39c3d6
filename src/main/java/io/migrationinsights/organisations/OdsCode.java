package io.migrationinsights.organisations;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An ODS code as CONTRACT section 1 names an organisation: 3 to 5 upper-case
 * letters or digits. Put on every {@code {ods}} path parameter; a violation is
 * a 400 problem (see ProblemMappers) and the pattern shows in OpenAPI.
 */
@Documented
@NotNull
@Pattern(regexp = OdsCode.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({PARAMETER, FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface OdsCode {

    /** Upper-case letters and digits, 3 to 5 characters. */
    String PATTERN = "^[A-Z0-9]{3,5}$";

    /** What is wrong with a value that is not an ODS code, after the value itself. */
    String MESSAGE = "is not an ODS code: use 3 to 5 upper-case letters or digits, for example QSL.";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
