package dev.switchboard.springai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.client.OpenAIClientImpl;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.openai.core.ClientOptions;
import com.openai.core.ObjectMappers;
import com.openai.core.Timeout;

import dev.switchboard.core.Capabilities;
import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.CompletionRequest;
import dev.switchboard.core.CompletionResponse;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.ModelInfo;
import dev.switchboard.core.Usage;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.core.error.UnsupportedCapabilityException;
import dev.switchboard.core.spi.LlmClientProvider;
import dev.switchboard.springai.internal.Conversions;
import dev.switchboard.springai.internal.Failures;
import dev.switchboard.springai.internal.FluxChatSource;
import dev.switchboard.springai.internal.NetworkWait;
import dev.switchboard.springai.internal.SseEndGuard;
import dev.switchboard.springai.internal.StreamHttpClient;

/**
 * {@link LlmClient} over Spring AI's {@link OpenAiChatModel} and {@link OpenAiEmbeddingModel}
 * (Spring AI 2.0.1, on the official openai-java SDK): the style {@value #STYLE}. Works with any
 * OpenAI-compatible {@code /v1} endpoint: Ollama, llama-server, vLLM, LM Studio, OpenAI.
 *
 * <ul>
 *   <li>{@link #chat}: {@code ChatModel.call(Prompt)}; {@link #stream}: {@code ChatModel.stream(Prompt)},
 *       a {@code Flux} bridged to a pull-based {@link ChatStream} that is bounded, throws on the
 *       caller's thread and cancels the HTTP call on {@code close()}.</li>
 *   <li>{@link #embed}: {@code EmbeddingModel.call}, vectors in input order.</li>
 *   <li>Reasoning: Spring AI reads {@code reasoning_content} and {@code reasoning} into the message's
 *       {@code reasoningContent} metadata; {@code <think>} tags in the text are split off with core's
 *       {@code ThinkTagSplitter}.</li>
 *   <li>Tools from {@link ChatRequest#tools()} are offered as definitions; the model's calls come
 *       back to the caller, who runs them (Spring AI's {@code ChatModel} runs no tools).</li>
 * </ul>
 *
 * <p>How it is built, and the pitfalls it handles:
 * <ul>
 *   <li>The base URL is used as given, so it must include {@code /v1}: {@link Endpoint#baseUrl()} does.</li>
 *   <li>Timeouts: the SDK clients are built here with {@link Endpoint#connectTimeout()}, the idle
 *       timeout {@link Endpoint#readTimeout()} as {@code Timeout.read}, and <em>no</em> whole-call
 *       timeout. Spring AI 2.0.1 would otherwise apply its options' {@code timeout} (60 s by
 *       default) to a whole stream; every prompt's options therefore set it to zero.</li>
 *   <li>Retries: the SDK's {@code maxRetries} is {@link Endpoint#maxRetries()} (default 0, where
 *       Spring AI's default is 3), because a retried request is a whole new generation. OkHttp's
 *       own retry of a request that failed on a stale pooled connection stays on: Spring AI's HTTP
 *       client fixes it.</li>
 *   <li>{@link SseEndGuard} makes a stream that ends without {@code [DONE]} an error and makes
 *       closing a stream cancel its call.</li>
 *   <li>Each {@link #stream} gets its own {@code OpenAiChatModel} over its own SDK client view
 *       ({@link StreamHttpClient}, sending through the one shared HTTP client and connection pool),
 *       which carries that stream's {@link NetworkWait} from the socket reads to its
 *       {@link FluxChatSource}. Nothing about a call is kept in static or per-thread state.</li>
 *   <li>The API key: {@link Endpoint#apiKeyOrPlaceholder()}, since the SDK requires one.</li>
 * </ul>
 *
 * <p>Not supported: {@link Capability#MODELS} (Spring AI has no model listing). Errors are core's
 * typed exceptions ({@link LlmException}), with the HTTP status and the server's message.
 * Thread-safe; share one per endpoint and close it when done.
 */
public final class SpringAiLlmClient implements LlmClient {

    /** The style name this client registers under. */
    public static final String STYLE = "spring-ai";

    private static final Capabilities CAPABILITIES = Capabilities.all().without(Capability.MODELS,
            "Spring AI's ChatModel and EmbeddingModel have no way to list a server's models (GET /v1/models)")
            .without(Capability.COMPLETIONS, "Spring AI 2.0 has ChatModel and EmbeddingModel, "
                    + "no model for OpenAI's legacy /v1/completions (prompt in, text out)");

    private final Endpoint endpoint;
    private final SpringAiOpenAiHttpClient http;
    private final OpenAIClient client;
    private final OpenAIClientAsync asyncClient;
    private final OpenAiChatOptions chatOptions;
    private final ToolCallingManager toolCallingManager = ToolCallingManager.builder().build();
    private final OpenAiChatModel chatModel;
    private final OpenAiEmbeddingModel embeddingModel;

