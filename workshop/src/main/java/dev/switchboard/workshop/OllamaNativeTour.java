package dev.switchboard.workshop;

import java.io.PrintStream;

import dev.switchboard.core.Endpoint;
import dev.switchboard.rawhttp.OllamaEmbeddings;
import dev.switchboard.rawhttp.OllamaStreamingChat;

/** The raw-HTTP examples for Ollama's native {@code /api} (NDJSON): streaming chat and embeddings. */
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
            default:
                return Outcome.notSupported("the native examples cover streaming and embeddings");
        }
    }
}
