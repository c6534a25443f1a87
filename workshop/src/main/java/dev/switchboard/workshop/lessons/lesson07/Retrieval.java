package dev.switchboard.workshop.lessons.lesson07;

import java.util.List;

import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.workshop.lessons.Gap;

/**
 * Lesson 7, your file: embeddings and a top-1 retrieval by cosine similarity (it mirrors
 * {@code examples-raw-http/src/main/java/dev/switchboard/examples/rawhttp/Embeddings.java} and
 * {@code examples-langchain4j/src/main/java/dev/switchboard/examples/langchain4j/Retrieval.java}).
 * Replace each {@code throw new Gap(...)} with code, then run
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=7}.
 * See {@code workshop/lessons/07-embeddings-and-retrieval.md}.
 */
public final class Retrieval implements EmbeddingRetrieval {

    @Override
    public List<float[]> embed(LlmClient client, String model, List<String> texts) {
        // One request for all the texts: client.embed(new EmbeddingRequest(model, texts)).vectors()
        // (on the wire: {"model":..., "input":[...]} -> data[i].embedding, one per text, by index)
        throw new Gap("in embed(): send every text in one EmbeddingRequest and return its vectors, one per text");
    }

    @Override
    public int mostSimilar(float[] query, List<float[]> documents) {
        // For each document, cosine(query, document); return the index of the highest (the first on a tie).
        throw new Gap("in mostSimilar(): return the index of the document with the highest cosine(query, document)");
    }

    /** Cosine similarity: dot(a, b) / (|a| * |b|), from -1 to 1; a zero vector gives 0. */
    static double cosine(float[] a, float[] b) {
        // Sum a[i] * b[i], a[i] * a[i] and b[i] * b[i] in one pass, then divide (use double, not float).
        throw new Gap("in cosine(): dot(a, b) / (length(a) * length(b))");
    }
}
