package dev.switchboard.workshop;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.switchboard.core.Endpoint;

/**
 * One style's own scenario classes, the files a reader copies, run exactly as they are: each cell
 * calls the example's {@code run} method with the tour's endpoint and prompts. A scenario the style
 * has no file for is "n/a", with that reason.
 *
 * <p>OpenAI-compatible rows get the base URL with {@code /v1} and the API key; Ollama-native rows
 * get Ollama's root URL ({@link Endpoint#rootUrl()}) and run only where the endpoint serves
 * Ollama's {@code /api}. The rows themselves are listed in {@link ExampleRows}.
 */
final class ExampleTour implements StyleTour {

    /** {@code NonStreamingChat.run}: the whole answer to one prompt. */
    @FunctionalInterface
    interface NonStreaming {
        String run(String url, String apiKey, String model, String prompt) throws Exception;
    }

    /** {@code StreamingChat.run}: each text delta to {@code onToken}, the whole answer returned. */
    @FunctionalInterface
    interface Streaming {
        String run(String url, String apiKey, String model, String prompt, Consumer<String> onToken) throws Exception;
    }

    /** {@code MultiTurnChat.run}: two turns ("My name is Alice.", "What is my name?"), both replies returned. */
    @FunctionalInterface
    interface MultiTurn {
        List<String> run(String url, String apiKey, String model, Consumer<String> onReply) throws Exception;
    }

    /** {@code AgentLoop.run}: one {@code "tool call ..."} and one {@code "tool result ..."} step per call. */
    @FunctionalInterface
    interface AgentLoop {
        String run(String url, String apiKey, String model, String question, Consumer<String> onStep) throws Exception;
    }

    /** {@code Embeddings.run}: one vector per text, in order. */
    @FunctionalInterface
    interface Embeddings {
        List<float[]> run(String url, String apiKey, String model, List<String> texts) throws Exception;
    }

    private final String name;
    private final boolean ollamaNative;
    private final NonStreaming nonStreaming;
    private final Streaming streaming;
    private final MultiTurn multiTurn;
    private final AgentLoop agentLoop;
    private final Embeddings embeddings;

    /**
     * A row; a null scenario method means the style has no file for that scenario.
     *
     * @param name         the row's name, e.g. {@code "openai-java examples"}
     * @param ollamaNative whether the files talk to Ollama's native {@code /api} (root URL, no key)
     */
    ExampleTour(String name, boolean ollamaNative, NonStreaming nonStreaming, Streaming streaming,
            MultiTurn multiTurn, AgentLoop agentLoop, Embeddings embeddings) {
        this.name = name;
        this.ollamaNative = ollamaNative;
        this.nonStreaming = nonStreaming;
        this.streaming = streaming;
        this.multiTurn = multiTurn;
        this.agentLoop = agentLoop;
        this.embeddings = embeddings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Outcome run(Scenario scenario, TourEndpoint target, PrintStream out) throws Exception {
        if (ollamaNative && target.ollamaMissing().isPresent()) {
            return Outcome.notSupported(target.ollamaMissing().get());
        }
        Endpoint e = target.endpoint();
        String url = ollamaNative ? e.rootUrl() : e.baseUrl();
        String key = e.apiKeyOrPlaceholder();
        switch (scenario) {
            case NON_STREAMING: {
                if (nonStreaming == null) {
                    return noFile(scenario);
                }
                String answer = nonStreaming.run(url, key, e.chatModel(), Prompts.QUESTION);
                out.println(answer);
                return Checks.nonStreaming(answer);
            }
            case STREAMING: {
                if (streaming == null) {
                    return noFile(scenario);
                }
                int[] deltas = new int[1];
                String answer = streaming.run(url, key, e.chatModel(), Prompts.QUESTION, token -> {
                    deltas[0]++;
                    out.print(token);
                    out.flush();
                });
                out.println();
                return Checks.streaming(answer, deltas[0]);
            }
            case MULTI_TURN:
                if (multiTurn == null) {
                    return noFile(scenario);
                }
                return Checks.multiTurn(multiTurn.run(url, key, e.chatModel(), out::println));
            case AGENT_LOOP:
                return agentLoop == null ? noFile(scenario) : agentLoop(url, key, e.chatModel(), out);
            case EMBEDDINGS:
                if (embeddings == null) {
                    return noFile(scenario);
                }
                return Checks.embeddings(embeddings.run(url, key, e.embeddingModel(), Prompts.TEXTS), out);
            default:
                return Outcome.notSupported("unknown scenario");
        }
    }

    private Outcome agentLoop(String url, String key, String model, PrintStream out) throws Exception {
        List<String> calls = new ArrayList<>();
        String answer;
        try {
            answer = agentLoop.run(url, key, model, Prompts.AGENT_QUESTION, step -> {
                out.println("  " + step);
                if (step.startsWith("tool call")) {
                    calls.add(step);
                }
            });
        } catch (Exception e) {
            // Ollama answers 400 "<model> does not support tools" for a model without tool calling.
            if (String.valueOf(e.getMessage()).contains("does not support tools")) {
                return Outcome.notSupported("the server refuses tools: " + e.getMessage());
            }
            throw e;
        }
        out.println(answer);
        return Checks.agentLoop(answer, calls.size());
    }

    private Outcome noFile(Scenario scenario) {
        return Outcome.notSupported("no " + name + " file for " + scenario.title());
    }
}
