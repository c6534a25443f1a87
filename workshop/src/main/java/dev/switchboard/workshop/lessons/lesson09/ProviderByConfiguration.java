package dev.switchboard.workshop.lessons.lesson09;

import java.util.List;
import java.util.Map;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;

/**
 * What lesson 9's learner writes: code that names no provider. The endpoint comes from the
 * environment, the client style from a name, and asking, streaming and embedding go through
 * {@link LlmClient} only. {@link OneClient} is the starter, {@code solution.OneClient} the reference.
 */
public interface ProviderByConfiguration {

    /** The endpoint from {@code LLM_BASE_URL}, {@code LLM_API_KEY}, {@code LLM_MODEL}, {@code LLM_EMBEDDING_MODEL}. */
    Endpoint endpoint(Map<String, String> env);

    /** A client of the style named {@code style} (e.g. {@code raw-http}, {@code openai-java}) for {@code endpoint}. */
    LlmClient client(String style, Endpoint endpoint);

    /** One question, one answer: the answer's text. */
    String ask(LlmClient client, String question);

    /** One question, streamed: each text delta, in order. */
    List<String> stream(LlmClient client, String question);

    /** One vector per text, in order. */
    List<float[]> embed(LlmClient client, List<String> texts);
}