    /**
     * A client for {@code endpoint}; no I/O until the first request.
     *
     * @param endpoint the {@code /v1} base URL, key, default models, timeouts and retries
     */
    public SpringAiLlmClient(Endpoint endpoint) {
        this.endpoint = endpoint;
        // Connect and idle timeouts from the endpoint; request (whole call) zero = none.
        Timeout timeout = Timeout.builder()
                .connect(endpoint.connectTimeout())
                .read(endpoint.readTimeout())
                .write(endpoint.readTimeout())
                .request(Duration.ZERO)
                .build();
        this.http = SpringAiOpenAiHttpClient.builder()
                .timeout(timeout)
                .interceptor(new SseEndGuard())
                .build();
        ClientOptions options = ClientOptions.builder()
                .httpClient(http)
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .timeout(timeout)
                .maxRetries(endpoint.maxRetries())
                // The SDK's own mapper, keeping the parsed text in parse errors: a chunk that does not
                // parse then names itself in MalformedResponseException.payload().
                .jsonMapper(ObjectMappers.jsonMapper().rebuild()
                        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
                .build();
        this.client = new OpenAIClientImpl(options);
        this.asyncClient = new OpenAIClientAsyncImpl(options);
        this.chatOptions = OpenAiChatOptions.builder().model(endpoint.chatModel()).timeout(Duration.ZERO).build();
        this.chatModel = OpenAiChatModel.builder()
                .openAiClient(client)
                .openAiClientAsync(asyncClient)
                .options(chatOptions)
                .toolCallingManager(toolCallingManager)
                .build();
        this.embeddingModel = OpenAiEmbeddingModel.builder()
                .openAiClient(client)
                .options(OpenAiEmbeddingOptions.builder().model(endpoint.embeddingModel()).timeout(Duration.ZERO)
                        .build())
                .build();
    }

    /** {@inheritDoc} A request without a model uses {@link Endpoint#chatModel()}. */
    @Override
    public ChatResponse chat(ChatRequest request) {
        org.springframework.ai.chat.model.ChatResponse answer;
        try {
            answer = chatModel.call(Conversions.prompt(request, endpoint.chatModel()));
        } catch (RuntimeException e) {
            throw Failures.beforeAnswer(e, endpoint);
        }
        return Conversions.response(answer);
    }

    /**
     * {@inheritDoc} Returns once the first chunk arrived, so an error status is thrown from here.
     * A request without a model uses {@link Endpoint#chatModel()}.
     *
     * <p>The stream reads through its own {@code OpenAiChatModel} and SDK client view (sharing this
     * client's HTTP client, connection pool and threads), so that its {@link NetworkWait} travels
     * with the call: {@link StreamHttpClient} signals it from the socket reads, {@link FluxChatSource}
     * waits for it before waking the reader.
     */
    @Override
    public ChatStream stream(ChatRequest request) {
        try {
            NetworkWait networkWait = new NetworkWait();
            OpenAIClientAsync streamClient = asyncClient.withOptions(
                    options -> options.httpClient(new StreamHttpClient(http, networkWait)));
            OpenAiChatModel streamModel = OpenAiChatModel.builder()
                    .openAiClient(client)
                    .openAiClientAsync(streamClient)
                    .options(chatOptions)
                    .toolCallingManager(toolCallingManager)
                    .build();
            return FluxChatSource.open(streamModel.stream(Conversions.prompt(request, endpoint.chatModel())),
                    networkWait, endpoint);
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Failures.beforeAnswer(e, endpoint);
        }
    }

    /**
     * {@inheritDoc} A request without a model uses {@link Endpoint#embeddingModel()}. One call to
     * {@code POST {baseUrl}/embeddings} for all inputs; the vectors are put in input order by the
     * {@code index} of each.
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        EmbeddingRequest resolved = request.withDefaultModel(endpoint.embeddingModel());
        org.springframework.ai.embedding.EmbeddingResponse answer;
        try {
            answer = embeddingModel.call(new org.springframework.ai.embedding.EmbeddingRequest(resolved.input(),
                    OpenAiEmbeddingOptions.builder().model(resolved.model()).timeout(Duration.ZERO).build()));
        } catch (RuntimeException e) {
            throw Failures.beforeAnswer(e, endpoint);
        }
        List<Embedding> embeddings = new ArrayList<>(answer.getResults());
        embeddings.sort(Comparator.comparingInt(Embedding::getIndex));
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        embeddings.forEach(e -> vectors.add(e.getOutput()));
        Usage usage = answer.getMetadata().getUsage() == null ? null
                : Usage.of(answer.getMetadata().getUsage().getPromptTokens(), 0);
        return new EmbeddingResponse(answer.getMetadata().getModel(), vectors, usage);
    }

    /**
     * Not supported by Spring AI: see {@link #capabilities()}.
     *
     * @throws UnsupportedCapabilityException always, with the reason; nothing is sent
     */
    @Override
    public List<ModelInfo> models() {
        throw CAPABILITIES.refusal(Capability.MODELS);
    }

    /**
     * Not supported: see {@link #capabilities()}.
     *
     * @throws UnsupportedCapabilityException always, with the reason; nothing is sent
     */
    @Override
    public CompletionResponse complete(CompletionRequest request) {
        throw CAPABILITIES.refusal(Capability.COMPLETIONS);
    }

    /**
     * Not supported: see {@link #capabilities()}.
     *
     * @throws UnsupportedCapabilityException always, with the reason; nothing is sent
     */
    @Override
    public ChatStream streamCompletion(CompletionRequest request) {
        throw CAPABILITIES.refusal(Capability.COMPLETIONS);
    }

    /** Everything except {@link Capability#MODELS} and {@link Capability#COMPLETIONS}. */
    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** Closes the SDK clients and their connection pool; idempotent. */
    @Override
    public void close() {
        try {
            asyncClient.close();
        } finally {
            client.close();
        }
    }

    /** Registers {@link SpringAiLlmClient} with {@link dev.switchboard.core.LlmClients} under {@value #STYLE}. */
    public static final class Provider implements LlmClientProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public String styleName() {
            return STYLE;
        }

        @Override
        public LlmClient create(Endpoint endpoint) {
            return new SpringAiLlmClient(endpoint);
        }
    }
}
