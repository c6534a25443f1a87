package dev.switchboard.examples.springai;

import java.util.List;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.ollama.OllamaEmbeddingModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaEmbeddingOptions;

/**
 * Ollama's native API, embeddings: the same {@link EmbeddingModel} call as {@link Embeddings} over
 * Spring AI's {@link OllamaEmbeddingModel}. One {@code POST {rootUrl}/api/embed} with all texts;
 * Ollama answers {@code embeddings}, one L2-normalised vector per text, in order. The URL is
 * Ollama's root, <em>without</em> {@code /v1}.
 */
public final class OllamaEmbeddings {

    /** Embeds three texts and prints each vector's length; configured by the {@code LLM_*} environment variables. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        String model = env("LLM_EMBEDDING_MODEL", "all-minilm");
        List<String> texts = List.of("The cat sat on the mat.", "A cat was sitting on a mat.",
                "Stock prices fell today.");
        List<float[]> vectors = run(rootUrl, model, texts);
        for (int i = 0; i < vectors.size(); i++) {
            System.out.println(texts.get(i) + " -> " + vectors.get(i).length + " floats");
        }
    }

    /**
     * Embeds {@code texts} in one request to {@code /api/embed}.
     *
     * @param rootUrl Ollama's root URL, e.g. {@code http://localhost:11434}
     * @param model   the embedding model, e.g. {@code all-minilm}
     * @param texts   at least one text
     * @return one vector per text, in the order of {@code texts}
     * @throws org.springframework.ai.retry.NonTransientAiException for a 4xx status (e.g. a model that
     *         is not pulled), with the server's body
     */
    public static List<float[]> run(String rootUrl, String model, List<String> texts) {
        EmbeddingModel embeddingModel = OllamaEmbeddingModel.builder()
                .ollamaApi(OllamaApi.builder().baseUrl(rootUrl).build())     // Ollama's root: no /v1
                .options(OllamaEmbeddingOptions.builder().model(model).build())
                .build();
        return embeddingModel.embed(texts);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
