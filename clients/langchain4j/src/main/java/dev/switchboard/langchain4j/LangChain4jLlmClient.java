package dev.switchboard.langchain4j;

import java.util.List;
import java.util.Objects;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.Response;
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
import dev.switchboard.core.error.UnsupportedCapabilityException;
import dev.switchboard.core.spi.LlmClientProvider;
import dev.switchboard.langchain4j.internal.Conversions;
import dev.switchboard.langchain4j.internal.Conversions.Flavour;
import dev.switchboard.langchain4j.internal.Exchange;
import dev.switchboard.langchain4j.internal.Failures;
import dev.switchboard.langchain4j.internal.LangChain4jHttpClient;
import dev.switchboard.langchain4j.internal.Models;
import dev.switchboard.langchain4j.internal.StreamBridge;

/**
 * Core's {@link LlmClient} over LangChain4j's {@link ChatModel}, {@link StreamingChatModel} and
 * {@link EmbeddingModel}, in two flavours:
 * <ul>
 *   <li>style {@value #STYLE}: langchain4j-open-ai ({@link OpenAiChatModel},
 *       {@link OpenAiStreamingChatModel}, {@link OpenAiEmbeddingModel}, {@link OpenAiModelCatalog})
 *       against {@code Endpoint.baseUrl()}, any OpenAI-compatible {@code /v1} server;</li>
 *   <li>style {@value #OLLAMA_STYLE}: langchain4j-ollama ({@link OllamaChatModel},
 *       {@link OllamaStreamingChatModel}, {@link OllamaEmbeddingModel}, {@link OllamaModels}) against
 *       {@code Endpoint.rootUrl() + "/api"}, Ollama's native API.</li>
 * </ul>
 *
 * <p>Settings from the {@link Endpoint}: the API key (or the placeholder {@code no-key-required},
 * which LangChain4j's OpenAI module requires; Ollama gets none), the chat and embedding models, the
 * connect timeout, the read timeout (LangChain4j's {@code timeout}: the wait for response headers, and
 * here also the longest silence between two stream events) and {@code maxRetries} (LangChain4j's
 * own retry, for non-streaming calls; LangChain4j's default of 2 is not used). Thinking is
 * returned ({@code returnThinking(true)}).
 *
 * <p>Every call has its own {@link Exchange} (whether the answer began, the payload being handled,
 * cancellation before the first event) and its own LangChain4j model ({@link Models}), whose
 * {@link LangChain4jHttpClient} reports to that exchange; all share one {@code java.net.http}
 * client. Streams go through {@link StreamBridge}: bounded, errors on the caller's thread,
 * {@code close()} cancels. What LangChain4j throws becomes core's typed exceptions in
 * {@link Failures}.
 *
 * <p>Thread-safe. {@link #close()} has nothing to release on Java 17 ({@code java.net.http}'s
 * client has no {@code close()} there; its threads end once it is unreachable).
 */
public final class LangChain4jLlmClient implements LlmClient {

    /** The OpenAI-compatible flavour's style name. */
    public static final String STYLE = "langchain4j";
    /** The Ollama-native flavour's style name. */
    public static final String OLLAMA_STYLE = "langchain4j-ollama";

    private final Flavour flavour;
    private final Endpoint endpoint;
    private final Models models;
    private static final String NO_COMPLETIONS = "LangChain4j 1.x has chat, streaming chat and embedding models, "
            + "but no model for OpenAI's legacy /v1/completions (prompt in, text out)";

    private final Capabilities capabilities;

    private LangChain4jLlmClient(Flavour flavour, Endpoint endpoint, Models models, Capabilities capabilities) {
        this.flavour = flavour;
        this.endpoint = endpoint;
        this.models = models;
        this.capabilities = capabilities;
    }

    /**
     * The {@value #STYLE} flavour: langchain4j-open-ai with {@code baseUrl} = {@code endpoint.baseUrl()}
     * (which includes {@code /v1}).
     *
     * @throws NullPointerException if {@code endpoint} is null
     */
    public static LangChain4jLlmClient openAiCompatible(Endpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new LangChain4jLlmClient(Flavour.OPENAI, endpoint, Models.openAi(endpoint),
                Capabilities.all().without(Capability.COMPLETIONS, NO_COMPLETIONS));
    }

