package dev.switchboard.openaijava;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.Completion;
import com.openai.models.models.Model;

import okhttp3.OkHttpClient;

import dev.switchboard.core.Capabilities;
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
import dev.switchboard.core.spi.LlmClientProvider;
import dev.switchboard.openaijava.internal.ChunkEvents;
import dev.switchboard.openaijava.internal.CompletionEvents;
import dev.switchboard.openaijava.internal.SdkErrors;
import dev.switchboard.openaijava.internal.SdkEventSource;
import dev.switchboard.openaijava.internal.SdkRequests;
import dev.switchboard.openaijava.internal.SdkResponses;
import dev.switchboard.openaijava.internal.StreamWatch;

/**
 * {@link LlmClient} over the official openai-java SDK ({@code com.openai:openai-java}): the style
 * {@code "openai-java"}. Works with any OpenAI-compatible {@code /v1} server: Ollama, llama-server,
 * vLLM, LM Studio, OpenAI.
 *
 * <ul>
 *   <li>{@link #chat}: {@code client.chat().completions().create(params)}.</li>
 *   <li>{@link #stream}: {@code createStreaming(params)} with {@code stream_options.include_usage};
 *       the SDK parses each chunk, this adapter reads text, reasoning in all three shapes
 *       ({@code reasoning_content}, {@code reasoning}, {@code <think>} tags), tool-call fragments
 *       (merged by index), finish and usage from it.</li>
 *   <li>{@link #complete} / {@link #streamCompletion}: {@code completions().create(params)} /
 *       {@code createStreaming(params)}, read through the SDK's lenient accessors.</li>
 *   <li>{@link #embed}: {@code embeddings().create(params)} with {@code encoding_format: float};
 *       {@link #models}: {@code models().list()}.</li>
 * </ul>
 *
 * <p>The SDK client is built for a local endpoint from the {@link Endpoint}: its base URL; its key
 * or {@link Endpoint#PLACEHOLDER_API_KEY} (the SDK refuses to build without a credential); connect
 * and read timeouts from the endpoint, the read timeout being the longest silence between two
 * reads; <b>no whole-call timeout</b> (the SDK's default of 10 minutes would cut a long stream);
 * and {@code maxRetries} from the endpoint (default 0), replacing the SDK's default of 2, under
 * which a request that timed out is sent again and a local model generates the whole answer again.
 *
 * <p>Errors: SDK exceptions become core's typed errors with the server's status and message
 * ({@code SdkErrors}, the one mapping); a stream that breaks throws
 * {@code StreamInterruptedException} with what arrived, including a stream that ends without
 * {@code data: [DONE]}, which the SDK alone would take for success. Closing a {@link ChatStream}
 * cancels the OkHttp call and closes the SDK's stream. Thread-safe; share one per endpoint and
 * close it when done.
 *
 * <p>Everything core's {@link ChatRequest} holds has an SDK setter, and every {@code Capability}
 * is supported, so {@link #capabilities()} declares none unsupported.
 */
public final class OpenAiJavaLlmClient implements LlmClient {

    /** The style name this client registers under. */
    public static final String STYLE = "openai-java";

    private final Endpoint endpoint;
    private final OkHttpClient okHttp;
    private final OpenAIClient sdk;

    /**
     * A client for {@code endpoint}; no I/O until the first request.
     *
     * @param endpoint base URL (with {@code /v1}), key (null: the placeholder), default models,
     *                 connect and read timeouts, retries
     */
    public OpenAiJavaLlmClient(Endpoint endpoint) {
        this.endpoint = endpoint;
        // The adapter's own OkHttp client, lent to the SDK: each stream derives a client from it
        // with its own StreamWatch as interceptor (same pool and dispatcher). The SDK sets the
        // timeouts below on every call it makes. No transparent retry on a failed connection, as in
        // the client the SDK builds for itself: retries are maxRetries' business alone.
        this.okHttp = new OkHttpClient.Builder()
                .connectTimeout(endpoint.connectTimeout())
                .readTimeout(endpoint.readTimeout())
                .writeTimeout(endpoint.readTimeout())
                .retryOnConnectionFailure(false)
                .build();
        this.sdk = OpenAIOkHttpClient.builder()
                .okHttpClient(okHttp)
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .timeout(Timeout.builder()
                        .connect(endpoint.connectTimeout())
                        .read(endpoint.readTimeout())
                        .write(endpoint.readTimeout())
                        .request(Duration.ZERO) // no whole-call limit: a long stream is healthy while bytes come
                        .build())
                .maxRetries(endpoint.maxRetries()) // not the SDK's 2: a retry re-runs a whole generation
                .build();
    }

