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
    void callsTheToolDerivedFromTheRecordAndAnswersFromItsResult(Endpoint endpoint) {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(endpoint, "What is the weather in Paris?", steps::add);

        // The scripted engine calls get_weather because the name matches "weather", and fills the
        // derived schema's one string property, city, with the capitalised word.
        assertThat(steps).containsExactly("  tool call get_weather {\"city\":\"Paris\"}",
                "  tool result " + new AgentLoop.GetWeather("Paris").execute());
        assertThat(answer).startsWith("get_weather returned {\"city\":\"Paris\",\"temperatureCelsius\":");
    }

    @Test
    void answersEachOfTwoCallsByItsId(Endpoint endpoint) {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(endpoint, "What is the weather in Paris and Tokyo?", steps::add);

        assertThat(steps).filteredOn(s -> s.startsWith("  tool call"))
                .containsExactly("  tool call get_weather {\"city\":\"Paris\"}", "  tool call get_weather {\"city\":\"Tokyo\"}");
        assertThat(answer).contains("{\"city\":\"Paris\"").contains("{\"city\":\"Tokyo\"");
    }

    @Test
    void aQuestionNoToolFitsIsAnsweredDirectly(Endpoint endpoint) {
        List<String> steps = new ArrayList<>();

        assertThat(AgentLoop.run(endpoint, "Hello there", steps::add)).isEqualTo("You said: Hello there");
        assertThat(steps).isEmpty();
    }
}
