package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;

/**
 * Embeddings, Ollama-native: LangChain4j's {@link OllamaEmbeddingModel} against
 * {@code POST {rootUrl}/api/embed}, one request for all texts; Ollama answers {@code embeddings}, one
 * L2-normalised vector per input, in input order.
 */
public final class OllamaEmbeddings {

    private OllamaEmbeddings() {
    }

    /** Prints the vectors' lengths. Environment: LLM_BASE_URL (its root), LLM_EMBEDDING_MODEL; blank is unset. */
    public static void main(String[] args) {
        String rootUrl = env("LLM_BASE_URL", "http://localhost:11434/v1").replaceFirst("/v1/?$", "");
        List<float[]> vectors = run(rootUrl, env("LLM_EMBEDDING_MODEL", "all-minilm"),
                List.of("The cat sat on the mat.", "Quarterly taxes are due in April."));
        vectors.forEach(vector -> System.out.println(vector.length + " numbers"));
    }

    /**
     * Embeds {@code texts} (none blank: LangChain4j refuses those with IllegalArgumentException) in one
     * call and returns one vector per text, in input order.
     *
     * @throws dev.langchain4j.exception.LangChain4jException on failure
     */
    public static List<float[]> run(String rootUrl, String model, List<String> texts) {
        EmbeddingModel embeddings = OllamaEmbeddingModel.builder()
                .baseUrl(rootUrl).modelName(model)
                .timeout(Duration.ofSeconds(120)).maxRetries(0)
                .build();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return embeddings.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
