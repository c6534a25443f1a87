package dev.switchboard.examples.springai;

import java.time.Duration;
import java.util.List;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;

/**
 * Scenario 5, embeddings: {@code embeddingModel.embed(texts)} sends one {@code POST {baseUrl}/embeddings}
 * with all the texts as {@code input} and returns one vector per text, in input order. Their length
 * is the model's (384 for {@code all-minilm}).
 */
public final class Embeddings {

    /** Embeds three texts and prints each vector's length; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String baseUrl = env("LLM_BASE_URL", "http://localhost:11434/v1");
        String apiKey = env("LLM_API_KEY", "no-key-required");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<String> texts = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
                "Stock prices fell today.");
        List<float[]> vectors = run(baseUrl, apiKey, model, texts);
        for (int i = 0; i < vectors.size(); i++) {
            System.out.println(texts.get(i) + " -> " + vectors.get(i).length + " floats");
        }
    }

    /**
     * Embeds {@code texts} in one request.
     *
     * @param baseUrl an OpenAI-compatible base URL, used as given, so ending in {@code /v1}
     * @param apiKey  sent as a bearer token; local servers ignore it, but the SDK requires one
     * @param model   the embedding model, e.g. {@code all-minilm}
     * @param texts   at least one text
     * @return one vector per text, in the order of {@code texts}
     * @throws com.openai.errors.OpenAIServiceException for an error status, e.g. {@code NotFoundException}
     *         for an unknown model, with the server's message
     * @throws com.openai.errors.OpenAIIoException       if the server cannot be reached
     */
    public static List<float[]> run(String baseUrl, String apiKey, String model, List<String> texts) {
        EmbeddingModel embeddingModel = OpenAiEmbeddingModel.builder()
                .options(OpenAiEmbeddingOptions.builder()
                        .baseUrl(baseUrl)                       // used as given: include /v1
                        .apiKey(apiKey)
                        .model(model)
                        .timeout(Duration.ofMinutes(5))
                        .maxRetries(0)
                        .build())
                .build();
        return embeddingModel.embed(texts);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
