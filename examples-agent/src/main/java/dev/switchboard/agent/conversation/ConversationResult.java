package dev.switchboard.agent.conversation;

import java.util.List;
import java.util.Objects;

import dev.switchboard.agent.ToolRun;
import dev.switchboard.core.ChatMessage;

/**
 * The end of a two-agent conversation (AutoGen: {@code ChatResult}).
 *
 * @param messages   the conversation from the assistant's side: the proxy's messages as {@code user}
 *                   and {@code tool}, the assistant's as {@code assistant}
 * @param summary    the assistant's last text, with a trailing {@code TERMINATE} removed
 *                   (AutoGen's {@code summary_method="last_msg"})
 * @param stopReason why the conversation ended
 * @param autoReplies how many automatic replies the proxy sent (tool results and default replies)
 * @param toolRuns   every tool call the proxy ran, in order
 */
public record ConversationResult(List<ChatMessage> messages, String summary, StopReason stopReason, int autoReplies,
        List<ToolRun> toolRuns) {

    /** Why a conversation ended. */
    public enum StopReason {
        /** The assistant's message was a termination message. */
        TERMINATED,
        /** The proxy had sent {@code maxConsecutiveAutoReply} automatic replies in a row. */
        MAX_CONSECUTIVE_AUTO_REPLY
    }

    /** Copies the lists. */
    public ConversationResult {
        messages = List.copyOf(messages);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(stopReason, "stopReason");
        toolRuns = List.copyOf(toolRuns);
    }
}
