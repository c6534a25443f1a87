package dev.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class FunctionToolTest {

    public enum Unit { CELSIUS, FAHRENHEIT }

    public record Place(String city, String country) {
    }

    public static final class Sample {
        @Tool("Describes a temperature")
        public String describe(@Param("the value") BigDecimal value, @Param("the unit") Unit unit,
                @Param(value = "how many digits", required = false) Integer digits) {
            return value + " " + unit + (digits == null ? "" : " to " + digits);
        }

        @Tool(value = "Greets a place", name = "greet-place", timeoutMillis = 1500)
        public Place greet(Place place, List<String> names) {
            return new Place(place.city().toUpperCase(), String.join("+", names));
        }

        @Tool("Does nothing")
        public void noop() {
        }

        public String notATool() {
            return "";
        }
    }

    private final List<FunctionTool> tools = FunctionTool.fromObject(new Sample());

    private FunctionTool tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyAnnotatedMethodBecomesAToolWithAGeneratedSchema() {
        assertThat(tools).extracting(FunctionTool::name).containsExactly("describe", "greet-place", "noop");
        assertThat(tool("describe").parametersJson()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"value\":{\"type\":\"number\",\"description\":\"the value\"},"
                + "\"unit\":{\"type\":\"string\",\"enum\":[\"CELSIUS\",\"FAHRENHEIT\"],\"description\":\"the unit\"},"
                + "\"digits\":{\"type\":\"integer\",\"description\":\"how many digits\"}},"
                + "\"required\":[\"value\",\"unit\"],\"additionalProperties\":false}");
        assertThat(tool("greet-place").parametersJson()).contains(
                "\"place\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"country\":{\"type\":\"string\"}}}",
                "\"names\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
        assertThat(tool("greet-place").timeout()).hasMillis(1500);
        assertThat(tool("describe").timeout()).isNull();
        assertThat(tool("noop").spec().parametersJson()).isEqualTo("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
    }

    @Test
    void argumentsAreConvertedToTheParameterTypes() throws Exception {
        assertThat(tool("describe").call("{\"value\":21.50,\"unit\":\"CELSIUS\"}")).isEqualTo("21.50 CELSIUS");
        assertThat(tool("describe").call("{\"value\":1,\"unit\":\"FAHRENHEIT\",\"digits\":2}"))
                .isEqualTo("1 FAHRENHEIT to 2");
        assertThat(tool("greet-place").call("{\"place\":{\"city\":\"Oslo\",\"country\":\"NO\"},\"names\":[\"a\",\"b\"]}"))
                .isEqualTo("{\"city\":\"OSLO\",\"country\":\"a+b\"}");
        assertThat(tool("noop").call("{}")).isEqualTo("ok");
    }

    @Test
    void invalidArgumentsNameEachProblem() {
        assertThatThrownBy(() -> tool("describe").call("{\"value\":\"warm\",\"unit\":\"KELVIN\"}"))
                .isInstanceOfSatisfying(InvalidToolArgumentsException.class,
                        e -> assertThat(e.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("/value"))
                                .anySatisfy(p -> assertThat(p).contains("/unit")));
        assertThatThrownBy(() -> tool("describe").call("{\"unit\":\"CELSIUS\"}"))
                .isInstanceOf(InvalidToolArgumentsException.class).hasMessageContaining("value");
        assertThatThrownBy(() -> tool("describe").call("not json"))
                .isInstanceOf(InvalidToolArgumentsException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void badToolDefinitionsAreRefusedWhenTheToolsAreMade() {
        assertThatThrownBy(() -> FunctionTool.fromObject(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no public @Tool method");
        assertThatThrownBy(() -> FunctionTool.fromObject(new BadName()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match");
        assertThatThrownBy(() -> Agent.builder("x").tools(new Sample(), new Sample()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two tools named 'describe'");
    }

    public static final class BadName {
        @Tool(value = "has a space", name = "bad name")
        public String bad() {
            return "";
        }
    }
}
