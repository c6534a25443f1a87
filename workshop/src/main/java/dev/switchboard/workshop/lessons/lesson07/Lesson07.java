package dev.switchboard.workshop.lessons.lesson07;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.EmbeddingResponse;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.error.LlmException;
import dev.switchboard.rawhttp.RawHttpLlmClient;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 7, embeddings and retrieval. The check embeds a few documents and a query with the
 * learner's {@code embed} and looks at the shape (one vector per text, one dimension, not zero);
 * then it embeds the same texts itself and asks the learner's {@code mostSimilar} for the top
 * document, which must be the index the check computes from those same vectors by cosine
 * similarity (so the model's quality never matters, only the arithmetic); and it tries
 * {@code mostSimilar} on small vectors made up so that the largest dot product, the first
 * document, or "best so far starts at 0" give the wrong index.
 */
public final class Lesson07 implements Lesson<EmbeddingRetrieval> {

    /** The documents searched. */
    public static final List<String> DOCUMENTS = List.of(
            "The cat sat on the mat and purred.",
            "Quarterly tax reports are due in April.",
            "Paris is the capital of France.",
            "Espresso is brewed by forcing hot water through coffee.",
            "A kitten sleeps on a warm rug.");
    /** The query. */
    public static final String QUERY = "Where does the cat sleep?";

    /** Made-up cases, each {query, documents..., expected index}: see {@link #checkArithmetic}. */
    private static final List<Case> CASES = List.of(
            new Case("vectors of different lengths (the largest dot product is not the most similar)",
                    new float[] {1, 0, 0}, List.of(new float[] {0, 1, 0}, new float[] {10, 10, 0}, new float[] {0.9f, 0.1f, 0}), 2),
            new Case("every similarity negative (best-so-far must not start at 0)",
                    new float[] {1, 0}, List.of(new float[] {-1, 0}, new float[] {-1, 1}), 1),
            new Case("a tie (the first of equals wins)",
                    new float[] {0, 1}, List.of(new float[] {1, 0}, new float[] {0, 2}, new float[] {0, 3}), 1));

    private record Case(String what, float[] query, List<float[]> documents, int expected) {
    }

    private final Function<Endpoint, LlmClient> clients;

    /** The lesson, sending through a {@link RawHttpLlmClient}. */
    public Lesson07() {
        this(RawHttpLlmClient::new);
    }

    Lesson07(Function<Endpoint, LlmClient> clients) {
        this.clients = clients;
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "Embeddings and retrieval";
    }

    @Override
    public EmbeddingRetrieval starter() {
        return new Retrieval();
    }

    @Override
    public EmbeddingRetrieval solution() {
        return new dev.switchboard.workshop.lessons.lesson07.solution.Retrieval();
    }

    @Override
    public Verdict check(EmbeddingRetrieval work, Endpoint endpoint) {
        Set<String> findings = new LinkedHashSet<>();
        List<String> texts = Stream.concat(DOCUMENTS.stream(), Stream.of(QUERY)).toList();
        boolean passed;
        try (LlmClient client = clients.apply(endpoint)) {
            boolean embedded = checkEmbed(work, client, endpoint.embeddingModel(), texts, findings);
            boolean retrieved = checkRetrieval(work, client, endpoint.embeddingModel(), texts, findings);
            boolean arithmetic = checkArithmetic(work, findings);
            passed = embedded && retrieved && arithmetic;
        }
        return new Verdict(passed, new ArrayList<>(findings));
    }

    private static boolean checkEmbed(EmbeddingRetrieval work, LlmClient client, String model, List<String> texts,
            Set<String> findings) {
        List<float[]> vectors;
        try {
            vectors = work.embed(client, model, texts);
        } catch (RuntimeException e) {
            findings.add(explain(e, model));
            return false;
        }
        if (vectors == null || vectors.size() != texts.size()) {
            findings.add("embed() returned " + (vectors == null ? "null" : vectors.size() + " vectors") + " for "
                    + texts.size() + " texts: return one vector per text, in the texts' order");
            return false;
        }
        int dimension = vectors.get(0) == null ? 0 : vectors.get(0).length;
        for (float[] vector : vectors) {
            if (vector == null || vector.length != dimension || dimension == 0) {
                findings.add("embed() returned vectors of different or zero length: every vector of one model "
                        + "has the same dimension");
                return false;
            }
            if (norm(vector) == 0) {
                findings.add("embed() returned a vector of zeros: read data[i].embedding, the numbers themselves");
                return false;
            }
        }
        findings.add("embed() gave one vector per text (" + texts.size() + "), each of " + dimension + " dimensions");
        return true;
    }

    private static boolean checkRetrieval(EmbeddingRetrieval work, LlmClient client, String model, List<String> texts,
            Set<String> findings) {
        List<float[]> vectors;
        try {
            vectors = client.embed(new EmbeddingRequest(model, texts)).vectors();
        } catch (RuntimeException e) {
            findings.add("the check could not embed the texts itself: " + explain(e, model));
            return false;
        }
        List<float[]> documents = vectors.subList(0, DOCUMENTS.size());
        float[] query = vectors.get(DOCUMENTS.size());
        int expected = 0;
        for (int i = 1; i < documents.size(); i++) {
            if (EmbeddingResponse.cosine(query, documents.get(i)) > EmbeddingResponse.cosine(query, documents.get(expected))) {
                expected = i;
            }
        }
        int got;
        try {
            got = work.mostSimilar(query, documents);
        } catch (RuntimeException e) {
            findings.add(Explain.exception(e));
            return false;
        }
        if (got != expected) {
            findings.add("mostSimilar() picked document " + got + " for \"" + QUERY + "\", but the highest cosine "
                    + "similarity of these vectors is document " + expected + " (" + String.format("%.3f",
                            EmbeddingResponse.cosine(query, documents.get(expected))) + ")");
            return false;
        }
        findings.add("mostSimilar() picked document " + got + " (\"" + DOCUMENTS.get(got) + "\"), the highest cosine "
                + "similarity with the query, as the check computes it from the same vectors");
        return true;
    }

    /** Small made-up vectors where common mistakes give another index than cosine similarity does. */
    static boolean checkArithmetic(EmbeddingRetrieval work, Set<String> findings) {
        for (Case c : CASES) {
            int got;
            try {
                got = work.mostSimilar(c.query(), c.documents());
            } catch (RuntimeException e) {
                findings.add(Explain.exception(e));
                return false;
            }
            if (got != c.expected()) {
                findings.add("mostSimilar() picked document " + got + " instead of " + c.expected() + " with "
                        + c.what() + ": divide the dot product by both lengths, and keep the first best");
                return false;
            }
        }
        findings.add("mostSimilar() is cosine similarity on made-up vectors too: different lengths, negative "
                + "similarities, a tie");
        return true;
    }

    private static String explain(RuntimeException e, String model) {
        String said = Explain.exception(e);
        if (e instanceof LlmException llm && llm.status() == 404) {
            return said + "; on Ollama: ollama pull " + model + ", or set LLM_EMBEDDING_MODEL";
        }
        if (e instanceof LlmException llm && llm.status() == 501) {
            return said + "; this server does not embed (llama-server: start it with --embeddings)";
        }
        return said;
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float x : vector) {
            sum += (double) x * x;
        }
        return sum;
    }
}
