package dev.switchboard.examples.langchain4j;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 5, embeddings, OpenAI-compatible flavour: LangChain4j's {@link OpenAiEmbeddingModel}
 * against {@code POST {baseUrl}/embeddings}.
 *
 * <p>{@code embedAll} sends the texts in one request (LangChain4j splits batches above 2,048) and
 * returns one vector per text, in input order; the vector length is the model's. {@link OllamaEmbeddings}
 * is the same through Ollama's native {@code /api/embed}.
 */
public final class Embeddings {

    private Embeddings() {
    }

    /**
     * Embeds three sentences and prints the vectors' length and the cosine of the first with the
     * others. Environment: {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_EMBEDDING_MODEL}
     * (default {@code all-minilm}).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<float[]> vectors = run(Endpoint.fromEnvironment(), List.of(
                "The cat sat on the mat.", "A cat was sitting on a mat.", "Quarterly taxes are due in April."));
        System.out.println(vectors.size() + " vectors of " + vectors.get(0).length + " numbers");
        System.out.println("cat~cat: " + cosine(vectors.get(0), vectors.get(1)));
        System.out.println("cat~tax: " + cosine(vectors.get(0), vectors.get(2)));
    }

    /**
     * Embeds {@code texts} in one call.
     *
     * @param endpoint base URL with {@code /v1}, key, embedding model, read timeout
     * @param texts    the texts, not blank (LangChain4j refuses blank segments)
     * @return one vector per text, in input order
     * @throws dev.langchain4j.exception.LangChain4jException subclasses on failure, e.g.
     *         {@code ModelNotFoundException} for an unknown model
     */
    public static List<float[]> run(Endpoint endpoint, List<String> texts) {
        EmbeddingModel model = OpenAiEmbeddingModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKeyOrPlaceholder())
                .modelName(endpoint.embeddingModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /** The cosine similarity of two vectors of one length, from -1 to 1. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
