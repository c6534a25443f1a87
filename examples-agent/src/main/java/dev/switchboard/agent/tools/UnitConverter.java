package dev.switchboard.agent.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.switchboard.agent.Param;
import dev.switchboard.agent.Tool;

/**
 * Converts between units of length, mass, volume, speed and temperature with exact decimal
 * factors (the international yard and pound: 1 in = 0.0254 m, 1 lb = 0.45359237 kg; the US liquid
 * gallon: 3.785411784 l; 1 km/h = 1000/3600 m/s; 1 kn = 1852/3600 m/s). Results keep {@value #DIGITS} significant digits, trailing zeros removed.
 * Stateless and thread-safe.
 */
public final class UnitConverter {

    /** Significant digits of a result. */
    public static final int DIGITS = 15;

    private static final MathContext CONTEXT = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    /** Each unit by symbol: its dimension and its size in that dimension's base unit (m, kg, l, m/s). */
    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();

    static {
        linear("mm", "length", "0.001");
        linear("cm", "length", "0.01");
        linear("m", "length", "1");
        linear("km", "length", "1000");
        linear("in", "length", "0.0254");
        linear("ft", "length", "0.3048");
        linear("yd", "length", "0.9144");
        linear("mi", "length", "1609.344");
        linear("g", "mass", "0.001");
        linear("kg", "mass", "1");
        linear("t", "mass", "1000");
        linear("oz", "mass", "0.028349523125");
        linear("lb", "mass", "0.45359237");
        linear("ml", "volume", "0.001");
        linear("l", "volume", "1");
        linear("gal", "volume", "3.785411784");
        linear("m/s", "speed", "1");
        linear("km/h", "speed", "1000", "3600");
        linear("mph", "speed", "0.44704");
        linear("kn", "speed", "1852", "3600");
        UNITS.put("C", new Unit("temperature", null, null));
        UNITS.put("F", new Unit("temperature", null, null));
        UNITS.put("K", new Unit("temperature", null, null));
    }

    private static void linear(String symbol, String dimension, String factor) {
        linear(symbol, dimension, factor, "1");
    }

    /** A unit of {@code numerator / denominator} base units, kept as a fraction: 1 km/h = 1000/3600 m/s. */
    private static void linear(String symbol, String dimension, String numerator, String denominator) {
        UNITS.put(symbol, new Unit(dimension, new BigDecimal(numerator), new BigDecimal(denominator)));
    }

    /** A unit; {@code numerator} null for the temperatures, which are not proportional. */
    private record Unit(String dimension, BigDecimal numerator, BigDecimal denominator) {
    }

    /**
     * Converts {@code value} from one unit to another of the same kind.
     *
     * @return e.g. {@code "6.21371192237334"} for 10 km in mi; {@code "212"} for 100 C in F
     * @throws IllegalArgumentException if a unit is unknown (the message lists the known ones) or the
     *                                  two measure different things (length to mass)
     */
    @Tool("Converts a value between units of length (mm cm m km in ft yd mi), mass (g kg t oz lb), "
            + "volume (ml l gal), speed (m/s km/h mph kn) or temperature (C F K)")
    public String convert(@Param("the value to convert") BigDecimal value,
            @Param("the unit of the value, e.g. km") String from,
            @Param("the unit to convert to, e.g. mi") String to) {
        Unit source = unit(from);
        Unit target = unit(to);
        if (!source.dimension().equals(target.dimension())) {
            throw new IllegalArgumentException("cannot convert " + source.dimension() + " (" + from + ") to "
                    + target.dimension() + " (" + to + ")");
        }
        // One division, at the end: value * (n1/d1) / (n2/d2) = value * n1 * d2 / (d1 * n2).
        BigDecimal result = source.numerator() == null
                ? fromKelvin(toKelvin(value, symbol(from)), symbol(to))
                : value.multiply(source.numerator()).multiply(target.denominator())
                        .divide(source.denominator().multiply(target.numerator()), CONTEXT);
        return result.round(CONTEXT).stripTrailingZeros().toPlainString();
    }

    private static Unit unit(String symbol) {
        Unit unit = UNITS.get(symbol(symbol));
        if (unit == null) {
            throw new IllegalArgumentException("unknown unit '" + symbol + "'; known units: " + UNITS.keySet());
        }
        return unit;
    }

    /** Temperatures are written C, F or K in any case, with or without a degree sign. */
    private static String symbol(String symbol) {
        String trimmed = symbol.trim().replace("°", "");
        String upper = trimmed.toUpperCase(Locale.ROOT);
        return upper.equals("C") || upper.equals("F") || upper.equals("K") ? upper : trimmed;
    }

    private static BigDecimal toKelvin(BigDecimal value, String unit) {
        switch (unit) {
            case "C":
                return value.add(new BigDecimal("273.15"));
            case "F":
                return value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                        .divide(BigDecimal.valueOf(9), CONTEXT).add(new BigDecimal("273.15"));
            default:
                return value;
        }
    }

    private static BigDecimal fromKelvin(BigDecimal kelvin, String unit) {
        switch (unit) {
            case "C":
                return kelvin.subtract(new BigDecimal("273.15"));
            case "F":
                return kelvin.subtract(new BigDecimal("273.15")).multiply(BigDecimal.valueOf(9))
                        .divide(BigDecimal.valueOf(5), CONTEXT).add(BigDecimal.valueOf(32));
            default:
                return kelvin;
        }
    }
}
