package dev.switchboard.agent.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import dev.switchboard.agent.Param;
import dev.switchboard.agent.Tool;

/**
 * Exact decimal arithmetic for a model, which cannot add: every operation is on
 * {@link BigDecimal}, so {@code 0.1 + 0.2} is {@code 0.3}, not {@code 0.30000000000000004}.
 * Results are plain decimal text without exponent or trailing zeros ({@code "1000"}, not
 * {@code "1E+3"}; {@code "3"}, not {@code "3.00"}).
 * Stateless and thread-safe.
 */
public final class Calculator {

    /** Digits kept by {@link #divide} and {@link #sqrt} when the result does not terminate. */
    public static final int SCALE = 20;

    /** {@code a + b}, exact. */
    @Tool("Adds two decimal numbers exactly; returns the sum as decimal text")
    public String add(@Param("the first addend") BigDecimal a, @Param("the second addend") BigDecimal b) {
        return plain(a.add(b));
    }

    /** {@code a - b}, exact. */
    @Tool("Subtracts b from a exactly; returns the difference as decimal text")
    public String subtract(@Param("the minuend") BigDecimal a, @Param("the subtrahend") BigDecimal b) {
        return plain(a.subtract(b));
    }

    /** {@code a × b}, exact. */
    @Tool("Multiplies two decimal numbers exactly; returns the product as decimal text")
    public String multiply(@Param("the first factor") BigDecimal a, @Param("the second factor") BigDecimal b) {
        return plain(a.multiply(b));
    }

    /**
     * {@code a ÷ b}: exact when the quotient terminates ({@code 1/8 = 0.125}), else rounded half-even
     * to {@value #SCALE} decimal places ({@code 1/3 = 0.33333333333333333333}).
     *
     * @throws ArithmeticException if {@code b} is zero (the model reads "Division by zero")
     */
    @Tool("Divides a by b; exact when the quotient terminates, else rounded to 20 decimal places")
    public String divide(@Param("the dividend") BigDecimal a, @Param("the divisor, not zero") BigDecimal b) {
        try {
            return plain(a.divide(b));
        } catch (ArithmeticException nonTerminating) {
            if (b.signum() == 0) {
                throw nonTerminating;
            }
            return plain(a.divide(b, SCALE, RoundingMode.HALF_EVEN));
        }
    }

    /**
     * {@code base} to the power {@code exponent}, exact.
     *
     * @throws ArithmeticException if {@code exponent} is outside 0..999
     */
    @Tool("Raises base to a whole, non-negative power (0 to 999) exactly")
    public String power(@Param("the base") BigDecimal base, @Param("the exponent, 0 to 999") int exponent) {
        if (exponent < 0 || exponent > 999) {
            throw new ArithmeticException("exponent must be 0 to 999, was " + exponent);
        }
        return plain(base.pow(exponent));
    }

    /**
     * The square root, to {@value #SCALE} significant digits, trailing zeros removed
     * ({@code sqrt(2.25) = 1.5}).
     *
     * @throws ArithmeticException if {@code a} is negative
     */
    @Tool("Square root of a non-negative number, to 20 significant digits")
    public String sqrt(@Param("the number, not negative") BigDecimal a) {
        return plain(a.sqrt(new MathContext(SCALE, RoundingMode.HALF_EVEN)));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
