package dev.switchboard.server.internal;

import java.util.Locale;

/**
 * The scripted engine's embeddings: signed feature hashing of character trigrams of the lower-cased
 * words, each word padded with a space on both sides, L2-normalised. Texts sharing words share
 * trigrams and so score a higher cosine than unrelated texts. Deterministic; no model.
 */
public final class TrigramEmbedder {

    private TrigramEmbedder() {
    }

    /**
     * Embeds {@code text} into a unit vector of {@code dimension} floats. A text without letters or
     * digits gets a fixed unit vector (every component {@code 1/sqrt(dimension)}), never zeros.
     */
    public static float[] embed(String text, int dimension) {
        double[] sums = new double[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int[] cps = (" " + word + " ").codePoints().toArray();
            for (int i = 0; i + 3 <= cps.length; i++) {
                long h = fnv1a(cps, i, 3);
                int index = (int) Long.remainderUnsigned(h, dimension);
                sums[index] += ((h >>> 63) == 0) ? 1 : -1;
            }
        }
        double norm = 0;
        for (double s : sums) {
            norm += s * s;
        }
        float[] out = new float[dimension];
        if (norm == 0) {
            java.util.Arrays.fill(out, (float) (1 / Math.sqrt(dimension)));
            return out;
        }
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < dimension; i++) {
            out[i] = (float) (sums[i] * scale);
        }
        return out;
    }

    private static long fnv1a(int[] cps, int from, int count) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + count; i++) {
            int cp = cps[i];
            for (int shift = 0; shift < 32; shift += 8) {
                h ^= (cp >>> shift) & 0xFF;
                h *= 0x100000001b3L;
            }
        }
        return h;
    }
}
