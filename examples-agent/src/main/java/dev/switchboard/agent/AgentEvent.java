package dev.switchboard.agent;

import dev.switchboard.core.ChatResponse;
import dev.switchboard.core.ToolCall;

/**
 * What a streamed run reports as it happens ({@link Runner#runStreamed}), in order. Sealed, so a
 * handler can test each kind; keep an {@code else} branch, the set may grow.
 *
 * <p>For each turn: any number of {@link TextDelta} and {@link ReasoningDelta} while the model
 * writes, then {@link TurnCompleted}; if it asked for tools, one {@link ToolCallRequested} per
 * call (in the model's order), then one {@link ToolCallCompleted} per call (in the same order),
 * then a {@link Handoff} if one was made.
 */
public sealed interface AgentEvent {

    /** The name of the agent that was running when this happened. */
    String agent();

    /**
     * A piece of the model's answer text, as the client's stream delivered it.
     *
     * @param agent the running agent
     * @param text  the new text, never empty
     */
    record TextDelta(String agent, String text) implements AgentEvent {
    }

    /**
     * A piece of the model's separated reasoning.
     *
     * @param agent the running agent
     * @param text  the new reasoning text, never empty
     */
    record ReasoningDelta(String agent, String text) implements AgentEvent {
    }

    /**
     * One model call ended.
     *
     * @param agent    the running agent
     * @param turn     the turn number, from 1
     * @param response the whole answer of this turn (for a streamed turn: id and model null)
     */
    record TurnCompleted(String agent, int turn, ChatResponse response) implements AgentEvent {
    }

    /**
     * The model asked for a tool; it is about to run.
     *
     * @param agent the running agent
     * @param call  the call as received, id included
     */
    record ToolCallRequested(String agent, ToolCall call) implements AgentEvent {
    }

    /**
     * A tool call was answered.
     *
     * @param agent the running agent
     * @param run   the call, the output sent back and how it ended
     */
    record ToolCallCompleted(String agent, ToolRun run) implements AgentEvent {
    }

    /**
     * The conversation passed to another agent; the next turn runs {@code to}.
     *
     * @param agent the agent that handed off
     * @param to    the name of the agent that now runs
     */
    record Handoff(String agent, String to) implements AgentEvent {
    }
}
