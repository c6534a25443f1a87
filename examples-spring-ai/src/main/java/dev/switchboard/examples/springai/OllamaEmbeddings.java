package dev.switchboard.examples.springai;

import java.util.List;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.ollama.OllamaEmbeddingModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaEmbeddingOptions;

import dev.switchboard.core.Endpoint;

/**
 * Ollama's native API, embeddings: the same {@link EmbeddingModel} call as {@link Embeddings},
 * over Spring AI's {@link OllamaEmbeddingModel}. It sends one {@code POST {rootUrl}/api/embed}
 * with all texts; Ollama answers {@code embeddings}, one L2-normalised vector per text, in order.
 *
 * <p>The base URL is Ollama's root, <em>without</em> {@code /v1}.
 *
 * <p>Run {@link #main} against a local Ollama; the module README shows the command.
 */
public final class OllamaEmbeddings {

    /** The texts embedded by {@link #main}. */
    static final List<String> TEXTS = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
            "Stock prices fell today.");

    private OllamaEmbeddings() {
    }

    /**
     * Embeds three texts with the Ollama in the environment and prints each vector's start.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}; a trailing {@code /v1} is dropped), {@code LLM_EMBEDDING_MODEL}
     * (default {@code all-minilm}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<float[]> vectors = run(Endpoint.fromEnvironment(), TEXTS);
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            System.out.printf("%s -> %d floats, starting [%.4f, %.4f, %.4f, ...]%n",
                    TEXTS.get(i), v.length, v[0], v[1], v[2]);
        }
    }

    /**
     * Embeds {@code texts} in one request to {@code /api/embed}.
     *
     * @param endpoint its {@link Endpoint#rootUrl()} is Ollama's root; its embedding model is used
     * @param texts    at least one text
     * @return one vector per text, in the order of {@code texts}
     * @throws org.springframework.web.client.RestClientResponseException for an error status, with the
     *         server's body
     */
    public static List<float[]> run(Endpoint endpoint, List<String> texts) {
        OllamaApi ollamaApi = OllamaApi.builder()
                .baseUrl(endpoint.rootUrl())                    // Ollama's root: no /v1
                .build();
        EmbeddingModel embeddingModel = OllamaEmbeddingModel.builder()
                .ollamaApi(ollamaApi)
                .options(OllamaEmbeddingOptions.builder().model(endpoint.embeddingModel()).build())
                .build();

        return embeddingModel.embed(texts);
    }
}
