package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.List;

import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;
import dev.switchboard.examples.rawhttp.Embeddings;
import dev.switchboard.examples.rawhttp.MultiTurnChat;
import dev.switchboard.examples.rawhttp.NonStreamingChat;
import dev.switchboard.examples.rawhttp.StreamingChat;

/**
 * The raw-HTTP example classes (OkHttp + Jackson, nothing else), run as a reader would copy them;
 * the agent loop runs the examples-agent runtime on the {@code raw-http} client.
 */
public final class RawHttpTour implements StyleTour {

    @Override
    public String name() {
        return "raw-http examples";
    }

    @Override
    public Outcome run(Scenario scenario, TourEndpoint target, PrintStream out) throws Exception {
        Endpoint e = target.endpoint();
        String key = e.apiKeyOrPlaceholder();
        switch (scenario) {
            case NON_STREAMING: {
                String answer = NonStreamingChat.run(e.baseUrl(), key, e.chatModel(), Prompts.QUESTION);
                out.println(answer);
                return Checks.nonStreaming(answer);
            }
            case STREAMING: {
                int[] deltas = new int[1];
                String answer = StreamingChat.run(e.baseUrl(), key, e.chatModel(), Prompts.QUESTION, token -> {
                    deltas[0]++;
                    out.print(token);
                    out.flush();
                });
                out.println();
                return Checks.streaming(answer, deltas[0]);
            }
            case MULTI_TURN: {
                List<String> replies = MultiTurnChat.run(e.baseUrl(), key, e.chatModel(), out::println);
                return Checks.multiTurn(replies);
            }
            case AGENT_LOOP: {
                // The agent loop through the examples-agent runtime on the raw-http client; the
                // hand-written loop a reader copies is examples-raw-http's AgentLoop.
                try (LlmClient client = LlmClients.create("raw-http", e)) {
                    return AgentLoopCell.run(client, out);
                }
            }
            case EMBEDDINGS: {
                return Checks.embeddings(Embeddings.run(e.baseUrl(), key, e.embeddingModel(), Prompts.TEXTS), out);
            }
            default:
                return Outcome.notSupported("unknown scenario");
        }
    }
}
