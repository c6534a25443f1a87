package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import dev.switchboard.core.EmbeddingResponse;

/**
 * What makes a cell pass: protocol facts that hold for any model, not the wording of an answer.
 */
final class Checks {

    private Checks() {
    }

    static Outcome nonStreaming(String answer) {
        return Outcome.check(answer != null && !answer.isBlank(), words(answer) + " words");
    }

    static Outcome streaming(String answer, int deltas) {
        if (answer == null || answer.isBlank()) {
            return Outcome.failed("empty answer");
        }
        return Outcome.check(deltas > 1, deltas + " deltas" + (deltas > 1 ? "" : ": the answer did not stream"));
    }

    static Outcome multiTurn(List<String> replies) {
        if (replies.size() != 2 || replies.get(1) == null || replies.get(1).isBlank()) {
            return Outcome.failed("expected two replies, got " + replies);
        }
        boolean recalled = replies.get(1).toLowerCase(Locale.ROOT).contains("alice");
        return Outcome.passed(recalled ? "recalled the name" : "answered, but without the name");
    }

    static Outcome agentLoop(String answer, int toolCalls) {
        if (toolCalls == 0) {
            return Outcome.failed("the model answered without calling get_weather");
        }
        return Outcome.check(answer != null && !answer.isBlank(), toolCalls + " tool call(s), then an answer");
    }

    static Outcome embeddings(List<float[]> vectors, PrintStream out) {
        if (vectors.size() != Prompts.TEXTS.size()) {
            return Outcome.failed(vectors.size() + " vectors for " + Prompts.TEXTS.size() + " texts");
        }
        int dimension = vectors.get(0).length;
        for (float[] vector : vectors) {
            if (vector.length != dimension || dimension == 0) {
                return Outcome.failed("vectors of different or zero length");
            }
        }
        double related = EmbeddingResponse.cosine(vectors.get(0), vectors.get(1));
        double unrelated = EmbeddingResponse.cosine(vectors.get(0), vectors.get(2));
        out.printf("cosine(cat, cat) = %.3f   cosine(cat, tax) = %.3f%n", related, unrelated);
        return Outcome.passed(dimension + " dims" + (related > unrelated ? ", related texts closer" : ""));
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
