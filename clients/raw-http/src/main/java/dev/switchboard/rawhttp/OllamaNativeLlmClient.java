package dev.switchboard.rawhttp;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import dev.switchboard.core.error.UnsupportedCapabilityException;
import dev.switchboard.core.spi.LlmClientProvider;
import dev.switchboard.core.wire.OllamaWire;
import dev.switchboard.rawhttp.internal.HttpTransport;
import dev.switchboard.rawhttp.internal.HttpEventSource;

/**
 * {@link LlmClient} over Ollama's native API with OkHttp and core's wire layer: the style
 * {@code "raw-http-ollama"}. It talks to {@link Endpoint#rootUrl()} (the base URL without
 * {@code /v1}, e.g. {@code http://localhost:11434}); facts in
 * {@code core/src/test/resources/reference/ollama-wire.md} (errors: section 2.1; endpoints: sections 7 to 11).
 *
 * <ul>
 *   <li>{@link #chat}: {@code POST /api/chat}, {@code "stream": false}; {@link #stream}: the same
 *       streaming NDJSON, one JSON object per line, ending with {@code "done": true} (which carries
 *       {@code done_reason} and the token counts).</li>
 *   <li>{@link #generate}: {@code POST /api/generate}, a bare prompt without chat template
 *       messages, streamed the same way.</li>
 *   <li>{@link #embed}: {@code POST /api/embed}; {@link #models}: {@code GET /api/tags}.</li>
 * </ul>
 *
 * <p>Native-only options go in {@link ChatRequest#extensions()} and are sent at the top level:
 * {@code options} (a map: {@code num_ctx}, {@code num_predict}...), {@code keep_alive},
 * {@code think}. Ollama's error body is {@code {"error": "..."}}; statuses map to core's typed
 * exceptions as for {@link RawHttpLlmClient}. Thread-safe; close it when done.
 */
public final class OllamaNativeLlmClient implements LlmClient {

    /** The style name this client registers under. */
    public static final String STYLE = "raw-http-ollama";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Capabilities CAPABILITIES = Capabilities.all().without(Capability.COMPLETIONS,
            "Ollama's native API has no /v1/completions; its prompt route is /api/generate "
                    + "(OllamaNativeLlmClient.generate); use the raw-http style on /v1 for text completions");

    private final Endpoint endpoint;
    private final HttpTransport http;
    private final HttpTransport.Target chatUrl;
    private final HttpTransport.Target generateUrl;
    private final HttpTransport.Target embedUrl;
    private final HttpTransport.Target tagsUrl;

    /** A client for {@code endpoint}'s root URL; no I/O until the first request. */
    public OllamaNativeLlmClient(Endpoint endpoint) {
        this.endpoint = endpoint;
        this.http = new HttpTransport(endpoint, OllamaWire::readError);
        this.chatUrl = url("/api/chat");
        this.generateUrl = url("/api/generate");
        this.embedUrl = url("/api/embed");
        this.tagsUrl = url("/api/tags");
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.switchboard.core.error.MalformedResponseException if the 200 body is not a chat line
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatRequest resolved = request.withDefaultModel(endpoint.chatModel());
        byte[] body = http.post(chatUrl, OllamaWire.writeChatRequest(resolved, false));
        return OllamaWire.readChatResponse(body);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        ChatRequest resolved = request.withDefaultModel(endpoint.chatModel());
        return HttpEventSource.ollama(http).post(chatUrl, OllamaWire.writeChatRequest(resolved, true));
    }

    /**
     * Streams a completion of a bare {@code prompt} from {@code POST /api/generate}: the model's
     * chat template is still applied by Ollama, but there is no conversation. The lines carry
     * {@code response} instead of {@code message.content}; events are as for {@link #stream}.
     *
     * @param model  the model, or null for {@link Endpoint#chatModel()}
     * @param prompt the prompt text
     * @return the stream; the caller must close it
     * @throws dev.switchboard.core.error.LlmException as {@link #stream}
     */
    public ChatStream generate(String model, String prompt) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", model == null ? endpoint.chatModel() : model)
                .put("prompt", prompt)
                .put("stream", true);
        byte[] json = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return HttpEventSource.ollama(http).post(generateUrl, json);
    }

    /** {@inheritDoc} A request without a model uses {@link Endpoint#embeddingModel()}. */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        EmbeddingRequest resolved = request.withDefaultModel(endpoint.embeddingModel());
        return OllamaWire.readEmbedResponse(http.post(embedUrl, OllamaWire.writeEmbedRequest(resolved)));
    }

    /** {@inheritDoc} From {@code GET /api/tags}: Ollama lists the models pulled locally. */
    @Override
    public List<ModelInfo> models() {
        return OllamaWire.readTags(http.get(tagsUrl));
    }

    /**
     * Everything but {@link Capability#COMPLETIONS}: the native API carries tools, thinking, usage
     * and options; its prompt route is {@code /api/generate} ({@link #generate}), not
     * {@code /v1/completions}.
     */
    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * Not supported: see {@link #capabilities()}.
     *
     * @throws UnsupportedCapabilityException always, with the reason; nothing is sent
     */
    @Override
    public CompletionResponse complete(CompletionRequest request) {
        throw capabilities().refusal(Capability.COMPLETIONS);
    }

    /**
     * Not supported: see {@link #capabilities()}.
     *
     * @throws UnsupportedCapabilityException always, with the reason; nothing is sent
     */
    @Override
    public ChatStream streamCompletion(CompletionRequest request) {
        throw capabilities().refusal(Capability.COMPLETIONS);
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpTransport.Target url(String path) {
        return http.target(endpoint.rootUrl() + path);
    }

    /** Registers {@link OllamaNativeLlmClient} with {@link dev.switchboard.core.LlmClients} under {@value #STYLE}. */
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
            return new OllamaNativeLlmClient(endpoint);
        }
    }
}
