package dev.switchboard.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** Takes the resolution straight to its in-process step, whatever else runs on this machine. */
    private static final Map<String, String> IN_PROCESS = Map.of("LLM_ENDPOINT", "in-process");

    @TempDir
    Path dir;

    @Test
    @Timeout(900) // where a Docker engine runs, this includes starting an Ollama container and pulling two models
    void tourWithNothingConfiguredRunsEveryScenarioAgainstTheEmbeddedServerAndPasses() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        int status = Tour.run(out, Map.of(), Duration.ZERO);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        // On a machine where a local Ollama answers, the tour uses it instead; the checks below hold either way.
        assertThat(printed).contains("· endpoint: ");
        // A row for every style's own example files, both flavours, and one for every adapter.
        assertThat(printed).contains("\nraw-http examples ", "\nraw-http Ollama /api examples ", "\nopenai-java examples ",
                "\nlangchain4j examples ", "\nlangchain4j Ollama examples ", "\nspring-ai examples ",
                "\nspring-ai Ollama examples ", "\nLlmClient raw-http ", "\nLlmClient openai-java ",
                "\nLlmClient langchain4j ", "\nLlmClient spring-ai ");
        assertThat(printed).doesNotContain("FAILED");
        assertThat(status).as(printed).isZero();
    }

    @Test
    @Timeout(180)
    void inProcessTheGeneratedModelRunsAndTheTourSaysItsTextIsNotMeaningful() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), IN_PROCESS, Duration.ZERO);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("run in-process by llama.cpp", "RANDOM WEIGHTS", DemoModel.NOTICE)
                .contains("Chat model: " + DemoModel.MODEL_NAME)
                .contains("Its tool calls are well-formed")
                .doesNotContain("agent loop: n/a")
                .doesNotContain("SCRIPTED OFFLINE DEMO");
        assertThat(status).as(printed).isZero();
    }

    @Test
    @Timeout(120)
    void whenTheNativeLibraryCannotLoadTheScriptedEngineStandsInAndSaysWhy() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (TourEndpoint target = EndpointResolver.resolve(IN_PROCESS, out, Duration.ZERO, builder -> {
            throw new ModelLoadException(Path.of("demo.gguf"), "libjllama.so: cannot open shared object file", true);
        })) {
            assertThat(target.description()).contains("SCRIPTED OFFLINE DEMO");
            assertThat(target.endpoint().chatModel()).isEqualTo(ScriptedEngine.MODEL);
            assertThat(target.unsupported(Scenario.AGENT_LOOP)).isEmpty();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("native library does not load on this platform")
                .contains("· endpoint: the embedded Switchboard server at ")
                .contains("cannot open shared object file");
    }

    @Test
    @Timeout(120)
    void llmModelFileServesThatFileInProcess() throws Exception {
        Path file = dir.resolve("my-model.gguf");
        DemoModel.write(file, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        try (TourEndpoint target = EndpointResolver.resolve(Map.of("LLM_ENDPOINT", "in-process", "LLM_MODEL_FILE", file.toString()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO)) {
            assertThat(target.description()).contains("LLM_MODEL_FILE " + file).doesNotContain("RANDOM WEIGHTS");
            assertThat(target.endpoint().chatModel()).isEqualTo("my-model");
            assertThat(target.ollama()).isTrue();
        }
    }

    @Test
    @Timeout(60)
    void anLlmModelFileThatCannotBeLoadedIsAnErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.gguf"), "this is not a model, just some text");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        assertThatThrownBy(() -> EndpointResolver.resolve(Map.of("LLM_ENDPOINT", "in-process", "LLM_MODEL_FILE", file.toString()),
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
            assertThat(printed).contains("· endpoint: LLM_BASE_URL at " + other.openAiBaseUrl())
                    .doesNotContain("SCRIPTED OFFLINE DEMO").contains("Your name is Alice.")
                    .contains("You said: " + Prompts.QUESTION);
            assertThat(other.stats().requests() - requestsBefore).as("requests that reached the server").isGreaterThan(20);
            assertThat(status).as(printed).isZero();
        }
    }

    @Test
    @Timeout(180)
    void onAServerWithoutOllamasApiEveryOllamaNativeCellIsNaForOneReason() throws Exception {
        try (SwitchboardServer upstream = SwitchboardServer.start(new ScriptedEngine());
                LlamaServerFront llamaServer = new LlamaServerFront(upstream.rootUrl())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Map<String, String> env = Map.of("LLM_BASE_URL", llamaServer.openAiBaseUrl(), "LLM_MODEL", ScriptedEngine.MODEL,
                    "LLM_EMBEDDING_MODEL", ScriptedEngine.EMBEDDING_MODEL);

            int status = Tour.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), env, Duration.ZERO);

            String printed = bytes.toString(StandardCharsets.UTF_8);
            String reason = "not supported: this server has no Ollama /api (GET " + llamaServer.openAiBaseUrl()
                    .replace("/v1", "") + "/ does not answer \"Ollama is running\"): is it an Ollama?";
            // three example rows (raw-http, LangChain4j, Spring AI) and two adapters (raw-http-ollama,
            // langchain4j-ollama), five scenarios each
            assertThat(printed.split(java.util.regex.Pattern.quote(reason), -1)).as(printed).hasSize(5 * 5 + 1);
            assertThat(printed).contains("You said: " + Prompts.QUESTION).doesNotContain("→ failed");
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
            assertThat(target.description()).startsWith("LLM_BASE_URL at http://127.0.0.1:1/v1")
                    .endsWith("LLM_BASE_URL is set");
            assertThat(target.ollama()).isFalse();
            assertThat(target.unsupported(Scenario.AGENT_LOOP)).isEmpty();
        }
    }
}
