package dev.switchboard.examples.langchain4j;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.switchboard.core.Endpoint;

/**
 * Scenario 5, embeddings, Ollama-native flavour: LangChain4j's {@link OllamaEmbeddingModel} against
 * {@code POST {rootUrl}/api/embed}.
 *
 * <p>One request for all texts; Ollama answers {@code embeddings}, one L2-normalised vector per input,
 * in input order ({@code shared/reference/ollama-wire.md} 9).
 */
public final class OllamaEmbeddings {

    private OllamaEmbeddings() {
    }

    /**
     * Embeds three sentences and prints the vectors' length and the cosine of the first with the
     * others. Environment: {@code LLM_BASE_URL} (its root is used), {@code LLM_EMBEDDING_MODEL}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        List<float[]> vectors = run(Endpoint.fromEnvironment(), List.of(
                "The cat sat on the mat.", "A cat was sitting on a mat.", "Quarterly taxes are due in April."));
        System.out.println(vectors.size() + " vectors of " + vectors.get(0).length + " numbers");
        System.out.println("cat~cat: " + Embeddings.cosine(vectors.get(0), vectors.get(1)));
        System.out.println("cat~tax: " + Embeddings.cosine(vectors.get(0), vectors.get(2)));
    }

    /**
     * Embeds {@code texts} in one call.
     *
     * @param endpoint its {@code rootUrl()}, embedding model, read timeout
     * @param texts    the texts, not blank
     * @return one vector per text, in input order
     * @throws dev.langchain4j.exception.LangChain4jException subclasses on failure
     */
    public static List<float[]> run(Endpoint endpoint, List<String> texts) {
        EmbeddingModel model = OllamaEmbeddingModel.builder()
                .baseUrl(endpoint.rootUrl())
                .modelName(endpoint.embeddingModel())
                .timeout(endpoint.readTimeout())
                .maxRetries(0)
                .build();
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
