package dev.switchboard.workshop.lessons.lesson09;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.core.Capability;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.workshop.lessons.Explain;
import dev.switchboard.workshop.lessons.Lesson;
import dev.switchboard.workshop.lessons.Verdict;

/**
 * Lesson 9, one {@code LlmClient}, provider by configuration: the learner completes
 * {@link OneClient}. The check hands it an environment describing the resolved endpoint
 * ({@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}, {@code LLM_EMBEDDING_MODEL}) and
 * runs it with two styles, {@value #FIRST} and {@value #SECOND}. For each it wants: the endpoint
 * built from those variables; a client; a non-blank answer; a stream of more than one delta that
 * joins to non-blank text; one vector per text, all of one dimension (when the endpoint embeds).
 * It passes when both styles show the same facts (the same embedding dimension, too).
 */
public final class Lesson09 implements Lesson<ProviderByConfiguration> {

    /** The first style the check runs. */
    static final String FIRST = "raw-http";
    /** The second style the check runs. */
    static final String SECOND = "openai-java";

    static final String QUESTION = "Why is the sky blue? Answer in one sentence.";
    static final List<String> TEXTS = List.of("The cat sat on the mat.", "A kitten sat on a rug.",
            "Quarterly revenue rose by four percent.");

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String title() {
        return "One LlmClient, provider by configuration";
    }

    @Override
    public ProviderByConfiguration starter() {
        return new OneClient();
    }

    @Override
    public ProviderByConfiguration solution() {
        return new dev.switchboard.workshop.lessons.lesson09.solution.OneClient();
    }

    /** What one style showed; {@code problem} is null when it showed everything. */
    private record Facts(String style, String problem, String summary, int dimension) {
    }

    @Override
    public Verdict check(ProviderByConfiguration work, Endpoint endpoint) {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_BASE_URL", endpoint.baseUrl());
        if (endpoint.apiKey() != null) {
            env.put("LLM_API_KEY", endpoint.apiKey());
        }
        if (endpoint.chatModel() != null) {
            env.put("LLM_MODEL", endpoint.chatModel());
        }
        if (endpoint.embeddingModel() != null) {
            env.put("LLM_EMBEDDING_MODEL", endpoint.embeddingModel());
        }
        List<Facts> all = new ArrayList<>();
        for (String style : List.of(FIRST, SECOND)) {
            Facts facts = run(work, style, Map.copyOf(env), endpoint);
            all.add(facts);
            if (facts.problem() != null && facts.problem().startsWith("not done yet")) {
                return Verdict.failed(facts.problem());
            }
        }
        List<String> findings = new ArrayList<>();
        boolean passed = true;
        for (Facts facts : all) {
            if (facts.problem() != null) {
                passed = false;
                findings.add(facts.style() + ": " + facts.problem());
            } else {
                findings.add(facts.style() + ": " + facts.summary());
            }
        }
        if (passed && all.get(0).dimension() != all.get(1).dimension()) {
            passed = false;
            findings.add("the two styles gave vectors of different dimensions (" + all.get(0).dimension() + " and "
                    + all.get(1).dimension() + "): both must embed with the endpoint's LLM_EMBEDDING_MODEL");
        }
        if (passed) {
            findings.add("the same code gave the same protocol facts through " + FIRST + " and " + SECOND
                    + ": the provider is configuration");
        }
        return new Verdict(passed, findings);
    }

    private static Facts run(ProviderByConfiguration work, String style, Map<String, String> env, Endpoint expected) {
        Endpoint built;
        try {
            built = work.endpoint(env);
        } catch (RuntimeException e) {
            return new Facts(style, Explain.exception(e), null, -1);
        }
        if (built == null || !built.baseUrl().equals(expected.baseUrl())
                || !Objects.equals(built.chatModel(), expected.chatModel())
                || !Objects.equals(built.embeddingModel(), expected.embeddingModel())) {
            return new Facts(style, "endpoint(env) gave " + built + ", not the base URL and models of LLM_BASE_URL,"
                    + " LLM_MODEL and LLM_EMBEDDING_MODEL (" + Endpoint.redactUrl(expected.baseUrl()) + ", " + expected.chatModel()
                    + ", " + expected.embeddingModel() + "): read them from env, not from constants", null, -1);
        }
        // The check's own timeouts, so a slow local model is given the time the resolution chose.
        Endpoint endpoint = built.toBuilder().connectTimeout(expected.connectTimeout())
                .readTimeout(expected.readTimeout()).maxRetries(expected.maxRetries()).build();
        LlmClient client;
        try {
            client = work.client(style, endpoint);
        } catch (RuntimeException e) {
            return new Facts(style, Explain.exception(e), null, -1);
        }
        if (client == null) {
            return new Facts(style, "client(style, endpoint) returned null", null, -1);
        }
        try (client) {
            String answer = work.ask(client, QUESTION);
            if (answer == null || answer.isBlank()) {
                return new Facts(style, "ask() returned no text: return the response's text()", null, -1);
            }
            List<String> deltas = work.stream(client, QUESTION);
            if (deltas == null || deltas.size() < 2 || String.join("", deltas).isBlank()) {
                return new Facts(style, "stream() returned " + (deltas == null ? "null" : deltas.size() + " delta(s)")
                        + ": keep the text of every ChatEvent.TextDelta, in order", null, -1);
            }
            String summary = "an answer of " + answer.length() + " characters, " + deltas.size() + " deltas";
            if (!client.capabilities().supports(Capability.EMBEDDINGS)) {
                return new Facts(style, null, summary + "; embeddings not checked: "
                        + client.capabilities().reasonUnsupported(Capability.EMBEDDINGS), 0);
            }
            List<float[]> vectors = work.embed(client, TEXTS);
            if (vectors == null || vectors.size() != TEXTS.size()) {
                return new Facts(style, "embed() returned " + (vectors == null ? "null" : vectors.size() + " vectors")
                        + " for " + TEXTS.size() + " texts: one vector per text, in order", null, -1);
            }
            int dimension = vectors.get(0).length;
            if (dimension == 0 || vectors.stream().anyMatch(v -> v.length != dimension)) {
                return new Facts(style, "embed() returned vectors of different or zero length", null, -1);
            }
            return new Facts(style, null, summary + ", " + vectors.size() + " vectors of " + dimension + " dimensions",
                    dimension);
        } catch (Exception e) {
            return new Facts(style, Explain.exception(e), null, -1);
        }
    }
}
