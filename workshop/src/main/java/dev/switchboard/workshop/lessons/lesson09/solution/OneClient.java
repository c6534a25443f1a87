package dev.switchboard.workshop.lessons.lesson09.solution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.workshop.lessons.lesson09.ProviderByConfiguration;

/**
 * Lesson 9's reference solution. It mirrors the workshop's {@code LlmClientTour}: the same code for
 * every style, the style a name.
 */
public final class OneClient implements ProviderByConfiguration {

    @Override
    public Endpoint endpoint(Map<String, String> env) {
        return Endpoint.fromEnvironment(env);
    }

    @Override
    public LlmClient client(String style, Endpoint endpoint) {
        return LlmClients.create(style, endpoint);
    }

    @Override
    public String ask(LlmClient client, String question) {
        return client.chat(ChatRequest.builder().user(question).build()).text();
    }

    @Override
    public List<String> stream(LlmClient client, String question) {
        List<String> deltas = new ArrayList<>();
        try (ChatStream stream = client.stream(ChatRequest.builder().user(question).build())) {
            for (ChatEvent event : stream) {
                if (event instanceof ChatEvent.TextDelta delta) {
                    deltas.add(delta.text());
                }
            }
        }
        return deltas;
    }

    @Override
    public List<float[]> embed(LlmClient client, List<String> texts) {
        return client.embed(new EmbeddingRequest(null, texts)).vectors();
    }
}
