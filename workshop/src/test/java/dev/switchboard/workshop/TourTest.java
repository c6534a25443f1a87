package dev.switchboard.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ModelLoadException;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.gguf.DemoModel;

class TourTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
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
    @Timeout(180)
    void withNothingConfiguredTheGeneratedModelRunsInProcessAndTheTourSaysItsTextIsNotMeaningful() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of(), Duration.ZERO);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assumeFalse(printed.contains("Endpoint: the local Ollama"),
                "a local Ollama answered at " + EndpointResolver.LOCAL_OLLAMA + ", so the tour used it");

        assertThat(printed).contains("run in-process by llama.cpp", "RANDOM WEIGHTS", DemoModel.NOTICE)
                .contains("Chat model: " + DemoModel.MODEL_NAME)
                .contains("agent loop: n/a — unsupported by this endpoint: " + EndpointResolver.NO_TOOLS)
                .doesNotContain("SCRIPTED OFFLINE DEMO");
        assertThat(status).as(printed).isZero();
    }

    @Test
    @Timeout(120)
    void whenTheNativeLibraryCannotLoadTheScriptedEngineStandsInAndSaysWhy() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assumeFalse(localOllama(), "a local Ollama answers, so the resolver never gets to the embedded server");

        try (TourEndpoint target = EndpointResolver.resolve(Map.of(), out, Duration.ZERO, builder -> {
            throw new ModelLoadException(Path.of("demo.gguf"), "libjllama.so: cannot open shared object file", true);
        })) {
            assertThat(target.description()).contains("SCRIPTED OFFLINE DEMO");
            assertThat(target.endpoint().chatModel()).isEqualTo(ScriptedEngine.MODEL);
            assertThat(target.unsupported(Scenario.AGENT_LOOP)).isEmpty();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("native library does not load on this platform")
                .contains("cannot open shared object file");
    }

    @Test
    @Timeout(120)
    void llmModelFileServesThatFileInProcess() throws Exception {
        assumeFalse(localOllama(), "a local Ollama answers, so the resolver never gets to the embedded server");
        Path file = dir.resolve("my-model.gguf");
        DemoModel.write(file, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (TourEndpoint target = EndpointResolver.resolve(Map.of("LLM_MODEL_FILE", file.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO)) {
            assertThat(target.description()).contains("LLM_MODEL_FILE " + file).doesNotContain("RANDOM WEIGHTS");
            assertThat(target.endpoint().chatModel()).isEqualTo("my-model");
            assertThat(target.ollama()).isTrue();
        }
    }

    @Test
    @Timeout(60)
    void anLlmModelFileThatCannotBeLoadedIsAnErrorNamingIt() throws Exception {
        assumeFalse(localOllama(), "a local Ollama answers, so the resolver never gets to the embedded server");
        Path file = Files.writeString(dir.resolve("broken.gguf"), "this is not a model, just some text");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        assertThatThrownBy(() -> EndpointResolver.resolve(Map.of("LLM_MODEL_FILE", file.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a GGUF file");
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
                    .doesNotContain("SCRIPTED OFFLINE DEMO").contains("Your name is Alice.")
                    .contains("You said: " + Prompts.QUESTION);
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
            assertThat(target.unsupported(Scenario.AGENT_LOOP)).isEmpty();
        }
    }

    private static boolean localOllama() {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(EndpointResolver.LOCAL_OLLAMA + "/"))
                            .timeout(Duration.ofSeconds(1)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.body().contains("Ollama is running");
        } catch (Exception e) {
            return false;
        }
    }
}
