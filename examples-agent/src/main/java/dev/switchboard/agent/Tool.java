package dev.switchboard.agent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain Java method as a tool an {@link Agent} may call. {@link FunctionTool#fromObject(Object)}
 * turns every annotated method of an object into a {@link FunctionTool}: the method's name is the
 * function name, this annotation's {@link #value()} the description, and the JSON Schema of its
 * parameters is generated from their Java types (see {@link FunctionTool}).
 *
 * <pre>{@code
 * final class Calculator {
 *     @Tool("Adds two decimal numbers exactly")
 *     public BigDecimal add(@Param("the first addend") BigDecimal a, @Param("the second addend") BigDecimal b) {
 *         return a.add(b);
 *     }
 * }
 * }</pre>
 *
 * <p>Parameter names come from the class file: compile with {@code -parameters} (this project's
 * root pom does), or every parameter is named {@code arg0}, {@code arg1}, ... A method may be
 * static or not, must be public, and may return anything Jackson can write (a {@code String} is
 * sent as it is, {@code void} as {@code "ok"}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** What the tool does, for the model: the function's {@code description}. Required. */
    String value();

    /**
     * The function name the model uses; empty (the default) means the method's name. Must match
     * {@code [a-zA-Z0-9_-]{1,64}} (OpenAI's rule for function names).
     */
    String name() default "";

    /**
     * The longest this tool may run, in milliseconds; 0 (the default) means the agent's
     * {@link Agent#toolTimeout()}. A tool still running then is interrupted and the model is told
     * it timed out.
     */
    long timeoutMillis() default 0;
}
