package dev.switchboard.examples.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.retry.NonTransientAiException;

import com.openai.errors.NotFoundException;

import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The scenario classes, each through its {@code run} method with explicit settings, against the
 * scripted server, whose answers are known (server README, "The scripted engine"). The
 * {@code Ollama*} classes get the server's root URL, the others its {@code /v1} base URL.
 */
@ExtendWith(LlmEndpointExtension.class)
class ScenarioExamplesTest {

    private static final List<String> TEXTS =
            List.of("The cat sat on the mat.", "A cat was sitting on a mat.", "Stock prices fell today.");

    @Test
    void nonStreamingChatReturnsTheWholeAnswer(Endpoint e) {
        assertThat(NonStreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), "Why is the sky blue?"))
                .isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void nonStreamingChatReportsAnUnknownModelWithTheServersMessage(Endpoint e) {
        assertThatThrownBy(() -> NonStreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), "no-such-model", "Hi"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void streamingChatDeliversTheAnswerPieceByPieceOnTheCallersThread(Endpoint e, SwitchboardServer server) {
        long completedBefore = server.stats().completedStreams();
        List<String> tokens = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        String answer = StreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), "Count from one to ten.",
                token -> {
                    tokens.add(token);
                    threads.add(Thread.currentThread());
                });

        assertThat(answer).isEqualTo("You said: Count from one to ten.");
        assertThat(tokens).containsExactly("You ", "said: ", "Count ", "from ", "one ", "to ", "ten.");
        assertThat(threads).containsOnly(Thread.currentThread());
        assertThat(server.stats().completedStreams()).as("streams completed with [DONE]").isEqualTo(completedBefore + 1);
    }

    @Test
    void multiTurnChatRemembersTheFirstTurnThroughTheMemoryAdvisor(Endpoint e) {
        List<String> printed = new ArrayList<>();

        List<String> replies = MultiTurnChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), printed::add);

        assertThat(replies).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(printed).isEqualTo(replies);
    }

    @Test
    void agentLoopReportsTheCallThenTheResultAndAnswersFromIt(Endpoint e) {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(),
                "What is the weather in Paris?", steps::add);

        String result = new AgentLoop.WeatherTools(step -> { }).getWeather("Paris");
        assertThat(result).startsWith("{\"city\":\"Paris\",\"temperature_celsius\":");
        assertThat(steps).containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool result " + result);
        assertThat(answer).isEqualTo("get_weather returned " + result + ".");
    }

    @Test
    void embeddingsComeBackInInputOrderWithTheModelsDimension(Endpoint e) {
        List<float[]> vectors = Embeddings.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.embeddingModel(), TEXTS);
        List<float[]> last = Embeddings.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.embeddingModel(), TEXTS.subList(2, 3));

        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(vectors.get(2)).containsExactly(last.get(0), within(1e-6f));
        assertThat(EmbeddingResponse.cosine(vectors.get(0), vectors.get(1)))
                .isGreaterThan(EmbeddingResponse.cosine(vectors.get(0), vectors.get(2)));
    }

    @Test
    void ollamaNonStreamingChatReturnsTheWholeAnswer(Endpoint e) {
        assertThat(OllamaNonStreamingChat.run(e.rootUrl(), e.chatModel(), "Why is the sky blue?"))
                .isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void ollamaNonStreamingChatReportsAnUnknownModelWithTheServersMessage(Endpoint e) {
        assertThatThrownBy(() -> OllamaNonStreamingChat.run(e.rootUrl(), "no-such-model", "Hi"))
                .isInstanceOf(NonTransientAiException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void ollamaStreamingChatReadsTheNativeStreamOnTheCallersThread(Endpoint e) {
        List<String> tokens = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        String answer = OllamaStreamingChat.run(e.rootUrl(), e.chatModel(), "Count from one to ten.", token -> {
            tokens.add(token);
            threads.add(Thread.currentThread());
        });

        assertThat(answer).isEqualTo("You said: Count from one to ten.");
        assertThat(tokens).containsExactly("You ", "said: ", "Count ", "from ", "one ", "to ", "ten.");
        assertThat(threads).containsOnly(Thread.currentThread());
    }

    @Test
    void ollamaMultiTurnChatRemembersTheFirstTurn(Endpoint e) {
        List<String> printed = new ArrayList<>();

        List<String> replies = OllamaMultiTurnChat.run(e.rootUrl(), e.chatModel(), printed::add);

        assertThat(replies).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(printed).isEqualTo(replies);
    }

    /**
     * Spring AI 2.0.1's {@code OllamaChatModel} sends a tool result as {@code {"role":"tool","content":...}},
     * without {@code tool_name} or {@code tool_call_id}; Ollama takes it as the answer to the call at
     * its position, and so does the embedded server.
     */
    @Test
    void ollamaAgentLoopReportsTheCallThenTheResultAndAnswersFromIt(Endpoint e) {
        List<String> steps = new ArrayList<>();

        String answer = OllamaAgentLoop.run(e.rootUrl(), e.chatModel(), "What is the weather in Paris?", steps::add);

        String result = new OllamaAgentLoop.WeatherTools(step -> { }).getWeather("Paris");
        assertThat(steps).containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool result " + result);
        assertThat(answer).isEqualTo("get_weather returned " + result + ".");
    }

    @Test
    void ollamaEmbeddingsComeBackInInputOrder(Endpoint e) {
        List<float[]> vectors = OllamaEmbeddings.run(e.rootUrl(), e.embeddingModel(), TEXTS);
        List<float[]> viaV1 = Embeddings.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.embeddingModel(), TEXTS);

        assertThat(vectors).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(vectors.get(i)).containsExactly(viaV1.get(i), within(1e-5f));
        }
    }
}
