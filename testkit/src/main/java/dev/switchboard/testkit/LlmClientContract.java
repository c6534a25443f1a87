package dev.switchboard.testkit;

import static dev.switchboard.testkit.ContractFixtures.ECHO;
import static dev.switchboard.testkit.ContractFixtures.ECHO_WORDS;
import static dev.switchboard.testkit.ContractFixtures.FIRST_THREE_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.FIRST_TWO_CHUNKS;
import static dev.switchboard.testkit.ContractFixtures.PROMPT;
import static dev.switchboard.testkit.ContractFixtures.PROMPT_WORDS;
import static dev.switchboard.testkit.ContractFixtures.SERVER_NOTICES_WITHIN;
import static dev.switchboard.testkit.ContractFixtures.TWO_CITIES_QUESTION;
import static dev.switchboard.testkit.ContractFixtures.UNICODE_ANSWER;
import static dev.switchboard.testkit.ContractFixtures.UNICODE_PROMPT;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_QUESTION;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL;
import static dev.switchboard.testkit.ContractFixtures.WEATHER_TOOL_NAME;
import static dev.switchboard.testkit.ContractFixtures.awaitAtLeast;
import static dev.switchboard.testkit.ContractFixtures.awaitAtMost;
import static dev.switchboard.testkit.ContractFixtures.events;
import static dev.switchboard.testkit.ContractFixtures.prompt;
import static dev.switchboard.testkit.ContractFixtures.reasoningFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.FinishReason;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.ToolCall;
import dev.switchboard.core.error.AuthenticationException;
import dev.switchboard.core.error.BadRequestException;
import dev.switchboard.core.error.ConnectionException;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.LlmTimeoutException;
import dev.switchboard.core.error.MalformedResponseException;
import dev.switchboard.core.error.ModelNotFoundException;
import dev.switchboard.core.error.RateLimitedException;
import dev.switchboard.core.error.ServerErrorException;
import dev.switchboard.core.error.StreamInterruptedException;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.engine.ScriptedEngine;
import dev.switchboard.server.fault.Fault;

/**
 * The one contract every {@link LlmClient} style passes: extend it in the style's module with a
 * factory for its adapter, and the whole suite runs against Switchboard's embedded server on the
 * scripted engine.
 *
 * <pre>{@code
 * class RawHttpLlmClientContractTest extends LlmClientContract {
 *     @Override
 *     protected LlmClient createClient(Endpoint endpoint) {
 *         return new RawHttpLlmClient(endpoint);
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks, each case against the scripted engine's deterministic answers (the rules are
 * in the server README): non-streaming; streaming that is incremental (the first event reaches
 * the caller while the server is still holding back the rest) and assembles to the non-streaming
 * answer; multi-turn; the tool-call round trip, one and two calls per turn, ids kept; embeddings
 * (order, dimension, similarity); reasoning separated in its three wire shapes
 * ({@code reasoning_content}, {@code reasoning}, {@code <think>} tags); usage; finish reasons
 * {@code stop}, {@code length}, {@code tool_calls}; 你好 and 😊 split across one-byte writes;
 * cancellation seen by the server; and every injected fault giving its typed exception, within
 * the configured read timeout, with the partial answer kept.
 *
 * <p>After every case it checks that no stream is left open on the server (no leaked response).
 * A case needing a {@link Capability} the client declares unsupported is skipped with the
 * client's reason: reported, never silently passed.
 */
@ExtendWith(LlmEndpointExtension.class)
public abstract class LlmClientContract {

    /** The read timeout used by the timeout cases; the server stalls for {@link #STALL}. */
    protected static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STALL = Duration.ofSeconds(4);
    /** The bound on how long a timeout case may take: the read timeout plus generous slack, not a speed target. */
    private static final Duration TIMEOUT_BOUND = SHORT_READ_TIMEOUT.plus(Duration.ofSeconds(3));

    /** How a case sends its request. */
    protected enum Mode {
        /** {@link LlmClient#chat}. */
        CHAT,
        /** {@link LlmClient#stream}, then {@link ChatStream#collect()}. */
        STREAM
    }

