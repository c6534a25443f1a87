package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.List;

import dev.switchboard.core.Endpoint;
import dev.switchboard.rawhttp.AgentLoop;
import dev.switchboard.rawhttp.Embeddings;
import dev.switchboard.rawhttp.MultiTurnChat;
import dev.switchboard.rawhttp.NonStreamingChat;
import dev.switchboard.rawhttp.StreamingChat;

/** The raw-HTTP example classes (OkHttp + Jackson, nothing else), run as a reader would copy them. */
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
                int[] toolCalls = new int[1];
                String answer = AgentLoop.run(e.baseUrl(), key, e.chatModel(), Prompts.AGENT_QUESTION, step -> {
                    if (step.startsWith("tool call")) {
                        toolCalls[0]++;
                    }
                    out.println("  " + step);
                });
                out.println(answer);
                return Checks.agentLoop(answer, toolCalls[0]);
            }
            case EMBEDDINGS: {
                return Checks.embeddings(Embeddings.run(e.baseUrl(), key, e.embeddingModel(), Prompts.TEXTS), out);
            }
            default:
                return Outcome.notSupported("unknown scenario");
        }
    }
}
