package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.core.Capability;
import dev.switchboard.core.ChatEvent;
import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ChatRequest;
import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ChatStream;
import dev.switchboard.core.EmbeddingRequest;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;

/**
 * The scenarios through one style's {@link LlmClient} adapter, found by name: the provider-agnostic
 * way, identical for every style. The agent loop is the examples-agent runtime on that client
 * ({@link AgentLoopCell}).
 */
public final class LlmClientTour implements StyleTour {

    private final String style;

    /** A tour of the style named {@code style} (see {@link LlmClients#availableStyles()}). */
    public LlmClientTour(String style) {
        this.style = style;
    }

    @Override
    public String name() {
        return "LlmClient " + style;
    }

    /**
     * {@inheritDoc} A style that speaks Ollama's native {@code /api} (named {@code ...-ollama}, e.g.
     * {@code raw-http-ollama}) is n/a on an endpoint without it, for the reason the examples' rows give.
     */
    @Override
    public Outcome run(Scenario scenario, TourEndpoint target, PrintStream out) {
        if (style.endsWith("-ollama") && target.ollamaMissing().isPresent()) {
            return Outcome.notSupported(target.ollamaMissing().get());
        }
        try (LlmClient client = LlmClients.create(style, target.endpoint())) {
            switch (scenario) {
                case NON_STREAMING: {
                    ChatResponse response = client.chat(ChatRequest.builder().user(Prompts.QUESTION).maxTokens(Prompts.MAX_TOKENS).build());
                    out.println(response.text());
                    return Checks.nonStreaming(response.text());
                }
                case STREAMING:
                    return streaming(client, out);
                case MULTI_TURN:
                    return multiTurn(client, out);
                case AGENT_LOOP:
                    return AgentLoopCell.run(client, out);
                case EMBEDDINGS:
                    if (!client.capabilities().supports(Capability.EMBEDDINGS)) {
                        return Outcome.notSupported(client.capabilities().reasonUnsupported(Capability.EMBEDDINGS));
                    }
                    return Checks.embeddings(client.embed(new EmbeddingRequest(null, Prompts.TEXTS)).vectors(), out);
                default:
                    return Outcome.notSupported("unknown scenario");
            }
        }
    }

    private static Outcome streaming(LlmClient client, PrintStream out) {
        if (!client.capabilities().supports(Capability.STREAMING)) {
            return Outcome.notSupported(client.capabilities().reasonUnsupported(Capability.STREAMING));
        }
        int deltas = 0;
        StringBuilder answer = new StringBuilder();
        try (ChatStream stream = client.stream(ChatRequest.builder().user(Prompts.QUESTION).maxTokens(Prompts.MAX_TOKENS).build())) {
            for (ChatEvent event : stream) {
                if (event instanceof ChatEvent.TextDelta delta) {
                    deltas++;
                    answer.append(delta.text());
                    out.print(delta.text());
                    out.flush();
                }
            }
        }
        out.println();
        return Checks.streaming(answer.toString(), deltas);
    }

    private static Outcome multiTurn(LlmClient client, PrintStream out) {
        List<ChatMessage> history = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (String turn : List.of("My name is Alice.", "What is my name?")) {
            history.add(ChatMessage.user(turn));
            ChatResponse response = client.chat(ChatRequest.builder().messages(history).maxTokens(Prompts.MAX_TOKENS).build());
            history.add(response.message());
            replies.add(response.text());
            out.println("> " + turn);
            out.println(response.text());
        }
        return Checks.multiTurn(replies);
    }
}
