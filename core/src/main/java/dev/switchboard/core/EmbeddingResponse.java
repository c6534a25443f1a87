package dev.switchboard.core;

import java.util.List;

/**
 * The vectors for an {@link EmbeddingRequest}.
 *
 * <p>{@code vectors().get(i)} embeds {@code input.get(i)}: the wire layer orders
 * {@code data[]} by its {@code index} field. The vector length is the model's: nothing here asks the
 * server, and {@link #dimension()} only reads the first vector.
 *
 * @param model   the model that answered, as the server named it; may be null
 * @param vectors one vector per input text, in input order; the arrays must not be modified
 * @param usage   token counts where the server sent them ({@code prompt_tokens}), else null
 */
public record EmbeddingResponse(String model, List<float[]> vectors, Usage usage) {

    /** Copies the list (not the arrays). */
    public EmbeddingResponse {
        vectors = List.copyOf(vectors);
    }

    /** The length of the vectors, read off the first one; 0 when there are none. No I/O. */
    public int dimension() {
        return vectors.isEmpty() ? 0 : vectors.get(0).length;
    }

    /**
     * The cosine similarity of two vectors, from -1 to 1.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
