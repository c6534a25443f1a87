package dev.switchboard.workshop;

import java.io.PrintStream;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.examples.rawhttp.OllamaEmbeddings;
import dev.switchboard.examples.rawhttp.OllamaStreamingChat;

/**
 * The raw-HTTP examples for Ollama's native {@code /api} (NDJSON): streaming chat and embeddings;
 * the agent loop runs the examples-agent runtime on the {@code raw-http-ollama} client.
 */
public final class OllamaNativeTour implements StyleTour {

    @Override
    public String name() {
        return "raw-http Ollama /api";
    }

    @Override
    public Outcome run(Scenario scenario, TourEndpoint target, PrintStream out) throws Exception {
        if (!target.ollama()) {
            return Outcome.notSupported("the endpoint is not an Ollama (GET / did not say 'Ollama is running')");
        }
        Endpoint e = target.endpoint();
        switch (scenario) {
            case STREAMING: {
                int[] deltas = new int[1];
                String answer = OllamaStreamingChat.run(e.rootUrl(), e.chatModel(), Prompts.QUESTION, token -> {
                    deltas[0]++;
                    out.print(token);
                    out.flush();
                });
                out.println();
                return Checks.streaming(answer, deltas[0]);
            }
            case EMBEDDINGS:
                return Checks.embeddings(OllamaEmbeddings.run(e.rootUrl(), e.embeddingModel(), Prompts.TEXTS), out);
            case AGENT_LOOP:
                // The examples-agent runtime on the native /api/chat client (tools as NDJSON lines).
                try (LlmClient client = LlmClients.create("raw-http-ollama", e)) {
                    return AgentLoopCell.run(client, out);
                }
            default:
                return Outcome.notSupported("the native examples cover streaming, the agent loop and embeddings");
        }
    }
}
