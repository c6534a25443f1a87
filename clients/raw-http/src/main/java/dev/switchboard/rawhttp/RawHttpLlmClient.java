package dev.switchboard.rawhttp;

import java.util.List;

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
import dev.switchboard.core.wire.OpenAiWire;
import dev.switchboard.rawhttp.internal.HttpEventSource;
import dev.switchboard.rawhttp.internal.HttpTransport;

/**
 * {@link LlmClient} over the OpenAI-compatible {@code /v1} API with OkHttp and core's wire layer:
 * the style {@code "raw-http"}. Works with Ollama, llama-server, vLLM, LM Studio and OpenAI.
 *
 * <ul>
 *   <li>{@link #chat}: {@code POST {baseUrl}/chat/completions}, {@code "stream": false}.</li>
 *   <li>{@link #stream}: the same with {@code "stream": true} and
 *       {@code stream_options.include_usage}; server-sent events decoded by core's
 *       {@link dev.switchboard.core.wire.OpenAiStreamDecoder} as they arrive (reasoning in all three
 *       shapes, tool-call fragments merged, usage on the last chunk).</li>
 *   <li>{@link #complete} / {@link #streamCompletion}: {@code POST {baseUrl}/completions}, a
 *       prompt continued without chat template, streamed the same way.</li>
 *   <li>{@link #embed}: {@code POST {baseUrl}/embeddings}; {@link #models}: {@code GET {baseUrl}/models}.</li>
 * </ul>
 *
 * <p>Errors: a non-2xx status becomes core's typed exception for it with the server's message
 * (either error envelope); I/O failures become {@code ConnectionException} or
 * {@code LlmTimeoutException} (read timeout, {@link Endpoint#readTimeout()}, between two reads); a
 * stream that breaks throws {@code StreamInterruptedException} with what arrived. Requests are
 * retried only as {@link Endpoint#maxRetries()} says (default 0). Thread-safe; share one per
 * endpoint and close it when done.
 */
public final class RawHttpLlmClient implements LlmClient {

    /** The style name this client registers under. */
    public static final String STYLE = "raw-http";

    private final Endpoint endpoint;
    private final HttpTransport http;
    private final HttpTransport.Target chatUrl;
    private final HttpTransport.Target completionsUrl;
    private final HttpTransport.Target embeddingsUrl;
    private final HttpTransport.Target modelsUrl;

    /** A client for {@code endpoint}; no I/O until the first request. */
    public RawHttpLlmClient(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.http = new HttpTransport(endpoint, OpenAiWire::readError);
        this.chatUrl = url("/chat/completions");
        this.completionsUrl = url("/completions");
        this.embeddingsUrl = url("/embeddings");
        this.modelsUrl = url("/models");
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if the 200 body is not a chat
     *         completion
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatRequest resolved = request.withDefaultModel(endpoint.chatModel());
        byte[] body = http.post(chatUrl, OpenAiWire.writeChatRequest(resolved, false));
        return OpenAiWire.readChatResponse(body);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        ChatRequest resolved = request.withDefaultModel(endpoint.chatModel());
        return HttpEventSource.chat(http).post(chatUrl, OpenAiWire.writeChatRequest(resolved, true));
    }

    /**
     * {@inheritDoc} {@code POST {baseUrl}/completions}; a request without a model uses
     * {@link Endpoint#chatModel()}.
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if the 200 body is not a
     *         {@code text_completion}
     */
    @Override
    public CompletionResponse complete(CompletionRequest request) {
        CompletionRequest resolved = request.withDefaultModel(endpoint.chatModel());
        byte[] body = http.post(completionsUrl, OpenAiWire.writeCompletionRequest(resolved, false));
        return OpenAiWire.readCompletionResponse(body);
    }

    /**
     * {@inheritDoc} Decoded by core's {@link dev.switchboard.core.wire.CompletionStreamDecoder} as the
     * events arrive.
     */
    @Override
    public ChatStream streamCompletion(CompletionRequest request) {
        CompletionRequest resolved = request.withDefaultModel(endpoint.chatModel());
        return HttpEventSource.completion(http).post(completionsUrl,
                OpenAiWire.writeCompletionRequest(resolved, true));
    }

    /** {@inheritDoc} A request without a model uses {@link Endpoint#embeddingModel()}. */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        EmbeddingRequest resolved = request.withDefaultModel(endpoint.embeddingModel());
        byte[] body = http.post(embeddingsUrl, OpenAiWire.writeEmbeddingRequest(resolved));
        return OpenAiWire.readEmbeddingResponse(body);
    }

    @Override
    public List<ModelInfo> models() {
        return OpenAiWire.readModels(http.get(modelsUrl));
    }

    /** Everything: this style speaks the whole wire itself. */
    @Override
    public Capabilities capabilities() {
        return Capabilities.all();
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpTransport.Target url(String path) {
        return http.target(endpoint.baseUrl() + path); // Endpoint strips trailing slashes
    }

    /** Registers {@link RawHttpLlmClient} with {@link dev.switchboard.core.LlmClients} under {@value #STYLE}. */
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
            return new RawHttpLlmClient(endpoint);
        }
    }
}
