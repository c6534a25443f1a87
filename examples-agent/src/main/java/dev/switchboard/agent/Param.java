package dev.switchboard.agent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one parameter of a {@link Tool} method for the model. Optional: a parameter without it
 * is required and has no description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

    /** The parameter's {@code description} in the JSON Schema; empty for none. */
    String value() default "";

    /**
     * Whether the parameter is listed in the schema's {@code required}; default true. An optional
     * parameter the model leaves out is passed as null (so it must not be a primitive).
     */
    boolean required() default true;
}
