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
 * OpenAI-compatible ones, {@code /api} for the {@code Ollama*} ones, called with explicit settings as
 * the workshop calls them.
 */
@ExtendWith(LlmEndpointExtension.class)
class ChatExamplesTest {

    private static final String WEATHER_PARIS = "{\"city\":\"Paris\",\"temperature_c\":21,\"sky\":\"clear\"}";

    @Test
    void nonStreamingChatAnswersInOnePiece(Endpoint e, SwitchboardServer server) {
        long before = server.stats().requests();

        assertThat(NonStreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), "Hello there"))
                .isEqualTo("You said: Hello there");
        assertThat(OllamaNonStreamingChat.run(e.rootUrl(), e.chatModel(), "Hello there"))
                .isEqualTo("You said: Hello there");
        assertThat(server.stats().requests()).isEqualTo(before + 2);
    }

    @Test
    void anUnknownModelIsLangChain4jsModelNotFoundException(Endpoint e) {
        assertThatThrownBy(() -> NonStreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), "no-such-model", "Hi"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("no-such-model");
        assertThatThrownBy(() -> OllamaNonStreamingChat.run(e.rootUrl(), "no-such-model", "Hi"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("no-such-model");
    }

    @Test
    void streamingChatHandsOverTheAnswerPieceByPiece(Endpoint e) {
        List<String> tokens = new ArrayList<>();
        List<String> nativeTokens = new ArrayList<>();

        String answer = StreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), "Tell me a short story",
                tokens::add);
        String nativeAnswer = OllamaStreamingChat.run(e.rootUrl(), e.chatModel(), "Tell me a short story",
                nativeTokens::add);

        assertThat(answer).isEqualTo("You said: Tell me a short story").isEqualTo(String.join("", tokens));
        assertThat(tokens).hasSize(7).allSatisfy(token -> assertThat(token).isNotEmpty());
        assertThat(nativeAnswer).isEqualTo(answer).isEqualTo(String.join("", nativeTokens));
        assertThat(nativeTokens).hasSize(7).allSatisfy(token -> assertThat(token).isNotEmpty());
    }

    @Test
    void aRateLimitedStreamFailsWithLangChain4jsExceptionOnTheCallersThread(Endpoint e, SwitchboardServer server) {
        server.faults().forNextRequest(new Fault.Status(429, "slow down", null));

        assertThatThrownBy(() -> StreamingChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), "Hi", t -> { }))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(RateLimitException.class);
    }

    @Test
    void multiTurnChatRemembersTheFirstTurn(Endpoint e) {
        List<String> replies = new ArrayList<>();
        List<String> nativeReplies = new ArrayList<>();

        assertThat(MultiTurnChat.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(), replies::add))
                .containsExactly("Nice to meet you, Alice.", "Your name is Alice.").isEqualTo(replies);
        assertThat(OllamaMultiTurnChat.run(e.rootUrl(), e.chatModel(), nativeReplies::add))
                .containsExactly("Nice to meet you, Alice.", "Your name is Alice.").isEqualTo(nativeReplies);
    }

    @Test
    void agentLoopCallsTheToolAndAnswersFromItsResult(Endpoint e) throws Exception {
        List<String> steps = new ArrayList<>();
        List<String> nativeSteps = new ArrayList<>();

        String answer = AgentLoop.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(),
                "What is the weather in Paris?", steps::add);
        String nativeAnswer = OllamaAgentLoop.run(e.rootUrl(), e.chatModel(), "What is the weather in Paris?",
                nativeSteps::add);

        assertThat(steps).containsExactly("tool call get_weather {\"city\":\"Paris\"}", "tool result " + WEATHER_PARIS);
        assertThat(answer).isEqualTo("get_weather returned " + WEATHER_PARIS + ".");
        assertThat(nativeSteps).isEqualTo(steps);
        assertThat(nativeAnswer).isEqualTo(answer);
    }

    @Test
    void agentLoopAnswersEachCallOfOneTurn(Endpoint e) throws Exception {
        List<String> steps = new ArrayList<>();
        List<String> nativeSteps = new ArrayList<>();

        String answer = AgentLoop.run(e.baseUrl(), e.apiKeyOrPlaceholder(), e.chatModel(),
                "What is the weather in Paris and in London?", steps::add);
        String nativeAnswer = OllamaAgentLoop.run(e.rootUrl(), e.chatModel(),
                "What is the weather in Paris and in London?", nativeSteps::add);

        assertThat(steps).hasSize(4).containsSubsequence("tool call get_weather {\"city\":\"Paris\"}",
                "tool call get_weather {\"city\":\"London\"}");
        assertThat(answer).contains("\"city\":\"Paris\"").contains("\"city\":\"London\"");
        assertThat(nativeSteps).isEqualTo(steps);
        assertThat(nativeAnswer).contains("\"city\":\"Paris\"").contains("\"city\":\"London\"");
    }
}
