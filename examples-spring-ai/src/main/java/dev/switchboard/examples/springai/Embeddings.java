package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.List;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

import dev.switchboard.core.Endpoint;

/**
 * Scenario 5, embeddings: one vector per text, through Spring AI's {@link EmbeddingModel}.
 *
 * <p>{@code embeddingModel.embed(texts)} sends one {@code POST {baseUrl}/embeddings} with all the
 * texts as {@code input} and returns the vectors in input order. Their length is the model's
 * (384 for {@code all-minilm}, 768 for {@code nomic-embed-text}); nothing here asks for it.
 *
 * <p>Run {@link #main} against a local Ollama, or set {@code LLM_BASE_URL}; the module README shows
 * the command.
 */
public final class Embeddings {

    /** The texts embedded by {@link #main}. */
    static final List<String> TEXTS = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
            "Stock prices fell today.");

    private Embeddings() {
    }

    /**
     * Embeds three texts with the endpoint in the environment and prints each vector's start.
     * Environment ({@link Endpoint#fromEnvironment()}): {@code LLM_BASE_URL} (default
     * {@code http://localhost:11434/v1}), {@code LLM_API_KEY}, {@code LLM_EMBEDDING_MODEL}
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
     * Embeds {@code texts} in one request.
     *
     * @param endpoint the base URL (with {@code /v1}), key and embedding model
     * @param texts    at least one text
     * @return one vector per text, in the order of {@code texts}
     * @throws com.openai.errors.OpenAIServiceException for an error status, e.g. {@code NotFoundException}
     *         for an unknown model, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static List<float[]> run(Endpoint endpoint, List<String> texts) {
        EmbeddingModel embeddingModel = OpenAiEmbeddingModel.builder()
                .options(OpenAiEmbeddingOptions.builder()
                        .baseUrl(endpoint.baseUrl())            // used as given: include /v1
                        .apiKey(endpoint.apiKeyOrPlaceholder())
                        .model(endpoint.embeddingModel())
                        .timeout(Duration.ofMinutes(5))
                        .maxRetries(0)
                        .build())
                .build();

        return embeddingModel.embed(texts);
    }
}