    /**
     * The SDK client underneath, for calls this interface does not cover.
     *
     * @return the client; closed by {@link #close()}, so do not close it yourself
     */
    public OpenAIClient sdkClient() {
        return sdk;
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.switchboard.core.error.BadRequestException        also for a tool or response
     *         format schema that is not a JSON object (status 0, nothing sent)
     * @throws dev.switchboard.core.error.MalformedResponseException if the 200 body is not a chat
     *         completion
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatRequest resolved = request.withDefaultModel(endpoint.chatModel());
        try {
            return SdkResponses.chat(sdk.chat().completions().create(SdkRequests.chat(resolved, false)));
        } catch (OpenAIException e) {
            throw SdkErrors.map(e, endpoint.readTimeout(), "POST /chat/completions");
        }
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        ChatRequest resolved = request.withDefaultModel(endpoint.chatModel());
        var params = SdkRequests.chat(resolved, true);
        StreamWatch watch = new StreamWatch(); // this stream's own: only its request passes it
        StreamResponse<ChatCompletionChunk> response;
        try {
            response = watch.client(sdk, okHttp).chat().completions().createStreaming(params);
        } catch (OpenAIException e) {
            throw SdkErrors.map(e, endpoint.readTimeout(), "POST /chat/completions (stream)");
        }
        return ChatStream.of(new SdkEventSource<>(response, new ChunkEvents(), watch, endpoint.readTimeout()));
    }

    /**
     * {@inheritDoc} {@code client.completions().create(params)}; a request without a model uses
     * {@link Endpoint#chatModel()}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if the 200 body has no
     *         {@code choices[0]}
     */
    @Override
    public CompletionResponse complete(CompletionRequest request) {
        CompletionRequest resolved = request.withDefaultModel(endpoint.chatModel());
        try {
            return SdkResponses.completion(sdk.completions().create(SdkRequests.completion(resolved, false)));
        } catch (OpenAIException e) {
            throw SdkErrors.map(e, endpoint.readTimeout(), "POST /completions");
        }
    }

    /**
     * {@inheritDoc} {@code completions().createStreaming(params)} with
     * {@code stream_options.include_usage}; a stream ending without {@code data: [DONE]} is
     * interrupted, as for {@link #stream}.
     */
    @Override
    public ChatStream streamCompletion(CompletionRequest request) {
        CompletionRequest resolved = request.withDefaultModel(endpoint.chatModel());
        var params = SdkRequests.completion(resolved, true);
        StreamWatch watch = new StreamWatch();
        StreamResponse<Completion> response;
        try {
            response = watch.client(sdk, okHttp).completions().createStreaming(params);
        } catch (OpenAIException e) {
            throw SdkErrors.map(e, endpoint.readTimeout(), "POST /completions (stream)");
        }
        return ChatStream.of(new SdkEventSource<>(response, new CompletionEvents(), watch, endpoint.readTimeout()));
    }

    /** {@inheritDoc} A request without a model uses {@link Endpoint#embeddingModel()}. */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        EmbeddingRequest resolved = request.withDefaultModel(endpoint.embeddingModel());
        try {
            return SdkResponses.embeddings(sdk.embeddings().create(SdkRequests.embed(resolved)));
        } catch (OpenAIException e) {
            throw SdkErrors.map(e, endpoint.readTimeout(), "POST /embeddings");
        }
    }

    /** {@inheritDoc} Ollama's {@code "data": null} (no models installed) is an empty list. */
    @Override
    public List<ModelInfo> models() {
        try {
            List<ModelInfo> models = new ArrayList<>();
            for (Model model : sdk.models().list().data()) {
                models.add(SdkResponses.model(model));
            }
            return models;
        } catch (OpenAIException e) {
            throw SdkErrors.map(e, endpoint.readTimeout(), "GET /models");
        }
    }

    /** Everything: each capability maps onto an SDK call or setter. */
    @Override
    public Capabilities capabilities() {
        return Capabilities.all();
    }

    /** Closes the SDK client, then OkHttp's connection pool and threads. Idempotent. */
    @Override
    public void close() {
        sdk.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    /** Registers {@link OpenAiJavaLlmClient} with {@link dev.switchboard.core.LlmClients} under {@value #STYLE}. */
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
            return new OpenAiJavaLlmClient(endpoint);
        }
    }
}
