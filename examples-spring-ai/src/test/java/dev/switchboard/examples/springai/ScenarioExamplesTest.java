package dev.switchboard.examples.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.openai.errors.NotFoundException;

import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The five scenario classes, each through its {@code run} method, against the scripted server,
 * whose answers are known (server README, "The scripted engine").
 */
@ExtendWith(LlmEndpointExtension.class)
class ScenarioExamplesTest {

    @Test
    void nonStreamingChatReturnsTheWholeAnswer(Endpoint endpoint) {
        assertThat(NonStreamingChat.run(endpoint, "Why is the sky blue?")).isEqualTo("You said: Why is the sky blue?");
    }

    @Test
    void nonStreamingChatReportsAnUnknownModelWithTheServersMessage(Endpoint endpoint) {
        Endpoint unknown = endpoint.toBuilder().chatModel("no-such-model").build();

        assertThatThrownBy(() -> NonStreamingChat.run(unknown, "Hi"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void streamingChatDeliversTheAnswerPieceByPiece(Endpoint endpoint, SwitchboardServer server) {
        long completedBefore = server.stats().completedStreams();
        List<String> tokens = new ArrayList<>();

        String answer = StreamingChat.run(endpoint, "Count from one to ten.", tokens::add);

        assertThat(answer).isEqualTo("You said: Count from one to ten.");
        assertThat(tokens).containsExactly("You ", "said: ", "Count ", "from ", "one ", "to ", "ten.");
        assertThat(server.stats().completedStreams()).as("streams completed with [DONE]").isEqualTo(completedBefore + 1);
    }

    @Test
    void multiTurnChatRemembersTheFirstTurnThroughTheMemoryAdvisor(Endpoint endpoint) {
        List<String> printed = new ArrayList<>();

        List<String> replies = MultiTurnChat.run(endpoint, printed::add);

        assertThat(replies).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(printed).isEqualTo(replies);
    }

    @Test
    void agentLoopRunsTheToolMethodAndAnswersFromItsResult(Endpoint endpoint) {
        List<String> steps = new ArrayList<>();

        String answer = AgentLoop.run(endpoint, "What is the weather in Paris?", steps::add);

        String result = new AgentLoop.WeatherTools(step -> { }).getWeather("Paris");
        assertThat(steps).containsExactly("tool call get_weather(Paris) -> " + result);
        assertThat(answer).isEqualTo("get_weather returned " + result + ".");
    }

    @Test
    void embeddingsComeBackInInputOrderWithTheModelsDimension(Endpoint endpoint) {
        List<String> texts = List.of("The cat sat on the mat.", "A cat was sitting on a mat.", "Stock prices fell today.");

        List<float[]> vectors = Embeddings.run(endpoint, texts);
        List<float[]> last = Embeddings.run(endpoint, List.of(texts.get(2)));

        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(vectors.get(2)).containsExactly(last.get(0), within(1e-6f));
        assertThat(EmbeddingResponse.cosine(vectors.get(0), vectors.get(1)))
                .isGreaterThan(EmbeddingResponse.cosine(vectors.get(0), vectors.get(2)));
    }

    @Test
    void ollamaStreamingChatReadsTheNativeStream(Endpoint endpoint) {
        List<String> tokens = new ArrayList<>();

        String answer = OllamaStreamingChat.run(endpoint, "Count from one to ten.", tokens::add);

        assertThat(answer).isEqualTo("You said: Count from one to ten.");
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(String.join("", tokens)).isEqualTo(answer);
    }

    @Test
    void ollamaEmbeddingsComeBackInInputOrder(Endpoint endpoint) {
        List<String> texts = List.of("The cat sat on the mat.", "Stock prices fell today.");

        List<float[]> vectors = OllamaEmbeddings.run(endpoint, texts);
        List<float[]> viaV1 = Embeddings.run(endpoint, texts);

        assertThat(vectors).hasSize(2);
        assertThat(vectors.get(0)).containsExactly(viaV1.get(0), within(1e-5f));
        assertThat(vectors.get(1)).containsExactly(viaV1.get(1), within(1e-5f));
    }
}
