package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class AgentLoopTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SwitchboardServer server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void callsTheToolSendsTheResultBackAndReturnsTheAnswer() throws IOException {
        List<String> steps = new ArrayList<>();
        String weather = AgentLoop.getWeather("{\"city\":\"Paris\"}");

        String answer = AgentLoop.run(server.openAiBaseUrl(), "test-key", "scripted",
                "What is the weather in Paris?", steps::add);

        assertThat(steps).containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool result " + weather);
        // The scripted model names the tool by the tool_call_id it got back: the ids were kept.
        assertThat(answer).isEqualTo("get_weather returned " + weather + ".");
    }

    @Test
    void aQuestionThatNeedsNoToolIsAnsweredAtOnce() throws IOException {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(server.openAiBaseUrl(), "test-key", "scripted", "Hello there", steps::add);

        assertThat(answer).isEqualTo("You said: Hello there");
        assertThat(steps).isEmpty();
    }

    @Test
    void givesUpAfterFiveTurnsOfToolCalls() throws IOException {
        String alwaysACall = "{\"choices\":[{\"index\":0,\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}}]}";
        try (CannedServer canned = CannedServer.answering("application/json", alwaysACall)) {
            List<String> steps = new ArrayList<>();

            assertThatThrownBy(() -> AgentLoop.run(canned.rootUrl() + "/v1", "test-key", "any", "Weather in Oslo?", steps::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("5 turns");

            assertThat(canned.requestBodies()).hasSize(AgentLoop.MAX_TURNS);
            assertThat(steps).hasSize(2 * AgentLoop.MAX_TURNS);
            JsonNode last = MAPPER.readTree(canned.requestBodies().get(AgentLoop.MAX_TURNS - 1));
            JsonNode messages = last.path("messages");
            assertThat(messages).hasSize(1 + 2 * (AgentLoop.MAX_TURNS - 1));
            assertThat(messages.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":null,"
                    + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]}");
            assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
            assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
            assertThat(messages.get(2).path("content").asText()).isEqualTo(AgentLoop.getWeather("{\"city\":\"Oslo\"}"));
            assertThat(last.path("tools").get(0).path("function").path("parameters").toString()).isEqualTo(
                    "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                            + "\"description\":\"The city's name, e.g. Paris\"}},\"required\":[\"city\"]}");
        }
    }

    @Test
    void theWeatherIsTheSameForTheSameCity() throws IOException {
        assertThat(AgentLoop.getWeather("{\"city\":\"Paris\"}"))
                .isEqualTo(AgentLoop.getWeather("{\"city\":\"Paris\"}"))
                .startsWith("{\"city\":\"Paris\",\"temperature_celsius\":");
        assertThat(AgentLoop.getWeather("{}")).startsWith("{\"city\":\"unknown\"");
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> AgentLoop.run(server.openAiBaseUrl(), "test-key", "no-such-model", "Hi", s -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }
}
