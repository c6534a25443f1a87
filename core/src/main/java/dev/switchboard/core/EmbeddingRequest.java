package dev.switchboard.core;

import java.util.List;

/**
 * An embeddings request: the body of {@code POST /v1/embeddings} or Ollama's
 * {@code POST /api/embed}.
 *
 * @param model the embedding model; null means the {@link Endpoint#embeddingModel()} of the client
 * @param input the texts to embed, in order; at least one, none null (llama-server answers an empty
 *              input with 400, see {@code llama-server-transcripts/32-embeddings-empty.txt})
 */
public record EmbeddingRequest(String model, List<String> input) {

    /**
     * Copies {@code input}.
     *
     * @throws IllegalArgumentException if {@code input} is null or empty
     * @throws NullPointerException     if an input text is null
     */
    public EmbeddingRequest {
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("input is required and must not be empty");
        }
        input = List.copyOf(input);
    }

    /** Returns a request for {@code texts} on the client's default embedding model. */
    public static EmbeddingRequest of(String... texts) {
        return new EmbeddingRequest(null, List.of(texts));
    }

    /** Returns a copy with {@code model} set. */
    public EmbeddingRequest withModel(String model) {
        return new EmbeddingRequest(model, input);
    }

    /**
     * Returns this request if it names a model, else a copy with {@code defaultModel}: how a
     * client fills in its endpoint's {@link Endpoint#embeddingModel()}.
     */
    public EmbeddingRequest withDefaultModel(String defaultModel) {
        return model != null ? this : withModel(defaultModel);
    }
}