    /** The endpoint of the embedded server, as given to {@link #createClient}. */
    protected Endpoint endpoint;
    /** The embedded server, for faults and stats. */
    protected SwitchboardServer server;
    /** The client under test, created for each case with {@link #endpoint}. */
    protected LlmClient client;

    /** For subclasses. */
    protected LlmClientContract() {
    }

    /**
     * Creates the style's client for {@code endpoint}: its {@code baseUrl} ends in {@code /v1};
     * a style speaking another protocol (e.g. Ollama's native {@code /api}) uses
     * {@link Endpoint#rootUrl()}. Called once per case, and again with a shorter read timeout by
     * the timeout cases; the contract closes every client it creates.
     */
    protected abstract LlmClient createClient(Endpoint endpoint);

    @BeforeEach
    void startClient(Endpoint endpoint, SwitchboardServer server) {
        this.endpoint = endpoint;
        this.server = server;
        this.client = createClient(endpoint);
    }

    @AfterEach
    void noStreamLeftOpen() throws InterruptedException {
        try {
            long open = awaitAtMost(() -> server.stats().openStreams(), 0);
            assertThat(open).as("streams still open on the server %s after the case", SERVER_NOTICES_WITHIN)
                    .isZero();
        } finally {
            client.close();
        }
    }

    // ---------------------------------------------------------------- chat and streaming

