package mramcim.model.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Unit and source of one configuration parameter. Every component of the configuration records
 * carries one, so that {@code mramcim config} can list value, unit and source of everything, and no
 * physical number lives anywhere else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Param {

    /** SI unit ("Ohm", "F", "V", "s"), "1" for dimensionless, "rel" for a relative sigma. */
    String unit();

    /** Where the value comes from: a seed figure or SPEC section, or "assumed: reason". */
    String source();
}
