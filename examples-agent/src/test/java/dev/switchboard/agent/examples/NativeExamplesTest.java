package dev.switchboard.agent.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The same task in each framework's own idiom, against the scripted server: it calls
 * {@code multiply} with the question's two numbers, and answers from the tool's result, so each
 * answer proves the tool ran exactly and the result went back under the call's id.
 */
@ExtendWith(LlmEndpointExtension.class)
class NativeExamplesTest {

    private static final String PRODUCT = "10821520.22374638";
    private static final String ANSWER = "multiply returned " + PRODUCT + ".";

    private final List<String> steps = new ArrayList<>();

    @AfterEach
    void noStreamLeftOpen(SwitchboardServer server) {
        assertThat(server.stats().openStreams()).isZero();
    }

    @Test
    void rawHttp(Endpoint endpoint) throws Exception {
        assertThat(RawHttpAgentLoop.run(endpoint, AgentLoop.QUESTION, steps::add)).isEqualTo(ANSWER);
        assertThat(steps).containsExactly("tool call multiply {\"a\":1234.5678,\"b\":8765.4321} -> " + PRODUCT);
    }

    @Test
    void rawHttpAnswersAnUnknownToolOrBadArgumentsWithAnError() {
        assertThat(RawHttpAgentLoop.runTool("divide", "{}")).isEqualTo("{\"error\":\"unknown tool divide\"}");
        assertThat(RawHttpAgentLoop.runTool("multiply", "{\"a\":1}")).startsWith("{\"error\":\"bad arguments: ");
        assertThat(RawHttpAgentLoop.runTool("multiply", "{not json")).startsWith("{\"error\":\"bad arguments: ");
    }

    @Test
    void openAiJava(Endpoint endpoint) {
        assertThat(OpenAiJavaAgentLoop.run(endpoint, AgentLoop.QUESTION, steps::add)).isEqualTo(ANSWER);
        assertThat(steps).containsExactly("tool call multiply {\"a\":1234.5678,\"b\":8765.4321} -> " + PRODUCT);
    }

    @Test
    void langChain4j(Endpoint endpoint) {
        assertThat(LangChain4jAgentLoop.run(endpoint, AgentLoop.QUESTION, steps::add)).isEqualTo(ANSWER);
        assertThat(steps).containsExactly("tool call multiply 1234.5678 x 8765.4321 -> " + PRODUCT);
    }

    @Test
    void springAi(Endpoint endpoint) {
        assertThat(SpringAiAgentLoop.run(endpoint, AgentLoop.QUESTION, steps::add)).isEqualTo(ANSWER);
        assertThat(steps).containsExactly("tool call multiply 1234.5678 x 8765.4321 -> " + PRODUCT);
    }
}
