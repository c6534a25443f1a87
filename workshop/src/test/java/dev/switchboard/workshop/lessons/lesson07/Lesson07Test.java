package dev.switchboard.workshop.lessons.lesson07;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.LessonContract;
import dev.switchboard.workshop.lessons.Verdict;

class Lesson07Test extends LessonContract<EmbeddingRetrieval> {

    private final EmbeddingRetrieval solution = new dev.switchboard.workshop.lessons.lesson07.solution.Retrieval();

    @Override
    protected Lesson<EmbeddingRetrieval> lesson() {
        return new Lesson07();
    }

    @Test
    void theStarterSaysEmbedAndMostSimilarAreNotDone(Endpoint endpoint) {
        Verdict verdict = lesson().check(lesson().starter(), endpoint);

        assertThat(verdict.findings()).anyMatch(f -> f.startsWith("not done yet: in embed()"))
                .anyMatch(f -> f.startsWith("not done yet: in mostSimilar()"));
    }

    @Test
    void embeddingFilledInButNotRetrievalStillFails(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Work(solution) {
            @Override
            public int mostSimilar(float[] query, List<float[]> documents) {
                return new Retrieval().mostSimilar(query, documents);
            }
        }, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).anyMatch(f -> f.startsWith("embed() gave one vector per text (6)"))
                .anyMatch(f -> f.startsWith("not done yet: in mostSimilar()"));
    }

    @Test
    void oneVectorForAllTextsFails(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Work(solution) {
            @Override
            public List<float[]> embed(LlmClient client, String model, List<String> texts) {
                return solution.embed(client, model, List.of(String.join(" ", texts)));
            }
        }, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).anyMatch(f -> f.contains("returned 1 vectors for 6 texts"));
    }

    @Test
    void theLargestDotProductIsNotCosine(Endpoint endpoint) {
        Verdict verdict = lesson().check(new Work(solution) {
            @Override
            public int mostSimilar(float[] query, List<float[]> documents) {
                int best = 0;
                double bestDot = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < documents.size(); i++) {
                    double dot = 0;
                    for (int k = 0; k < query.length; k++) {
                        dot += query[k] * documents.get(i)[k];
                    }
                    if (dot > bestDot) {
                        best = i;
                        bestDot = dot;
                    }
                }
                return best;
            }
        }, endpoint);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).anyMatch(f -> f.contains("with vectors of different lengths"));
    }

    @Test
    void bestSoFarStartingAtZeroFails() {
        java.util.Set<String> findings = new java.util.LinkedHashSet<>();
        boolean passed = Lesson07.checkArithmetic(new Work(solution) {
            @Override
            public int mostSimilar(float[] query, List<float[]> documents) {
                int best = 0;
                double bestScore = 0;
                for (int i = 0; i < documents.size(); i++) {
                    double score = dev.switchboard.core.EmbeddingResponse.cosine(query, documents.get(i));
                    if (score > bestScore) {
                        best = i;
                        bestScore = score;
                    }
                }
                return best;
            }
        }, findings);

        assertThat(passed).isFalse();
        assertThat(findings).anyMatch(f -> f.contains("every similarity negative"));
    }

    @Test
    void anUnknownEmbeddingModelSaysWhatToPull(Endpoint endpoint) {
        Verdict verdict = lesson().check(solution, endpoint.toBuilder().embeddingModel("all-minilm").build());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings()).anyMatch(f -> f.contains("404") && f.contains("ollama pull all-minilm"));
    }

    /** A work that defers to another, to override one method. */
    private static class Work implements EmbeddingRetrieval {
        private final EmbeddingRetrieval inner;

        Work(EmbeddingRetrieval inner) {
            this.inner = inner;
        }

        @Override
        public List<float[]> embed(LlmClient client, String model, List<String> texts) {
            return inner.embed(client, model, texts);
        }

        @Override
        public int mostSimilar(float[] query, List<float[]> documents) {
            return inner.mostSimilar(query, documents);
        }
    }
}
