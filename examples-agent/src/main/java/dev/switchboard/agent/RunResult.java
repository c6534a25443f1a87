package dev.switchboard.agent;

import java.util.List;
import java.util.Objects;

import dev.switchboard.core.ChatMessage;

/**
 * The end of a run: the final answer and how it was reached (OpenAI Agents SDK: {@code RunResult}).
 *
 * @param finalOutput the text of the last assistant message, the one without tool calls; may be
 *                    empty if the model said nothing
 * @param lastAgent   the agent that gave the final answer (another than the first after a hand-off)
 * @param messages    the whole conversation: the input, then every assistant and tool message,
 *                    without system messages; pass it to the next run to continue the conversation
 * @param toolRuns    every tool call of the run, in order
 * @param turns       the number of model calls made, 1 or more
 */
public record RunResult(String finalOutput, Agent lastAgent, List<ChatMessage> messages, List<ToolRun> toolRuns,
        int turns) {

    /** Copies the lists. */
    public RunResult {
        Objects.requireNonNull(finalOutput, "finalOutput");
        Objects.requireNonNull(lastAgent, "lastAgent");
        messages = List.copyOf(messages);
        toolRuns = List.copyOf(toolRuns);
    }
}
