package dev.switchboard.examples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.switchboard.core.Endpoint;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.fault.Fault;
import dev.switchboard.testkit.LlmEndpointExtension;

/**
 * The chat examples, both flavours, against the embedded scripted server: {@code /v1} for the
 * OpenAI-compatible ones, {@code /api} for the {@code Ollama*} ones.
 */
@ExtendWith(LlmEndpointExtension.class)
class ChatExamplesTest {

    @Test
    void nonStreamingChatAnswersInOnePiece(Endpoint endpoint, SwitchboardServer server) {
        long v1Before = server.stats().requests();

        assertThat(NonStreamingChat.run(endpoint, "Hello there")).isEqualTo("You said: Hello there");
        assertThat(OllamaNonStreamingChat.run(endpoint, "Hello there")).isEqualTo("You said: Hello there");
        assertThat(server.stats().requests()).isEqualTo(v1Before + 2);
    }

    @Test
    void anUnknownModelIsLangChain4jsModelNotFoundException(Endpoint endpoint) {
        Endpoint unknown = endpoint.toBuilder().chatModel("no-such-model").build();

        assertThatThrownBy(() -> NonStreamingChat.run(unknown, "Hi")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no-such-model");
        assertThatThrownBy(() -> OllamaNonStreamingChat.run(unknown, "Hi")).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no-such-model");
    }

    @Test
    void streamingChatHandsOverTheAnswerPieceByPiece(Endpoint endpoint) {
        List<String> tokens = new ArrayList<>();
        List<String> nativeTokens = new ArrayList<>();

        String answer = StreamingChat.run(endpoint, "Tell me a short story", tokens::add);
        String nativeAnswer = OllamaStreamingChat.run(endpoint, "Tell me a short story", nativeTokens::add);

        assertThat(answer).isEqualTo("You said: Tell me a short story").isEqualTo(String.join("", tokens));
        assertThat(tokens).hasSize(7);
        assertThat(nativeAnswer).isEqualTo(answer).isEqualTo(String.join("", nativeTokens));
        assertThat(nativeTokens).hasSize(7);
    }

    @Test
    void aRateLimitedStreamFailsWithLangChain4jsException(Endpoint endpoint, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(429, "slow down", null));

        assertThatThrownBy(() -> StreamingChat.run(endpoint, "Hi", token -> { }))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(RateLimitException.class);
    }

    @Test
    void multiTurnChatRemembersTheFirstTurnThroughTheChatMemory(Endpoint endpoint) {
        List<String> turns = List.of("Hi! My name is Alice.", "What is my name?");

        assertThat(MultiTurnChat.run(endpoint, turns)).containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
        assertThat(OllamaMultiTurnChat.run(endpoint, turns))
                .containsExactly("Nice to meet you, Alice.", "Your name is Alice.");
    }

    @Test
    void agentLoopCallsTheToolAndAnswersFromItsResult(Endpoint endpoint) {
        AgentLoop.WeatherTools tools = new AgentLoop.WeatherTools();

        String answer = AgentLoop.run(endpoint, "What is the weather in Paris?", tools);

        assertThat(tools.cities()).containsExactly("Paris");
        assertThat(answer).isEqualTo("get_weather returned {\"city\":\"Paris\",\"temperature_c\":21,\"sky\":\"clear\"}.");
    }

    @Test
    void agentLoopAnswersEachCallOfOneTurn(Endpoint endpoint) {
        AgentLoop.WeatherTools tools = new AgentLoop.WeatherTools();

        String answer = AgentLoop.run(endpoint, "What is the weather in Paris and in London?", tools);

        assertThat(tools.cities()).containsExactly("Paris", "London");
        assertThat(answer).contains("\"city\":\"Paris\"").contains("\"city\":\"London\"");
    }
}