    /**
     * The {@value #OLLAMA_STYLE} flavour: langchain4j-ollama with {@code baseUrl} =
     * {@code endpoint.rootUrl()} (the base URL without {@code /v1}); no API key is sent.
     *
     * @throws NullPointerException if {@code endpoint} is null
     */
    public static LangChain4jLlmClient ollama(Endpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        Capabilities capabilities = Capabilities.all().without(Capability.COMPLETIONS, NO_COMPLETIONS).without(Capability.EXTENSIONS,
                "langchain4j-ollama 1.18.1 sends only its typed options (OllamaChatRequestParameters), "
                        + "no map of extra top-level fields");
        return new LangChain4jLlmClient(Flavour.OLLAMA, endpoint, Models.ollama(endpoint), capabilities);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Through {@link ChatModel#chat(dev.langchain4j.model.chat.request.ChatRequest)}; reasoning from
     * LangChain4j's {@code AiMessage.thinking()}, or split off {@code <think>} tags in the text.
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        dev.langchain4j.model.chat.request.ChatRequest converted = Conversions.toLangChain4j(request, flavour);
        Exchange exchange = new Exchange();
        try {
            return Conversions.fromLangChain4j(models.chat(exchange).chat(converted));
        } catch (RuntimeException e) {
            throw Failures.map(e, exchange.lastPayload(), endpoint.readTimeout());
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Through {@link StreamingChatModel#chat(dev.langchain4j.model.chat.request.ChatRequest,
     * dev.langchain4j.model.chat.response.StreamingChatResponseHandler)} and a {@link StreamBridge};
     * returns once the first event or failure arrived, waiting at most the read timeout.
     */
    @Override
    public ChatStream stream(ChatRequest request) {
        dev.langchain4j.model.chat.request.ChatRequest converted = Conversions.toLangChain4j(request, flavour);
        Exchange exchange = new Exchange();
        StreamBridge bridge = new StreamBridge(exchange, endpoint.readTimeout());
        try {
            models.streaming(exchange).chat(converted, bridge);
        } catch (RuntimeException e) {
            bridge.cancel();
            throw Failures.map(e, null, endpoint.readTimeout());
        }
        bridge.awaitFirst();
        return ChatStream.of(bridge);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Through {@link EmbeddingModel#embedAll}; the request's model, else the endpoint's embedding
     * model. Usage counts the prompt tokens the server reported, or is null.
     */
    @Override
    public EmbeddingResponse embed(EmbeddingRequest request) {
        String model = request.model() != null ? request.model() : endpoint.embeddingModel();
        Exchange exchange = new Exchange();
        try {
            List<TextSegment> segments = request.input().stream().map(TextSegment::from).toList();
            Response<List<Embedding>> response = models.embedding(model, exchange).embedAll(segments);
            List<float[]> vectors = response.content().stream().map(Embedding::vector).toList();
            Integer prompt = response.tokenUsage() == null ? null : response.tokenUsage().inputTokenCount();
            return new EmbeddingResponse(model, vectors, prompt == null ? null : new Usage(prompt, 0, prompt));
        } catch (RuntimeException e) {
            throw Failures.map(e, exchange.lastPayload(), endpoint.readTimeout());
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Through {@link OpenAiModelCatalog#listModels()} ({@code GET /v1/models}) or
     * {@link OllamaModels#availableModels()} ({@code GET /api/tags}).
     */
    @Override
    public List<ModelInfo> models() {
        Exchange exchange = new Exchange();
        try {
            return models.list(exchange);
        } catch (RuntimeException e) {
            throw Failures.map(e, exchange.lastPayload(), endpoint.readTimeout());
        }
    }

    /** Everything for {@value #STYLE}; {@value #OLLAMA_STYLE} without extensions (reason given). */
    @Override
    public Capabilities capabilities() {
        return capabilities;
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

    /** Nothing to release (see the class comment); idempotent, never throws. */
    @Override
    public void close() {
        // nothing held: each call's model and exchange end with the call
    }

    /** {@link java.util.ServiceLoader} entry for style {@value #STYLE}. */
    public static final class Provider implements LlmClientProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public String styleName() {
            return STYLE;
        }

        @Override
        public LlmClient create(Endpoint endpoint) {
            return openAiCompatible(endpoint);
        }
    }

    /** {@link java.util.ServiceLoader} entry for style {@value #OLLAMA_STYLE}. */
    public static final class OllamaProvider implements LlmClientProvider {
        /** For {@link java.util.ServiceLoader}. */
        public OllamaProvider() {
        }

        @Override
        public String styleName() {
            return OLLAMA_STYLE;
        }

        @Override
        public LlmClient create(Endpoint endpoint) {
            return ollama(endpoint);
        }
    }
}
