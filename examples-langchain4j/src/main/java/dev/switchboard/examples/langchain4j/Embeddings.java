package dev.switchboard.examples.langchain4j;

import java.time.Duration;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;

/**
 * Embeddings, OpenAI-compatible: LangChain4j's {@link OpenAiEmbeddingModel} against
 * {@code POST {baseUrl}/embeddings}. {@code embedAll} sends the texts in one request and returns one
 * vector per text, in input order; the vector's length is the model's.
 */
public final class Embeddings {

    private Embeddings() {
    }

    /** Prints the vectors' lengths. Environment: LLM_BASE_URL, LLM_API_KEY, LLM_EMBEDDING_MODEL; blank is unset. */
    public static void main(String[] args) {
        List<float[]> vectors = run(env("LLM_BASE_URL", "http://localhost:11434/v1"),
                env("LLM_API_KEY", "no-key-required"), env("LLM_EMBEDDING_MODEL", "all-minilm"),
                List.of("The cat sat on the mat.", "Quarterly taxes are due in April."));
        vectors.forEach(vector -> System.out.println(vector.length + " numbers"));
    }

    /**
     * Embeds {@code texts} (none blank: LangChain4j refuses those with IllegalArgumentException) in one
     * call and returns one vector per text, in input order.
     *
     * @throws dev.langchain4j.exception.LangChain4jException on failure, e.g. its
     *         {@code ModelNotFoundException} for an unknown model
     */
    public static List<float[]> run(String baseUrl, String apiKey, String model, List<String> texts) {
        EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(model)
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
