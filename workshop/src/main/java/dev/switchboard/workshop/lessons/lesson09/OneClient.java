package dev.switchboard.workshop.lessons.lesson09;

import java.util.List;
import java.util.Map;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.workshop.lessons.Gap;

/**
 * LESSON 9 — YOUR FILE. One {@link LlmClient}, the provider chosen by configuration: nothing here
 * may name OpenAI, Ollama, LangChain4j or Spring. Replace each {@code throw new Gap(...)}; then run
 * {@code ./mvnw -q -B -pl workshop -am -DskipTests package exec:java -Dlesson=9}.
 * The lesson: workshop/lessons/09-one-llmclient.md.
 */
public final class OneClient implements ProviderByConfiguration {

    @Override
    public Endpoint endpoint(Map<String, String> env) {
        // TODO 1: one call in dev.switchboard.core.Endpoint reads exactly these variables
        throw new Gap("build the Endpoint from the environment in endpoint(env)");
    }

    @Override
    public LlmClient client(String style, Endpoint endpoint) {
        // TODO 2: dev.switchboard.core.LlmClients finds a style by name (ServiceLoader)
        throw new Gap("create the client of the named style in client(style, endpoint)");
    }

    @Override
    public String ask(LlmClient client, String question) {
        // TODO 3: ChatRequest.builder().user(question).build(), client.chat(...), .text()
        throw new Gap("ask one question in ask(client, question) and return the answer's text");
    }

    @Override
    public List<String> stream(LlmClient client, String question) {
        // TODO 4: try (ChatStream stream = client.stream(...)) { for (ChatEvent event : stream) ... }
        //         keep the text of each ChatEvent.TextDelta; close the stream (try-with-resources)
        throw new Gap("stream one question in stream(client, question) and return each TextDelta's text");
    }

    @Override
    public List<float[]> embed(LlmClient client, List<String> texts) {
        // TODO 5: client.embed(new EmbeddingRequest(null, texts)).vectors() — null: the endpoint's embedding model
        throw new Gap("embed the texts in embed(client, texts) and return the vectors");
    }
}