    @Test
    @DisplayName("chat: the answer, finish reason stop, and usage")
    void chat() {
        ChatResponse response = client.chat(prompt(PROMPT));

        assertThat(response.text()).isEqualTo(ECHO);
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage()).as("usage").isNotNull();
        assertThat(response.usage().promptTokens()).isEqualTo(PROMPT_WORDS);
        assertThat(response.usage().completionTokens()).isEqualTo(ECHO_WORDS);
        assertThat(response.usage().totalTokens()).isEqualTo(PROMPT_WORDS + ECHO_WORDS);
    }

    @Test
    @DisplayName("stream: the first event arrives while the server still holds the rest back")
    void streamIsIncremental() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofMillis(800)));
        long completedBefore = server.stats().completedStreams();

        try (ChatStream stream = client.stream(prompt(PROMPT))) {
            Iterator<ChatEvent> events = stream.iterator();
            assertThat(events.hasNext()).isTrue();
            ChatEvent first = events.next();
            long completedAtFirstEvent = server.stats().completedStreams();

            assertThat(first).isInstanceOf(ChatEvent.TextDelta.class);
            assertThat(completedAtFirstEvent).as("streams the server had completed when the first event arrived")
                    .isEqualTo(completedBefore);
            events.forEachRemaining(event -> { });
        }
    }

    @Test
    @DisplayName("stream: the deltas assemble to the non-streaming answer; finish and usage come last")
    void streamAssemblesToTheChatAnswer() {
        requires(Capability.STREAMING);
        String expected = client.chat(prompt(PROMPT)).text();

        List<ChatEvent> events = events(client.stream(prompt(PROMPT)));

        StringBuilder text = new StringBuilder();
        events.stream().filter(ChatEvent.TextDelta.class::isInstance)
                .forEach(e -> text.append(((ChatEvent.TextDelta) e).text()));
        assertThat(text.toString()).isEqualTo(expected).isEqualTo(ECHO);
        assertThat(events.stream().filter(ChatEvent.TextDelta.class::isInstance).count())
                .as("text deltas: one per word").isEqualTo(ECHO_WORDS);
        assertThat(events).filteredOn(ChatEvent.Finish.class::isInstance).singleElement()
                .isEqualTo(new ChatEvent.Finish(FinishReason.STOP));
        int finishAt = indexOf(events, ChatEvent.Finish.class);
        assertThat(events.subList(finishAt, events.size()))
                .as("after the finish only usage may follow").allMatch(e -> e instanceof ChatEvent.Finish
                        || e instanceof ChatEvent.UsageEvent);
    }

    @Test
    @DisplayName("stream: usage at the end of the stream")
    void streamUsage() {
        requires(Capability.STREAMING);
        requires(Capability.STREAM_USAGE);

        ChatResponse response = client.stream(prompt(PROMPT)).collect();

        assertThat(response.usage()).as("usage").isNotNull();
        assertThat(response.usage().promptTokens()).isEqualTo(PROMPT_WORDS);
        assertThat(response.usage().completionTokens()).isEqualTo(ECHO_WORDS);
    }

    @Test
    @DisplayName("stream: single use; iterating twice fails clearly")
    void streamIsSingleUse() {
        requires(Capability.STREAMING);
        try (ChatStream stream = client.stream(prompt(PROMPT))) {
            assertThat(stream.collect().text()).isEqualTo(ECHO);
            assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("finish reason length when max_tokens cuts the answer")
    void finishReasonLength(Mode mode) {
        requires(mode);
        ChatResponse response = send(mode, ChatRequest.builder().user(PROMPT).maxTokens(3).build());

        assertThat(response.text()).isEqualTo(FIRST_THREE_CHUNKS);
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        if (response.usage() != null) {
            assertThat(response.usage().completionTokens()).as("completion tokens").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("你好 and 😊 arrive whole when every byte is written on its own")
    void unicodeSplitAcrossWrites(Mode mode) {
        requires(mode);
        server.faults().forNextRequest(new Fault.SplitWrites(1));

        ChatResponse response = send(mode, prompt(UNICODE_PROMPT));

        assertThat(response.text()).isEqualTo(UNICODE_ANSWER);
    }

    // ---------------------------------------------------------------- conversation and tools

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("multi-turn: the second turn sees the first")
    void multiTurn(Mode mode) {
        requires(mode);
        List<ChatMessage> history = new ArrayList<>();
        history.add(ChatMessage.user("Hi! My name is Alice."));
        ChatResponse first = send(mode, ChatRequest.builder().messages(history).build());
        assertThat(first.text()).isEqualTo("Nice to meet you, Alice.");

        history.add(first.message());
        history.add(ChatMessage.user("What is my name?"));
        ChatResponse second = send(mode, ChatRequest.builder().messages(history).build());

        assertThat(second.text()).isEqualTo("Your name is Alice.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("tools: a call with id and JSON arguments, then an answer from its result")
    void toolRoundTrip(Mode mode) {
        requires(mode);
        requires(Capability.TOOLS);
        ChatRequest ask = ChatRequest.builder().user(WEATHER_QUESTION).addTool(WEATHER_TOOL).build();

        ChatResponse call = send(mode, ask);

        assertThat(call.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(call.toolCalls()).hasSize(1);
        ToolCall toolCall = call.toolCalls().get(0);
        assertThat(toolCall.id()).isNotBlank();
        assertThat(toolCall.name()).isEqualTo(WEATHER_TOOL_NAME);
        assertThat(toolCall.arguments().replace(" ", "")).isEqualTo("{\"city\":\"Paris\"}");

        ChatRequest answer = ask.toBuilder().addMessage(call.message())
                .addMessage(ChatMessage.tool(toolCall.id(), "18°C and sunny")).build();
        ChatResponse response = send(mode, answer);

        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.text()).isEqualTo("get_weather returned 18°C and sunny.");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("tools: two calls in one turn, each answered by its id")
    void twoToolCallsInOneTurn(Mode mode) {
        requires(mode);
        requires(Capability.TOOLS);
        ChatRequest ask = ChatRequest.builder().user(TWO_CITIES_QUESTION).addTool(WEATHER_TOOL).build();

        ChatResponse call = send(mode, ask);

        assertThat(call.toolCalls()).extracting(ToolCall::name).containsExactly(WEATHER_TOOL_NAME, WEATHER_TOOL_NAME);
        assertThat(call.toolCalls()).extracting(c -> c.arguments().replace(" ", ""))
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"London\"}");
        assertThat(call.toolCalls()).extracting(ToolCall::id).doesNotHaveDuplicates();

        ChatRequest.Builder answer = ask.toBuilder().addMessage(call.message());
        answer.addMessage(ChatMessage.tool(call.toolCalls().get(0).id(), "18°C"));
        answer.addMessage(ChatMessage.tool(call.toolCalls().get(1).id(), "12°C"));
        ChatResponse response = send(mode, answer.build());

        assertThat(response.text()).isEqualTo("get_weather returned 18°C. get_weather returned 12°C.");
    }

    // ---------------------------------------------------------------- reasoning

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING,
            ScriptedEngine.MODEL_THINK_TAGS})
    @DisplayName("reasoning is separated from the answer (chat)")
    void reasoningChat(String model) {
        requires(Capability.REASONING);
        ChatResponse response = client.chat(ChatRequest.builder().model(model).user("Hello there").build());

        assertThat(response.reasoning()).isEqualTo(reasoningFor(2));
        assertThat(response.text()).isEqualTo("You said: Hello there");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ScriptedEngine.MODEL_REASONING_CONTENT, ScriptedEngine.MODEL_REASONING,
            ScriptedEngine.MODEL_THINK_TAGS})
    @DisplayName("reasoning is separated from the answer (stream): reasoning deltas, then text deltas")
    void reasoningStream(String model) {
        requires(Capability.STREAMING);
        requires(Capability.REASONING);
        List<ChatEvent> events = events(client.stream(ChatRequest.builder().model(model).user("Hello there").build()));

        StringBuilder reasoning = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (ChatEvent event : events) {
            if (event instanceof ChatEvent.ReasoningDelta r) {
                assertThat(text).as("reasoning after text began").isEmpty();
                reasoning.append(r.text());
            } else if (event instanceof ChatEvent.TextDelta t) {
                text.append(t.text());
            }
        }
        assertThat(reasoning.toString()).isEqualTo(reasoningFor(2));
        assertThat(text.toString()).isEqualTo("You said: Hello there");
    }

    // ---------------------------------------------------------------- embeddings and models

    @Test
    @DisplayName("embeddings: one vector per input, in input order, of one dimension; related texts closer")
    void embeddings() {
        requires(Capability.EMBEDDINGS);
        List<String> texts = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
                "Quarterly tax reports are due in April.");

        EmbeddingResponse batch = client.embed(new EmbeddingRequest(null, texts));
        EmbeddingResponse last = client.embed(new EmbeddingRequest(null, List.of(texts.get(2))));

        assertThat(batch.vectors()).hasSize(3);
        assertThat(batch.dimension()).isEqualTo(ScriptedEngine.EMBEDDING_DIMENSION);
        assertThat(batch.vectors()).allSatisfy(v -> assertThat(v).hasSize(ScriptedEngine.EMBEDDING_DIMENSION));
        assertThat(batch.vectors().get(2)).as("the third vector is the third text's")
                .containsExactly(last.vectors().get(0), within(1e-6f));
        assertThat(EmbeddingResponse.cosine(batch.vectors().get(0), batch.vectors().get(1)))
                .isGreaterThan(EmbeddingResponse.cosine(batch.vectors().get(0), batch.vectors().get(2)));
    }

    @Test
    @DisplayName("embeddings: an unknown model is ModelNotFoundException")
    void embeddingsUnknownModel() {
        requires(Capability.EMBEDDINGS);
        assertThatThrownBy(() -> client.embed(new EmbeddingRequest("no-such-embedding-model", List.of("x"))))
                .isInstanceOf(ModelNotFoundException.class)
                .satisfies(e -> assertThat(((LlmException) e).status()).isEqualTo(404));
    }

    @Test
    @DisplayName("models: the server's chat and embedding models are listed")
    void models() {
        requires(Capability.MODELS);
        assertThat(client.models()).extracting(ModelInfo::id)
                .contains(ScriptedEngine.MODEL, ScriptedEngine.EMBEDDING_MODEL);
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    @DisplayName("cancellation: closing a stream mid-way closes the connection, and the server sees it")
    void closingCancels() throws InterruptedException {
        requires(Capability.STREAMING);
        requires(Capability.CANCELLATION);
        server.faults().forNextRequest(new Fault.StallMidStream(2, Duration.ofSeconds(30)));
        long cancelledBefore = server.stats().cancelledStreams();

        try (ChatStream stream = client.stream(prompt(PROMPT))) {
            Iterator<ChatEvent> events = stream.iterator();
            assertThat(events.next()).isInstanceOf(ChatEvent.TextDelta.class);
        } // close() here, while the server stalls

        long cancelled = awaitAtLeast(() -> server.stats().cancelledStreams(), cancelledBefore + 1);
        assertThat(cancelled).as("streams the server saw cancelled within %s", SERVER_NOTICES_WITHIN)
                .isEqualTo(cancelledBefore + 1);
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("401 is AuthenticationException with the server's message")
    void unauthorized(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(401, "invalid api key", null));
        assertThat(e).isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("403 is AuthenticationException with the server's message")
    void forbidden(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(403, "this key may not use this model", null));
        assertThat(e).isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("an unknown model is ModelNotFoundException (404)")
    void unknownModel(Mode mode) {
        requires(mode);
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> send(mode, ChatRequest.builder().model("no-such-model").user(PROMPT).build()));
        assertThat(e).isInstanceOf(ModelNotFoundException.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.providerMessage()).contains("no-such-model");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("400 is BadRequestException with the server's message")
    void badRequest(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(400, "messages must not be empty", null));
        assertThat(e).isInstanceOf(BadRequestException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("429 is RateLimitedException carrying Retry-After")
    void rateLimited(Mode mode) {
        LlmException e = statusFault(mode, new Fault.Status(429, "slow down", Duration.ofSeconds(7)));
        assertThat(e).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.isRetriable()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("500 and 503 are ServerErrorException with the server's message")
    void serverErrors(Mode mode) {
        assertThat(statusFault(mode, new Fault.Status(500, "engine crashed", null)))
                .isInstanceOf(ServerErrorException.class);
        assertThat(statusFault(mode, new Fault.Status(503, "model is loading", null)))
                .isInstanceOf(ServerErrorException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("no server listening is ConnectionException")
    void nothingListening(Mode mode) {
        requires(mode);
        try (LlmClient refused = createClient(endpoint.toBuilder().baseUrl("http://127.0.0.1:1/v1").build())) {
            assertThatThrownBy(() -> send(refused, mode, prompt(PROMPT))).isInstanceOf(ConnectionException.class);
        }
    }

    @Test
    @DisplayName("stream: a malformed chunk is StreamInterruptedException caused by MalformedResponseException, text so far kept")
    void malformedChunk() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.MalformedChunk(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.getCause()).isInstanceOf(MalformedResponseException.class);
        assertThat(((MalformedResponseException) e.getCause()).payload()).as("the payload names itself").isNotBlank();
        assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
    }

    @Test
    @DisplayName("chat: a body that is not JSON is MalformedResponseException")
    void malformedBody() {
        server.faults().forNextRequest(new Fault.MalformedChunk(0));
        assertThatThrownBy(() -> client.chat(prompt(PROMPT))).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    @DisplayName("stream: a dropped connection is StreamInterruptedException with the text so far")
    void droppedMidStream() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.DropConnection(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
    }

    @Test
    @DisplayName("stream: a cut after a whole tool call keeps that call in the partial answer")
    void droppedDuringToolCalls() {
        requires(Capability.STREAMING);
        requires(Capability.TOOLS);
        // Two frames: on /v1 the first call's two fragments; natively, each call is one line.
        server.faults().forNextRequest(new Fault.DropConnection(2));

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(ChatRequest.builder().user(TWO_CITIES_QUESTION).addTool(WEATHER_TOOL).build())
                        .collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().toolCalls()).isNotEmpty();
        ToolCall first = e.partial().toolCalls().get(0);
        assertThat(first.name()).isEqualTo(WEATHER_TOOL_NAME);
        assertThat(first.arguments().replace(" ", "")).isEqualTo("{\"city\":\"Paris\"}");
    }

    @Test
    @DisplayName("chat: a connection closed without an answer is ConnectionException")
    void droppedBeforeAnswer() {
        server.faults().forNextRequest(new Fault.DropConnection(0));
        assertThatThrownBy(() -> client.chat(prompt(PROMPT))).isInstanceOf(ConnectionException.class);
    }

    @Test
    @DisplayName("stream: a stream without its end marker is StreamInterruptedException with all the text")
    void noDoneMarker() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.NoDoneMarker());

        StreamInterruptedException e = catchThrowableOfType(StreamInterruptedException.class,
                () -> client.stream(prompt(PROMPT)).collect());

        assertThat(e).as("exception").isNotNull();
        assertThat(e.partial().text()).isEqualTo(ECHO);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("a stall before the first byte is LlmTimeoutException within the read timeout")
    void stallBeforeFirstByte(Mode mode) {
        requires(mode);
        server.faults().forNextRequest(new Fault.StallBeforeFirstByte(STALL));
        try (LlmClient impatient = createClient(endpoint.toBuilder().readTimeout(SHORT_READ_TIMEOUT).build())) {
            LlmException e = assertTimeoutPreemptively(TIMEOUT_BOUND,
                    () -> catchThrowableOfType(LlmException.class, () -> send(impatient, mode, prompt(PROMPT))));
            assertThat(e).isInstanceOf(LlmTimeoutException.class);
        }
    }

    @Test
    @DisplayName("stream: a stall mid-stream is StreamInterruptedException caused by LlmTimeoutException, text so far kept")
    void stallMidStream() {
        requires(Capability.STREAMING);
        server.faults().forNextRequest(new Fault.StallMidStream(2, STALL));
        try (LlmClient impatient = createClient(endpoint.toBuilder().readTimeout(SHORT_READ_TIMEOUT).build())) {
            StreamInterruptedException e = assertTimeoutPreemptively(TIMEOUT_BOUND,
                    () -> catchThrowableOfType(StreamInterruptedException.class,
                            () -> impatient.stream(prompt(PROMPT)).collect()));
            assertThat(e).as("exception").isNotNull();
            assertThat(e.getCause()).isInstanceOf(LlmTimeoutException.class);
            assertThat(e.partial().text()).isEqualTo(FIRST_TWO_CHUNKS);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Skips the case, with the client's reason, unless it supports {@code capability}. */
    protected final void requires(Capability capability) {
        Capabilities capabilities = client.capabilities();
        assumeTrue(capabilities.supports(capability),
                () -> capability + " not supported by this style: " + capabilities.reasonUnsupported(capability));
    }

    private void requires(Mode mode) {
        if (mode == Mode.STREAM) {
            requires(Capability.STREAMING);
        }
    }

    /** Sends {@code request} with the case's client, as {@code mode} says; a stream is collected and closed. */
    protected final ChatResponse send(Mode mode, ChatRequest request) {
        return send(client, mode, request);
    }

    private static ChatResponse send(LlmClient client, Mode mode, ChatRequest request) {
        if (mode == Mode.CHAT) {
            return client.chat(request);
        }
        try (ChatStream stream = client.stream(request)) {
            return stream.collect();
        }
    }

    /** Registers {@code fault}, sends, and checks what every status error carries. */
    private LlmException statusFault(Mode mode, Fault.Status fault) {
        requires(mode);
        server.faults().forNextRequest(fault);
        LlmException e = catchThrowableOfType(LlmException.class, () -> send(mode, prompt(PROMPT)));
        assertThat(e).as("exception for %s", fault).isNotNull();
        assertThat(e.status()).isEqualTo(fault.status());
        assertThat(e.providerMessage()).isEqualTo(fault.message());
        return e;
    }

    private static int indexOf(List<ChatEvent> events, Class<? extends ChatEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
