package dev.switchboard.workshop.lessons.lesson07.solution;

import java.util.List;

import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.workshop.lessons.lesson07.EmbeddingRetrieval;

/**
 * Lesson 7, the reference solution: embeddings in one request and a top-1 retrieval by cosine
 * similarity (it mirrors {@code examples-raw-http/.../Embeddings.java} and
 * {@code examples-langchain4j/.../Retrieval.java}).
 */
public final class Retrieval implements EmbeddingRetrieval {

    @Override
    public List<float[]> embed(LlmClient client, String model, List<String> texts) {
        return client.embed(new EmbeddingRequest(model, texts)).vectors();
    }

    @Override
    public int mostSimilar(float[] query, List<float[]> documents) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < documents.size(); i++) {
            double score = cosine(query, documents.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** Cosine similarity: dot(a, b) / (|a| * |b|), from -1 to 1; a zero vector gives 0. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt(aa * bb);
    }
}
