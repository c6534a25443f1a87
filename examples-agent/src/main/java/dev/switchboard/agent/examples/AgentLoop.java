package dev.switchboard.agent.examples;

import java.util.function.Consumer;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentEvent;
import dev.switchboard.agent.RunResult;
import dev.switchboard.agent.Runner;
import dev.switchboard.agent.tools.Calculator;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;

/**
 * The agent task through this module's runtime: an {@link Agent} with the {@link Calculator}'s
 * tools, run by a {@link Runner} on any {@link LlmClient}, streamed. Compare with
 * {@link RawHttpAgentLoop}, {@link OpenAiJavaAgentLoop}, {@link LangChain4jAgentLoop} and
 * {@link SpringAiAgentLoop}: the same task, by hand and in each framework's idiom.
 *
 * <p>Run {@link #main} with the module README's command; the style is {@code LLM_STYLE}
 * (default {@code raw-http}).
 */
public final class AgentLoop {

    /** The task of every agent example: a product a small model cannot work out in its head. */
    public static final String QUESTION = "Please multiply 1234.5678 by 8765.4321 exactly.";

    private AgentLoop() {
    }

    /**
     * Asks {@link #QUESTION} at the endpoint in the environment ({@code LLM_BASE_URL},
     * {@code LLM_API_KEY}, {@code LLM_MODEL}; {@link Endpoint#fromEnvironment()}) with the style named
     * by {@code LLM_STYLE} (default {@code raw-http}), printing text and tool calls as they happen.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String style = System.getenv().getOrDefault("LLM_STYLE", "raw-http");
        try (LlmClient client = LlmClients.create(style, Endpoint.fromEnvironment())) {
            String answer = run(client, QUESTION, System.out::println);
            System.out.println("assistant: " + answer);
        }
    }

    /**
     * Runs the calculator agent on {@code question}.
     *
     * @param client   any style's client; not closed here
     * @param question the user's message
     * @param onStep   called on this thread with one line per tool call ({@code tool call NAME ARGS -> OUTPUT})
     * @return the final answer
     * @throws dev.switchboard.agent.MaxTurnsExceededException if there is no answer in 5 turns
     * @throws dev.switchboard.core.error.LlmException         from the model call
     */
    public static String run(LlmClient client, String question, Consumer<String> onStep) {
        Agent agent = Agent.builder("calculator")
                .instructions("You are a careful assistant. Do every calculation with the tools, never in your head.")
                .tools(new Calculator())
                .build();
        try (Runner runner = new Runner(client, 5)) {
            RunResult result = runner.runStreamed(agent, question, event -> {
                if (event instanceof AgentEvent.ToolCallCompleted done) {
                    onStep.accept("tool call " + done.run().call().name() + " " + done.run().call().arguments()
                            + " -> " + done.run().output());
                }
            });
            return result.finalOutput();
        }
    }
}
