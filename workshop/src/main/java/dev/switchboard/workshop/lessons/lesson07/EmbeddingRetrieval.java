package dev.switchboard.workshop.lessons.lesson07;

import java.util.List;

import dev.switchboard.core.LlmClient;

/**
 * Lesson 7's work: embedding texts and finding the document closest to a query. The starter
 * {@link Retrieval} and the solution implement it.
 */
public interface EmbeddingRetrieval {

    /**
     * Embeds {@code texts} in one request ({@code POST /v1/embeddings}).
     *
     * @param client where to send it
     * @param model  the embedding model
     * @param texts  one or more texts
     * @return one vector per text, in the order of {@code texts}
     */
    List<float[]> embed(LlmClient client, String model, List<String> texts);

    /**
     * Top-1 retrieval: the document whose vector has the highest cosine similarity with the query's.
     *
     * @param query     the query's vector
     * @param documents the documents' vectors, of the query's length; at least one
     * @return the index in {@code documents} of the most similar one (the first on a tie)
     */
    int mostSimilar(float[] query, List<float[]> documents);
}
