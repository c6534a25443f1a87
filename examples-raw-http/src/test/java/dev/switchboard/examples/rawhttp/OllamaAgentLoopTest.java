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

class OllamaAgentLoopTest {

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
        String weather = OllamaAgentLoop.getWeather("{\"city\":\"Paris\"}");

        String answer = OllamaAgentLoop.run(server.rootUrl(), "scripted", "What is the weather in Paris?", steps::add);

        assertThat(steps).containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool result " + weather);
        assertThat(answer).isEqualTo("get_weather returned " + weather + ".");
    }

    @Test
    void theWeatherIsTheSameAsOnTheV1Route() throws IOException {
        List<String> v1Steps = new ArrayList<>();
        List<String> nativeSteps = new ArrayList<>();

        AgentLoop.run(server.openAiBaseUrl(), "test-key", "scripted", "Weather in Oslo and Lima?", v1Steps::add);
        OllamaAgentLoop.run(server.rootUrl(), "scripted", "Weather in Oslo and Lima?", nativeSteps::add);

        assertThat(nativeSteps).hasSize(4).isEqualTo(v1Steps);
    }

    @Test
    void aQuestionThatNeedsNoToolIsAnsweredAtOnce() throws IOException {
        List<String> steps = new ArrayList<>();

        assertThat(OllamaAgentLoop.run(server.rootUrl(), "scripted", "Hello there", steps::add))
                .isEqualTo("You said: Hello there");
        assertThat(steps).isEmpty();
    }

    @Test
    void givesUpAfterFiveTurnsAndSendsNativeToolMessages() throws IOException {
        String alwaysACall = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
                + "{\"id\":\"call_1\",\"function\":{\"index\":0,\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}]},"
                + "\"done\":true,\"done_reason\":\"stop\"}";
        try (CannedServer canned = CannedServer.answering("application/json", alwaysACall)) {
            List<String> steps = new ArrayList<>();

            assertThatThrownBy(() -> OllamaAgentLoop.run(canned.rootUrl(), "m", "Weather in Oslo?", steps::add))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("5 turns");

            assertThat(canned.requestBodies()).hasSize(OllamaAgentLoop.MAX_TURNS);
            assertThat(steps).hasSize(2 * OllamaAgentLoop.MAX_TURNS).startsWith("tool call get_weather {\"city\":\"Oslo\"}");
            JsonNode messages = MAPPER.readTree(canned.requestBodies().get(OllamaAgentLoop.MAX_TURNS - 1)).path("messages");
            assertThat(messages).hasSize(1 + 2 * (OllamaAgentLoop.MAX_TURNS - 1));
            assertThat(messages.get(1).path("tool_calls").get(0).path("function").path("arguments").isObject()).isTrue();
            assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
            assertThat(messages.get(2).path("tool_name").asText()).isEqualTo("get_weather");
            assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
            assertThat(messages.get(2).path("content").asText()).isEqualTo(OllamaAgentLoop.getWeather("{\"city\":\"Oslo\"}"));
        }
    }

    @Test
    void anUnknownModelIsA404() {
        assertThatThrownBy(() -> OllamaAgentLoop.run(server.rootUrl(), "no-such-model", "Hi", s -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
    }
}
