package dev.switchboard.workshop;

import java.io.PrintStream;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentEvent;
import dev.switchboard.agent.MaxTurnsExceededException;
import dev.switchboard.agent.RunResult;
import dev.switchboard.agent.Runner;
import dev.switchboard.agent.ToolRun;
import dev.switchboard.agent.tools.UnitConverter;
import dev.switchboard.core.Capability;
import dev.switchboard.core.LlmClient;
import dev.switchboard.core.error.BadRequestException;

/**
 * The agent-loop cell of every row: the examples-agent runtime ({@link Runner}) driving that row's
 * {@link LlmClient}, streamed, so text and tool activity print as they happen.
 *
 * <p>"Not supported", with the reason, when the client declares {@link Capability#TOOLS}
 * unsupported, or when the server refuses tools with a 400 saying so (Ollama:
 * {@code "... does not support tools"}, see
 * {@code core/src/test/resources/reference/ollama-wire.md} section 2.3).
 */
final class AgentLoopCell {

    /** The turn budget: the question, the tool round trip, and slack for a model that calls twice. */
    static final int MAX_TURNS = 5;

    private AgentLoopCell() {
    }

    static Outcome run(LlmClient client, PrintStream out) {
        if (!client.capabilities().supports(Capability.TOOLS)) {
            return Outcome.notSupported(client.capabilities().reasonUnsupported(Capability.TOOLS));
        }
        Agent agent = Agent.builder("weather")
                .instructions("Answer questions about the weather. Use get_weather for the forecast; "
                        + "convert units with convert when asked.")
                .tools(new WeatherTool(), new UnitConverter())
                .build();
        try (Runner runner = new Runner(client, MAX_TURNS)) {
            RunResult result = runner.runStreamed(agent, Prompts.AGENT_QUESTION, event -> print(event, out));
            out.println();
            long toolCalls = result.toolRuns().stream().filter(run -> run.status() == ToolRun.Status.OK).count();
            return Checks.agentLoop(result.finalOutput(), (int) toolCalls);
        } catch (MaxTurnsExceededException e) {
            return Outcome.failed(e.getMessage());
        } catch (BadRequestException e) {
            String said = e.providerMessage() == null ? e.getMessage() : e.providerMessage();
            if (said.contains("does not support tools")) {
                return Outcome.notSupported("the server refuses tools: " + said);
            }
            throw e;
        }
    }

    private static void print(AgentEvent event, PrintStream out) {
        if (event instanceof AgentEvent.TextDelta delta) {
            out.print(delta.text());
            out.flush();
        } else if (event instanceof AgentEvent.ToolCallCompleted completed) {
            ToolRun run = completed.run();
            out.println("  tool call " + run.call().name() + "(" + run.call().arguments() + ") -> " + run.output()
                    + (run.status() == ToolRun.Status.OK ? "" : "   [" + run.status() + "]"));
        }
    }
}
