package dev.switchboard.server.internal;

import java.util.List;

import dev.switchboard.core.ChatMessage;
import dev.switchboard.core.ToolCall;

/** Read-only helpers over a request's messages, for the scripted engine's rules. */
public final class Conversation {

    private Conversation() {
    }

    /** A message's text content; "" when it has none (an assistant that only called tools). */
    public static String content(ChatMessage m) {
        if (m instanceof ChatMessage.UserMessage) {
            return ((ChatMessage.UserMessage) m).content();
        } else if (m instanceof ChatMessage.SystemMessage) {
            return ((ChatMessage.SystemMessage) m).content();
        } else if (m instanceof ChatMessage.AssistantMessage) {
            String c = ((ChatMessage.AssistantMessage) m).content();
            return c == null ? "" : c;
        } else if (m instanceof ChatMessage.ToolMessage) {
            return ((ChatMessage.ToolMessage) m).content();
        }
        return "";
    }

    /** The last user message's text, or null when there is no user message. */
    public static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.UserMessage) {
                return ((ChatMessage.UserMessage) messages.get(i)).content();
            }
        }
        return null;
    }

    /** The total word count of every message's content. */
    public static int totalWords(List<ChatMessage> messages) {
        int n = 0;
        for (ChatMessage m : messages) {
            n += Words.count(content(m));
        }
        return n;
    }

    /**
     * The name of the tool whose call has id {@code toolCallId}, searching assistant messages from
     * the end; {@code toolCallId} itself when no call has it (Ollama's native history names the tool
     * instead of the call).
     */
    public static String toolName(List<ChatMessage> messages, String toolCallId) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ChatMessage.AssistantMessage) {
                for (ToolCall call : ((ChatMessage.AssistantMessage) messages.get(i)).toolCalls()) {
                    if (call.id().equals(toolCallId)) {
                        return call.name();
                    }
                }
            }
        }
        return toolCallId;
    }
}
