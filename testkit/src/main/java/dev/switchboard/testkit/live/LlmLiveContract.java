package dev.switchboard.testkit.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.ToolSpec;
import dev.switchboard.core.error.BadRequestException;

/**
 * The live tier: facts that hold for any real model on any compatible server, checked through a
 * style's {@link LlmClient} against the endpoint {@link EndpointResolution} finds (here, with no
 * Docker and no Ollama, the in-process llama.cpp engine on the generated random-weight model; with
 * Docker, a real Ollama; with {@code LLM_BASE_URL}, whatever it points at).
 *
 * <pre>{@code
 * class RawHttpLiveTest extends LlmLiveContract {
 *     @Override
 *     protected LlmClient createClient(Endpoint endpoint) {
 *         return new RawHttpLlmClient(endpoint);
 *     }
 * }
 * }</pre>
 *
 * <p>Unlike {@link dev.switchboard.testkit.LlmClientContract} it never compares text: a real model's
 * words are not a fact. It checks that answers come with a finish reason and consistent usage, that
 * streams arrive in several events, that {@code max_tokens: 5} gives 5 completion tokens and
 * {@code length} (for a chat and, where {@link Capability#COMPLETIONS} is supported, a text
 * completion streamed and not), that embeddings have one stable dimension and distinct vectors for distinct inputs,
 * that a multi-turn conversation is accepted and costs more prompt tokens than its last turn alone,
 * that the model list names the model, and that a tool offer is answered consistently. A case needing
 * a capability that the client or the endpoint lacks is skipped with that reason (for instance tools on
 * a random-weight model, or a model the server answers {@code 400 "... does not support tools"}, as
 * Ollama and Switchboard's in-process engine do).
 *
 * <p>Every request uses temperature 0 and seed 42, so a rerun against the same model repeats.
 */
