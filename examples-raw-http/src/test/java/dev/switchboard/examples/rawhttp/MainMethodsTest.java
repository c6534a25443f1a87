package dev.switchboard.examples.rawhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.examples.ExampleMain;

/**
 * Each example's {@code main}, run as a reader runs it: in its own JVM, configured only by the
 * {@code LLM_*} environment variables (here pointing at the scripted server). Also proves the JVM
 * exits by itself once {@code main} returns (OkHttp's threads are daemons).
 */
@Timeout(180) // each child runs at most ExampleMain.TIMEOUT_SECONDS; this bounds the rest
class MainMethodsTest {

    private static SwitchboardServer server;

    @BeforeAll
    static void startServer() {
        server = SwitchboardServer.start(new ScriptedEngine());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("NonStreamingChat", "You said: Why is the sky blue? Answer in one sentence."),
                Arguments.of("StreamingChat", "You said: Count from one to ten in words."),
                Arguments.of("MultiTurnChat", "assistant: Nice to meet you, Alice.\nassistant: Your name is Alice."),
                Arguments.of("AgentLoop", "  tool call get_weather {\"city\":\"Paris\"}\n  tool result {\"city\":\"Paris\""),
                Arguments.of("Embeddings", "256 floats, starting ["),
                Arguments.of("OllamaStreamingChat", "You said: Count from one to ten in words."),
                Arguments.of("OllamaEmbeddings", "256 floats, starting ["),
                Arguments.of("OllamaNonStreamingChat", "You said: Why is the sky blue? Answer in one sentence."),
                Arguments.of("ListModels", "scripted\n"),
                Arguments.of("OllamaListModels", "scripted-embed\n"),
                Arguments.of("OllamaMultiTurnChat", "assistant: Nice to meet you, Alice.\nassistant: Your name is Alice."),
                Arguments.of("OllamaGenerate", "You said: Write a haiku about the sea."),
                Arguments.of("OllamaAgentLoop", "  tool call get_weather {\"city\":\"Paris\"}\n  tool result {\"city\":\"Paris\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void mainRunsAgainstTheEndpointInTheEnvironment(String example, String expected) throws Exception {
        ExampleMain run = ExampleMain.run("dev.switchboard.examples.rawhttp." + example, Map.of(
                "LLM_BASE_URL", server.openAiBaseUrl(), "LLM_API_KEY", "test-key",
                "LLM_MODEL", ScriptedEngine.MODEL, "LLM_EMBEDDING_MODEL", ScriptedEngine.EMBEDDING_MODEL));

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains(expected);
    }
}
