package dev.switchboard.langchain4j.internal;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.ModelInfo;

/**
 * Builds the LangChain4j models of one flavour for one call each: every model gets a
 * {@link LangChain4jHttpClient} bound to that call's {@link Exchange}, all of them on one shared
 * {@code java.net.http} client (its connection pool, its connect timeout).
 *
 * <p>A model per call, because LangChain4j passes an {@code HttpClient} nothing of the call but the
 * {@code HttpRequest} it built; building one is cheap (the builders copy settings and wrap the HTTP
 * client; no I/O), next to the call it serves. Settings from the {@link Endpoint}: the API key (or
 * the placeholder {@code no-key-required}, which langchain4j-open-ai requires; Ollama gets none), the
 * chat model, the read timeout (LangChain4j's {@code timeout}) and {@code maxRetries} (LangChain4j's
 * own retry, for non-streaming calls). Thinking is returned ({@code returnThinking(true)}).
 */
public abstract class Models {

    /** The endpoint the models talk to. */
    protected final Endpoint endpoint;
    /** The JDK client all models share. */
    protected final HttpClient jdk;

    private Models(Endpoint endpoint) {
        this.endpoint = endpoint;
        // HTTP/1.1: local servers speak it, and it spares the h2c upgrade headers on every request.
        this.jdk = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A {@code ChatModel} for one call, reporting to {@code exchange}. */
    public abstract ChatModel chat(Exchange exchange);

    /** A {@code StreamingChatModel} for one call, reporting to {@code exchange}. */
    public abstract StreamingChatModel streaming(Exchange exchange);

    /** An {@code EmbeddingModel} for {@code model}, for one call, reporting to {@code exchange}. */
    public abstract EmbeddingModel embedding(String model, Exchange exchange);

    /**
     * Lists the server's models, reporting to {@code exchange}.
     *
     * @throws RuntimeException LangChain4j's, on failure (map it with {@link Failures})
     */
    public abstract List<ModelInfo> list(Exchange exchange);

    /** The HTTP client builder of one call: the shared JDK client, reporting to {@code exchange}. */
    protected final LangChain4jHttpClient.Builder http(Exchange exchange) {
        return LangChain4jHttpClient.builder(jdk, exchange);
    }

    /**
     * langchain4j-open-ai against {@code endpoint.baseUrl()} (with {@code /v1}): {@link OpenAiChatModel},
     * {@link OpenAiStreamingChatModel}, {@link OpenAiEmbeddingModel}, {@link OpenAiModelCatalog}.
     */
    public static Models openAi(Endpoint endpoint) {
        return new Models(endpoint) {
            @Override
            public ChatModel chat(Exchange exchange) {
                return OpenAiChatModel.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKeyOrPlaceholder())
                        .modelName(endpoint.chatModel()).timeout(endpoint.readTimeout())
                        .maxRetries(endpoint.maxRetries()).returnThinking(true).build();
            }

            @Override
            public StreamingChatModel streaming(Exchange exchange) {
                return OpenAiStreamingChatModel.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKeyOrPlaceholder())
                        .modelName(endpoint.chatModel()).timeout(endpoint.readTimeout())
                        .returnThinking(true).build();
            }

            @Override
            public EmbeddingModel embedding(String model, Exchange exchange) {
                return OpenAiEmbeddingModel.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKeyOrPlaceholder()).modelName(model)
                        .timeout(endpoint.readTimeout()).maxRetries(endpoint.maxRetries()).build();
            }

            @Override
            public List<ModelInfo> list(Exchange exchange) {
                OpenAiModelCatalog catalog = OpenAiModelCatalog.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKeyOrPlaceholder())
                        .connectTimeout(endpoint.connectTimeout()).readTimeout(endpoint.readTimeout()).build();
                List<ModelInfo> infos = new ArrayList<>();
                for (ModelDescription model : catalog.listModels()) {
                    Instant created = model.createdAt();
                    infos.add(new ModelInfo(model.name(), model.owner(), created == null ? 0 : created.getEpochSecond()));
                }
                return infos;
            }
        };
    }

    /**
     * langchain4j-ollama against {@code endpoint.rootUrl()} (the base URL without {@code /v1}):
     * {@link OllamaChatModel}, {@link OllamaStreamingChatModel}, {@link OllamaEmbeddingModel},
     * {@link OllamaModels}. No API key is sent.
     */
    public static Models ollama(Endpoint endpoint) {
        return new Models(endpoint) {
            @Override
            public ChatModel chat(Exchange exchange) {
                return OllamaChatModel.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.rootUrl()).modelName(endpoint.chatModel())
                        .timeout(endpoint.readTimeout()).maxRetries(endpoint.maxRetries())
                        .returnThinking(true).build();
            }

            @Override
            public StreamingChatModel streaming(Exchange exchange) {
                return OllamaStreamingChatModel.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.rootUrl()).modelName(endpoint.chatModel())
                        .timeout(endpoint.readTimeout()).returnThinking(true).build();
            }

            @Override
            public EmbeddingModel embedding(String model, Exchange exchange) {
                return OllamaEmbeddingModel.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.rootUrl()).modelName(model)
                        .timeout(endpoint.readTimeout()).maxRetries(endpoint.maxRetries()).build();
            }

            @Override
            public List<ModelInfo> list(Exchange exchange) {
                OllamaModels catalog = OllamaModels.builder().httpClientBuilder(http(exchange))
                        .baseUrl(endpoint.rootUrl()).timeout(endpoint.readTimeout()).build();
                List<ModelInfo> infos = new ArrayList<>();
                for (OllamaModel model : catalog.availableModels().content()) {
                    infos.add(new ModelInfo(model.getName(), "library",
                            model.getModifiedAt() == null ? 0 : model.getModifiedAt().toEpochSecond()));
                }
                return infos;
            }
        };
    }
}
