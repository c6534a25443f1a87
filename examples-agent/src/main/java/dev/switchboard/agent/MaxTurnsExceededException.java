package dev.switchboard.agent;

import java.util.List;

import dev.switchboard.core.ChatMessage;

/**
 * The model was still asking for tools (or handing off) when the run's turn budget was spent
 * (OpenAI Agents SDK: {@code MaxTurnsExceeded}). A turn is one model call.
 */
public class MaxTurnsExceededException extends AgentException {

    private final int maxTurns;
    private final List<ChatMessage> messages;

    /**
     * @param maxTurns the budget that was spent
     * @param messages the conversation so far, tool results of the last turn included
     */
    public MaxTurnsExceededException(int maxTurns, List<ChatMessage> messages) {
        super("no final answer after " + maxTurns + " turns: the model kept calling tools", null);
        this.maxTurns = maxTurns;
        this.messages = List.copyOf(messages);
    }

    /** The number of model calls made, the run's {@code maxTurns}. */
    public int maxTurns() {
        return maxTurns;
    }

    /** The conversation up to the stop (no system message), to inspect or to continue from. */
    public List<ChatMessage> messages() {
        return messages;
    }
}
