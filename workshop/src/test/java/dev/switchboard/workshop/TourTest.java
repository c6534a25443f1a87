package dev.switchboard.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;

class TourTest {

    @Test
    @Timeout(120)
    void tourWithNothingConfiguredRunsEveryScenarioAgainstTheEmbeddedServerAndPasses() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int status = Tour.run(out, Map.of(), Duration.ZERO);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        // On a machine where a local Ollama answers, the tour uses it instead; the checks below hold either way.
        assertThat(printed).contains("Endpoint: ");
        assertThat(printed).contains("raw-http examples", "raw-http Ollama /api", "LlmClient raw-http");
        assertThat(printed).doesNotContain("FAILED");
        assertThat(status).as(printed).isZero();
    }

    @Test
    @Timeout(120)
    void tourAgainstTheScriptedServerSaysSoAndShowsTheScriptedAnswers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assumeTrue(printed.contains("SCRIPTED OFFLINE DEMO"),
                "a local Ollama answered at " + EndpointResolver.LOCAL_OLLAMA + ", so the tour used it");
        assertThat(printed).contains("You said: " + Prompts.QUESTION, "Your name is Alice.", "get_weather returned");
    }

    @Test
    @Timeout(120)
    void withLlmBaseUrlTheSameScenariosRunAgainstThatServer() throws Exception {
        try (SwitchboardServer other = SwitchboardServer.start(new ScriptedEngine())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Map<String, String> env = Map.of("LLM_BASE_URL", other.openAiBaseUrl(), "LLM_MODEL", ScriptedEngine.MODEL,
                    "LLM_EMBEDDING_MODEL", ScriptedEngine.EMBEDDING_MODEL);
            long requestsBefore = other.stats().requests();

            int status = Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), env, Duration.ZERO);

            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Endpoint: LLM_BASE_URL " + other.openAiBaseUrl())
                    .doesNotContain("SCRIPTED OFFLINE DEMO").contains("Your name is Alice.");
            assertThat(other.stats().requests() - requestsBefore).as("requests that reached the server").isGreaterThan(20);
            assertThat(status).as(printed).isZero();
        }
    }

    @Test
    @Timeout(120)
    void anEndpointThatDoesNotAnswerFailsTheTourWithTheReason() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int status = Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Map.of("LLM_BASE_URL", "http://127.0.0.1:1/v1"), Duration.ZERO);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isNotZero();
        assertThat(printed).contains("failed");
    }

    @Test
    void anExplicitBaseUrlWinsAndIsNotTakenForAnOllama() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TourEndpoint target = EndpointResolver.resolve(Map.of("LLM_BASE_URL", "http://127.0.0.1:1/v1"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO)) {
            assertThat(target.description()).startsWith("LLM_BASE_URL http://127.0.0.1:1/v1");
            assertThat(target.ollama()).isFalse();
            assertThat(target.resource()).isNull();
        }
    }
}
