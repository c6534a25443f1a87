package dev.switchboard.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

import dev.switchboard.agent.FunctionTool;

/** The example tools called directly, and once each through {@link FunctionTool}'s JSON path. */
class ToolsTest {

    private final Calculator calculator = new Calculator();
    private final UnitConverter converter = new UnitConverter();
    private final WorldClock clock = new WorldClock(Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final CityAtlas atlas = new CityAtlas();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theCalculatorIsExact() {
        assertThat(calculator.add(d("0.1"), d("0.2"))).isEqualTo("0.3");
        assertThat(calculator.subtract(d("1.50"), d("1.5"))).isEqualTo("0");
        assertThat(calculator.multiply(d("1.1"), d("1.1"))).isEqualTo("1.21");
        assertThat(calculator.multiply(d("1E+3"), d("1"))).isEqualTo("1000");
        assertThat(calculator.divide(d("1"), d("8"))).isEqualTo("0.125");
        assertThat(calculator.divide(d("1"), d("3"))).isEqualTo("0.33333333333333333333");
        assertThat(calculator.divide(d("2"), d("3"))).isEqualTo("0.66666666666666666667");
        assertThat(calculator.power(d("1.1"), 3)).isEqualTo("1.331");
        assertThat(calculator.sqrt(d("2.25"))).isEqualTo("1.5");
        assertThat(calculator.sqrt(d("2"))).isEqualTo("1.4142135623730950488");
    }

    @Test
    void theCalculatorRefusesWhatHasNoAnswer() {
        assertThatThrownBy(() -> calculator.divide(d("1"), d("0"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> calculator.sqrt(d("-1"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> calculator.power(d("2"), 1000)).hasMessage("exponent must be 0 to 999, was 1000");
    }

    @Test
    void theConverterUsesExactFactors() {
        assertThat(converter.convert(d("100"), "C", "F")).isEqualTo("212");
        assertThat(converter.convert(d("32"), "°F", "c")).isEqualTo("0");
        assertThat(converter.convert(d("0"), "K", "C")).isEqualTo("-273.15");
        assertThat(converter.convert(d("-40"), "F", "C")).isEqualTo("-40");
        assertThat(converter.convert(d("10"), "km", "mi")).isEqualTo("6.21371192237334");
        assertThat(converter.convert(d("1"), "mi", "km")).isEqualTo("1.609344");
        assertThat(converter.convert(d("1"), "mph", "km/h")).isEqualTo("1.609344");
        assertThat(converter.convert(d("1"), "kn", "km/h")).isEqualTo("1.852");
        assertThat(converter.convert(d("1"), "lb", "g")).isEqualTo("453.59237");
        assertThat(converter.convert(d("1"), "gal", "ml")).isEqualTo("3785.411784");
    }

    @Test
    void theConverterRefusesUnknownOrMismatchedUnits() {
        assertThatThrownBy(() -> converter.convert(d("1"), "km", "kg"))
                .hasMessage("cannot convert length (km) to mass (kg)");
        assertThatThrownBy(() -> converter.convert(d("1"), "parsec", "km"))
                .hasMessageStartingWith("unknown unit 'parsec'; known units: [mm, cm, m, km");
    }

    @Test
    void theClockReadsOnlyItsInjectedTime() {
        WorldClock.Now tokyo = clock.current_time("Asia/Tokyo");
        assertThat(tokyo.localTime()).isEqualTo("2026-03-01T17:00:00+09:00");
        assertThat(tokyo.dayOfWeek()).isEqualTo("SUNDAY");
        assertThat(clock.current_time("America/New_York").localTime()).isEqualTo("2026-03-01T03:00:00-05:00");
        assertThat(clock.convert_time("2026-03-01T09:00", "Europe/Paris", "Asia/Tokyo"))
                .isEqualTo("2026-03-01T17:00:00+09:00");
        // 02:30 does not exist in Paris on 2026-03-29 (clocks jump from 02:00 to 03:00): moved by the gap.
        assertThat(clock.convert_time("2026-03-29T02:30", "Europe/Paris", "UTC")).isEqualTo("2026-03-29T01:30:00Z");
        assertThat(clock.days_between("2026-01-01", "2026-12-25")).isEqualTo(358);
        assertThat(clock.days_between("2026-12-25", "2026-01-01")).isEqualTo(-358);
        assertThatThrownBy(() -> clock.current_time("Mars/Olympus")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> clock.days_between("yesterday", "2026-01-01")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theAtlasLooksUpTheBundledDataset() {
        assertThat(atlas.cities()).hasSize(20);
        CityAtlas.City saoPaulo = atlas.lookup_city("sao paulo");
        assertThat(saoPaulo.name()).isEqualTo("São Paulo");
        assertThat(saoPaulo.timeZone()).isEqualTo("America/Sao_Paulo");
        assertThat(atlas.distance_km("Paris", "London")).isEqualByComparingTo("343.6");
        assertThat(atlas.distance_km("Tokyo", "New York")).isEqualByComparingTo("10851.7");
        assertThat(atlas.distance_km("Rome", "rome")).isEqualByComparingTo("0");
        assertThat(atlas.cities_in_country("us")).containsExactly("Los Angeles", "New York");
        assertThat(atlas.cities_in_country("Atlantis")).isEmpty();
        assertThatThrownBy(() -> atlas.lookup_city("Atlantis"))
                .hasMessageStartingWith("no city named 'Atlantis' in the dataset; it has: Auckland, Berlin");
        // Every zone in the dataset is one the clock knows.
        atlas.cities().forEach(city -> assertThat(clock.current_time(city.timeZone()).zone()).isEqualTo(city.timeZone()));
    }

    @Test
    void throughTheirToolsResultsComeBackAsJsonText() throws Exception {
        assertThat(tool(calculator, "add").call("{\"a\":0.1,\"b\":0.2}")).isEqualTo("0.3");
        assertThat(tool(converter, "convert").call("{\"value\":100,\"from\":\"C\",\"to\":\"F\"}")).isEqualTo("212");
        assertThat(tool(clock, "current_time").call("{\"zone\":\"UTC\"}"))
                .isEqualTo("{\"zone\":\"UTC\",\"localTime\":\"2026-03-01T08:00:00Z\",\"dayOfWeek\":\"SUNDAY\"}");
        assertThat(tool(atlas, "lookup_city").call("{\"name\":\"Reykjavik\"}")).isEqualTo("{\"name\":\"Reykjavik\","
                + "\"country\":\"Iceland\",\"countryCode\":\"IS\",\"timeZone\":\"Atlantic/Reykjavik\","
                + "\"latitude\":64.1466,\"longitude\":-21.9426,\"population\":140000}");
        assertThat(tool(atlas, "distance_km").call("{\"from\":\"Paris\",\"to\":\"London\"}")).isEqualTo("343.6");
    }

    private static FunctionTool tool(Object target, String name) {
        return FunctionTool.fromObject(target).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
