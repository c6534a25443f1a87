package dev.switchboard.agent.examples;

import java.time.Clock;
import java.util.function.Consumer;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentEvent;
import dev.switchboard.agent.RunResult;
import dev.switchboard.agent.Runner;
import dev.switchboard.agent.ToolRun;
import dev.switchboard.agent.tools.Calculator;
import dev.switchboard.agent.tools.CityAtlas;
import dev.switchboard.agent.tools.WorldClock;
import dev.switchboard.core.Endpoint;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.LlmClients;

/**
 * Hand-offs, as in the OpenAI Agents SDK: a triage agent with no tools of its own hands the
 * conversation to a specialist — the math agent ({@link Calculator}) or the travel agent
 * ({@link WorldClock}, {@link CityAtlas}) — through the tools {@code transfer_to_math} and
 * {@code transfer_to_travel}. The specialist sees the whole conversation under its own
 * instructions and answers.
 */
public final class Handoffs {

    /** A question for the travel agent. */
    public static final String QUESTION = "A travel question: I fly from Paris to Tokyo tonight. What time is it in Tokyo now?";

    private Handoffs() {
    }

    /**
     * Asks {@link #QUESTION} at the endpoint in the environment, style {@code LLM_STYLE} (default
     * {@code raw-http}); prints each hand-off and tool call.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        String style = System.getenv().getOrDefault("LLM_STYLE", "raw-http");
        try (LlmClient client = LlmClients.create(style, Endpoint.fromEnvironment())) {
            RunResult result = run(client, Clock.systemUTC(), QUESTION, System.out::println);
            System.out.println(result.lastAgent().name() + ": " + result.finalOutput());
        }
    }

    /** The triage agent, with its two specialists; the travel agent reads time from {@code clock}. */
    public static Agent triage(Clock clock) {
        Agent math = Agent.builder("math")
                .instructions("You do arithmetic with the calculator tools, exactly.")
                .handoffDescription("Arithmetic: sums, products, divisions, powers, roots.")
                .tools(new Calculator())
                .build();
        Agent travel = Agent.builder("travel")
                .instructions("You answer about cities, distances and local times, with the tools.")
                .handoffDescription("Cities, distances between them, local times and time zones.")
                .tools(new WorldClock(clock), new CityAtlas())
                .build();
        return Agent.builder("triage")
                .instructions("Decide which specialist should answer and hand the conversation to it. "
                        + "Do not answer yourself.")
                .handoffs(math, travel)
                .build();
    }

    /**
     * Runs the triage agent on {@code question}.
     *
     * @param onStep called with {@code handoff FROM -> TO} and {@code tool call NAME ARGS -> OUTPUT} lines
     * @return the result; {@link RunResult#lastAgent()} is the specialist that answered
     * @throws dev.switchboard.agent.MaxTurnsExceededException if there is no answer in 10 turns
     */
    public static RunResult run(LlmClient client, Clock clock, String question, Consumer<String> onStep) {
        try (Runner runner = new Runner(client)) {
            return runner.runStreamed(triage(clock), question, event -> {
                if (event instanceof AgentEvent.Handoff handoff) {
                    onStep.accept("handoff " + handoff.agent() + " -> " + handoff.to());
                } else if (event instanceof AgentEvent.ToolCallCompleted done
                        && done.run().status() != ToolRun.Status.HANDOFF) {
                    onStep.accept("tool call " + done.run().call().name() + " " + done.run().call().arguments()
                            + " -> " + done.run().output());
                }
            });
        }
    }
}
