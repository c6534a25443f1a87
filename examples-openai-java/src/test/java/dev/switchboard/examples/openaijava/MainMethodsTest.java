package dev.switchboard.examples.openaijava;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.examples.ExampleMain;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * Each example's {@code main}, run as a reader runs it: in its own JVM, configured only by the
 * {@code LLM_*} environment (here pointing at the scripted server). Also proves the JVM exits by
 * itself once {@code main} returns, i.e. the SDK client was closed.
 */
@ExtendWith(LlmEndpointExtension.class)
@Timeout(180) // each child runs at most ExampleMain.TIMEOUT_SECONDS; this bounds the rest
class MainMethodsTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("NonStreamingChat", ScriptedEngine.MODEL,
                        "You said: Why is the sky blue? Answer in one sentence."),
                Arguments.of("StreamingChat", ScriptedEngine.MODEL, "You said: Count from one to ten in words."),
                Arguments.of("MultiTurnChat", ScriptedEngine.MODEL,
                        "assistant: Nice to meet you, Alice.\nassistant: Your name is Alice."),
                Arguments.of("AgentLoop", ScriptedEngine.MODEL,
                        "tool call get_weather {\"city\":\"Paris\"}\ntool result {\"city\":\"Paris\","),
                Arguments.of("Embeddings", ScriptedEngine.MODEL, "The cat sat on the mat. -> 256 floats, the first "),
                Arguments.of("AsyncStreamingChat", ScriptedEngine.MODEL, "You said: Count from one to ten in words."),
                Arguments.of("ReasoningAndTimings", ScriptedEngine.MODEL_REASONING_CONTENT,
                        "Answer[content=You said: Is 17 a prime number? Answer yes or no., reasoning=The user wrote 9 words. I will answer., timings={}]"),
                // The scripted engine does not follow response_format: main fails, naming the prose it got.
                Arguments.of("StructuredOutput", ScriptedEngine.MODEL, "You said: Tell me about the capital of France."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void mainRunsAgainstTheEndpointInTheEnvironment(String example, String model, String expected,
            SwitchboardServer server) throws Exception {
        ExampleMain run = ExampleMain.run("dev.switchboard.examples.openaijava." + example, Map.of(
                "LLM_BASE_URL", server.openAiBaseUrl(), "LLM_API_KEY", "test-key",
                "LLM_MODEL", model, "LLM_EMBEDDING_MODEL", ScriptedEngine.EMBEDDING_MODEL));

        if (example.equals("StructuredOutput")) {
            assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        } else {
            assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
        }
        assertThat(run.output()).contains(expected);
    }

    /** A blank variable counts as unset: LLM_MODEL "  " means the default, qwen3:0.6b, which the scripted server lacks. */
    @Test
    void aBlankVariableMeansTheDefault(SwitchboardServer server) throws Exception {
        ExampleMain run = ExampleMain.run("dev.switchboard.examples.openaijava.NonStreamingChat", Map.of(
                "LLM_BASE_URL", server.openAiBaseUrl(), "LLM_API_KEY", " ", "LLM_MODEL", "  "));

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("NotFoundException").contains("qwen3:0.6b");
    }
}