@ExtendWith(LiveEndpointExtension.class)
public abstract class LlmLiveContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "Count from one to twenty, in words, separated by spaces.";

    /** The resolved live endpoint, as given to {@link #createClient}. */
    protected LiveEndpoint live;
    /** The client under test, created for each case. */
    protected LlmClient client;

    /** For subclasses. */
    protected LlmLiveContract() {
    }

    /**
     * Creates the style's client for {@code endpoint} ({@code baseUrl} ends in {@code /v1}; Ollama's
     * native API, where the server has one, is at {@link Endpoint#rootUrl()}). Called once per case;
     * the contract closes it.
     */
    protected abstract LlmClient createClient(Endpoint endpoint);

    /**
     * Whether the style talks Ollama's native {@code /api} rather than {@code /v1}; such a suite is
     * skipped, with the reason, against a server without it (llama-server, vLLM, OpenAI). Default false.
     */
    protected boolean usesOllamaApi() {
        return false;
    }

    @BeforeEach
    void startClient(LiveEndpoint live) {
        this.live = live;
        assumeTrue(!usesOllamaApi() || live.ollamaApi(),
                () -> "this style speaks Ollama's native /api, which " + Endpoint.redactUrl(live.endpoint().rootUrl())
                        + " does not serve");
        this.client = createClient(live.endpoint());
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    /** Skips the case, with the reason, unless both the client and the endpoint support {@code capability}. */
    protected void requires(Capability capability) {
        assumeTrue(client.capabilities().supports(capability),
                () -> "the client does not support " + capability + ": "
                        + client.capabilities().reasonUnsupported(capability));
        assumeTrue(live.capabilities().supports(capability),
                () -> "the endpoint does not support " + capability + ": "
                        + live.capabilities().reasonUnsupported(capability));
    }

    private ChatRequest.Builder request(String prompt, int maxTokens) {
        return ChatRequest.builder().model(live.endpoint().chatModel()).user(prompt)
                .maxTokens(maxTokens).temperature(0.0).seed(42L);
    }

    @Test
    void aChatAnswerHasAFinishReasonAndUsageThatAddsUp() {
        ChatResponse response = client.chat(request(PROMPT, 16).build());

        assertThat(response.finishReason()).as("finish_reason").isIn(FinishReason.STOP, FinishReason.LENGTH);
        assertThat(response.usage()).as("usage").isNotNull();
        assertThat(response.usage().promptTokens()).as("prompt_tokens").isPositive();
        assertThat(response.usage().completionTokens()).as("completion_tokens").isBetween(1, 16);
        assertThat(response.usage().totalTokens()).as("total_tokens")
                .isEqualTo(response.usage().promptTokens() + response.usage().completionTokens());
    }

    @Test
    void aStreamArrivesInSeveralEventsAndEndsWithAFinish() {
        requires(Capability.STREAMING);
        List<ChatEvent> events = new ArrayList<>();
        try (ChatStream stream = client.stream(request(PROMPT, 16).build())) {
            stream.forEach(events::add);
        }

        long deltas = events.stream().filter(LlmLiveContract::isNonEmptyDelta).count();
        assertThat(deltas).as("non-empty text or reasoning deltas").isGreaterThanOrEqualTo(2);
        assertThat(events.stream().filter(ChatEvent.Finish.class::isInstance).count()).as("finish events").isEqualTo(1);
        int lastDelta = -1;
        int finish = -1;
        for (int i = 0; i < events.size(); i++) {
            if (isNonEmptyDelta(events.get(i))) {
                lastDelta = i;
            } else if (events.get(i) instanceof ChatEvent.Finish) {
                finish = i;
            }
        }
        assertThat(finish).as("the finish comes after the last delta").isGreaterThan(lastDelta);
    }

    @Test
    void streamedUsageCountsTheSamePromptAndNoFewerTokensThanDeltas() {
        requires(Capability.STREAMING);
        requires(Capability.STREAM_USAGE);
        ChatRequest request = request(PROMPT, 16).build();
        ChatResponse whole = client.chat(request);
        List<ChatEvent> events = new ArrayList<>();

        ChatResponse streamed = client.stream(request).collect(events::add);

        assertThat(streamed.usage()).as("streamed usage").isNotNull();
        assertThat(streamed.usage().promptTokens()).as("prompt_tokens, streamed vs not")
                .isEqualTo(whole.usage().promptTokens());
        long deltas = events.stream().filter(LlmLiveContract::isNonEmptyDelta).count();
        assertThat((long) streamed.usage().completionTokens()).as("completion_tokens vs non-empty deltas")
                .isGreaterThanOrEqualTo(deltas)
                .isLessThanOrEqualTo(16);
        assertThat(streamed.usage().totalTokens())
                .isEqualTo(streamed.usage().promptTokens() + streamed.usage().completionTokens());
    }

    /**
     * llama.cpp's {@code timings} and Ollama's durations: whichever of them a style keeps on a
     * non-streaming answer it keeps from a stream too ({@link ChatEvent.ExtensionsEvent}, collected
     * into {@link ChatResponse#extensions()}). A style that keeps none passes without asserting more.
     */
    @Test
    void serverMetadataKeptOnAnAnswerIsKeptFromAStreamToo() {
        requires(Capability.STREAMING);
        ChatRequest request = request(PROMPT, 8).build();
        ChatResponse whole = client.chat(request);

        ChatResponse streamed = client.stream(request).collect();

        for (String name : List.of("timings", "total_duration", "prompt_eval_duration", "eval_duration")) {
            if (whole.extensions().containsKey(name)) {
                assertThat(streamed.extensions()).as("%s, kept on the answer, from the stream", name).containsKey(name);
            }
        }
    }

    @Test
    void maxTokensFiveGivesFiveCompletionTokensAndLength() {
        ChatResponse response = client.chat(request("Write a long story about a lighthouse keeper.", 5).build());

        assertThat(response.finishReason()).as("finish_reason").isEqualTo(FinishReason.LENGTH);
        assertThat(response.usage()).as("usage").isNotNull();
        assertThat(response.usage().completionTokens()).as("completion_tokens").isEqualTo(5);
    }

    @Test
    void aTextCompletionOfFiveTokensEndsWithLengthStreamingAndNot() {
        requires(Capability.COMPLETIONS);
        CompletionRequest request = CompletionRequest.builder().model(live.endpoint().chatModel())
                .prompt("Once upon a time, in a lighthouse by the sea,").maxTokens(5).temperature(0.0).seed(42L).build();

        CompletionResponse whole = client.complete(request);
        List<ChatEvent> events = new ArrayList<>();
        ChatResponse streamed = client.streamCompletion(request).collect(events::add);

        assertThat(whole.finishReason()).as("finish_reason").isEqualTo(FinishReason.LENGTH);
        assertThat(whole.usage()).as("usage").isNotNull();
        assertThat(whole.usage().completionTokens()).as("completion_tokens").isEqualTo(5);
        assertThat(streamed.finishReason()).as("streamed finish_reason").isEqualTo(FinishReason.LENGTH);
        assertThat(events.stream().filter(LlmLiveContract::isNonEmptyDelta).count()).as("non-empty text deltas")
                .isBetween(1L, 5L);
    }

    @Test
    void aMultiTurnConversationIsAcceptedAndCostsMorePromptTokensThanItsLastTurn() {
        String last = "And what comes after that?";
        ChatResponse alone = client.chat(request(last, 8).build());

        ChatResponse conversation = client.chat(ChatRequest.builder().model(live.endpoint().chatModel())
                .system("You are a terse assistant.")
                .user("Name a colour.")
                .addMessage(ChatMessage.assistant("Blue."))
                .user(last)
                .maxTokens(8).temperature(0.0).seed(42L)
                .build());

        assertThat(conversation.finishReason()).as("finish_reason").isIn(FinishReason.STOP, FinishReason.LENGTH);
        assertThat(conversation.usage().promptTokens()).as("prompt_tokens of four messages vs one")
                .isGreaterThan(alone.usage().promptTokens());
    }

    @Test
    void embeddingsHaveOneStableDimensionAndDistinctVectorsForDistinctInputs() {
        requires(Capability.EMBEDDINGS);
        String model = live.endpoint().embeddingModel();

        EmbeddingResponse pair = client.embed(
                EmbeddingRequest.of("The cat sat on the mat.", "Quarterly revenue grew by four percent.").withModel(model));
        EmbeddingResponse again = client.embed(EmbeddingRequest.of("The cat sat on the mat.").withModel(model));

        assertThat(pair.vectors()).hasSize(2);
        assertThat(pair.dimension()).as("dimension").isPositive();
        assertThat(pair.vectors().get(1)).as("second vector").hasSize(pair.dimension());
        assertThat(again.dimension()).as("dimension on a second request").isEqualTo(pair.dimension());
        assertThat(EmbeddingResponse.cosine(pair.vectors().get(0), pair.vectors().get(1)))
                .as("cosine of two unrelated sentences").isLessThan(0.9999);
        assertThat(EmbeddingResponse.cosine(pair.vectors().get(0), again.vectors().get(0)))
                .as("cosine of one sentence embedded twice").isGreaterThan(0.99);
    }

    @Test
    void theModelListNamesTheChatModel() {
        requires(Capability.MODELS);
        String model = live.endpoint().chatModel();

        List<String> ids = client.models().stream().map(ModelInfo::id).toList();

        assertThat(ids).as("model ids").anyMatch(id -> id.equals(model) || id.equals(model + ":latest"));
    }

    @Test
    void aToolOfferIsAnsweredConsistentlyAndTheRoundTripIsAccepted() throws Exception {
        requires(Capability.TOOLS);
        ToolSpec weather = new ToolSpec("get_weather", "Current weather for a city.",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");
        ChatRequest ask = ChatRequest.builder().model(live.endpoint().chatModel())
                .user("What is the weather in Paris? Use the get_weather tool.")
                .addTool(weather).maxTokens(256).temperature(0.0).seed(42L).build();

        ChatResponse first = unlessToolsRefused(() -> client.chat(ask));

        if (InProcessLlama.servesDemoModel(live)) {
            assertThat(first.toolCalls()).as("the demo model calls when the user spoke last (its tool_choice rule)")
                    .hasSize(1);
        }
        if (first.toolCalls().isEmpty()) {
            assertThat(first.finishReason()).as("finish_reason without tool calls").isNotEqualTo(FinishReason.TOOL_CALLS);
            return;
        }
        assertThat(first.finishReason()).as("finish_reason with tool calls").isEqualTo(FinishReason.TOOL_CALLS);
        List<ChatMessage> messages = new ArrayList<>(ask.messages());
        messages.add(new ChatMessage.AssistantMessage(first.text(), null, first.toolCalls()));
        for (ToolCall call : first.toolCalls()) {
            assertThat(call.id()).as("tool call id").isNotBlank();
            assertThat(call.name()).as("tool name").isEqualTo("get_weather");
            JsonNode arguments = JSON.readTree(call.arguments());
            assertThat(arguments.isObject()).as("arguments %s are a JSON object", call.arguments()).isTrue();
            messages.add(ChatMessage.tool(call.id(), "{\"city\":\"Paris\",\"temperature_c\":18,\"sky\":\"clear\"}"));
        }

        ChatResponse second = client.chat(ask.toBuilder().messages(messages).build());

        assertThat(second.finishReason()).as("finish_reason after the tool result").isNotNull();
    }

    /**
     * Runs {@code call}, a request that offers tools; if the server refuses it with
     * {@code 400 "<model> does not support tools"} (Ollama's words,
     * {@code core/src/test/resources/reference/ollama-wire.md} section 2.3; Switchboard's in-process
     * engine says the same) the case is skipped with that message.
     *
     * @param call the request
     * @return what {@code call} returned
     * @throws BadRequestException any other 400, as thrown
     */
    public static <T> T unlessToolsRefused(Supplier<T> call) {
        try {
            return call.get();
        } catch (BadRequestException e) {
            String said = e.providerMessage() != null ? e.providerMessage() : e.getMessage();
            assumeFalse(said != null && said.contains("does not support tools"), () -> "the model refuses tools: " + said);
            throw e;
        }
    }

    private static boolean isNonEmptyDelta(ChatEvent event) {
        return (event instanceof ChatEvent.TextDelta text && !text.text().isEmpty())
                || (event instanceof ChatEvent.ReasoningDelta reasoning && !reasoning.text().isEmpty());
    }
}
