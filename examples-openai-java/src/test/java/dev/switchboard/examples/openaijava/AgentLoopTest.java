package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Endpoint;
import dev.switchboard.testkit.LlmEndpointExtension;

@ExtendWith(LlmEndpointExtension.class)
class AgentLoopTest {

    @Test
    void callsTheToolDerivedFromTheRecordAndAnswersFromItsResult(Endpoint endpoint) throws Exception {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(),
                "What is the weather in Paris?", steps::add);

        // The scripted engine calls get_weather because the name matches "weather", and fills the
        // schema's one string property, city, with the capitalised word.
        String result = AgentLoop.getWeather("Paris");
        assertThat(result).matches("\\{\"city\":\"Paris\",\"temperatureCelsius\":\\d+,\"conditions\":\"(sunny|cloudy|rainy|windy)\"}");
        assertThat(steps).containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool result " + result);
        assertThat(answer).isEqualTo("get_weather returned " + result + ".");
    }

    @Test
    void theWeatherIsTheSameForTheSameCity() throws Exception {
        assertThat(AgentLoop.getWeather("Tokyo"))
                .isEqualTo(AgentLoop.getWeather("Tokyo"))
                .isNotEqualTo(AgentLoop.getWeather("Paris"));
    }

    @Test
    void answersEachOfTwoCallsByItsId(Endpoint endpoint) throws Exception {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(),
                "What is the weather in Paris and Tokyo?", steps::add);

        assertThat(steps).filteredOn(s -> s.startsWith("tool call"))
                .containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool call get_weather {\"city\":\"Tokyo\"}");
        assertThat(answer).contains("{\"city\":\"Paris\"").contains("{\"city\":\"Tokyo\"");
    }

    @Test
    void aQuestionNoToolFitsIsAnsweredDirectly(Endpoint endpoint) throws Exception {
        List<String> steps = new ArrayList<>();

        assertThat(AgentLoop.run(endpoint.baseUrl(), "test-key", endpoint.chatModel(), "Hello there", steps::add))
                .isEqualTo("You said: Hello there");
        assertThat(steps).isEmpty();
    }
}
